import { describe, expect, it } from 'vitest';
import { describeMinified } from '../../src/scan/minified.js';

/** A bundler's output: one line of code without indentation or spaces. */
function bundle(functions: number): string {
  const parts = ['"use strict";'];
  for (let index = 0; index < functions; index++) parts.push(`function f${index}(t,e){return t.map(function(n){return n*e+${index}})}`);
  parts.push('var c=new(require("openai").OpenAI)();exports.ask=function(t){return c.chat.completions.create({model:"gpt-4o",messages:[t]})};');
  return `${parts.join('')}\n//# sourceMappingURL=app.js.map\n`;
}

describe('describeMinified', () => {
  it('recognises a bundle on one long line, saying how its lines look', () => {
    const text = bundle(100);
    expect(describeMinified(text)).toBe(`minified or generated code (2 lines averaging ${Math.round(text.length / 2)} characters)`);
  });

  it('leaves a small minified file to the parser', () => {
    expect(describeMinified(bundle(5))).toBeUndefined();
  });

  it('leaves formatted code alone, however large', () => {
    const text = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n\n'.repeat(2_000);
    expect(describeMinified(text)).toBeUndefined();
  });

  it('leaves alone a source file with a long prompt on one line', () => {
    const prompt = 'You are a helpful assistant that answers questions about the order history of a customer. '.repeat(60);
    const text = `import OpenAI from 'openai';\nconst ai = new OpenAI();\nexport const SYSTEM = "${prompt}";\nexport const ask = () => ai.responses.create({ model: 'gpt-4o', instructions: SYSTEM });\n`;
    expect(text.length).toBeGreaterThan(5_000);
    expect(describeMinified(text)).toBeUndefined();
  });

  it('counts a last line without a newline', () => {
    expect(describeMinified(bundle(100).replace(/\n\/\/#.*\n$/, ''))).toMatch(/\(1 line averaging \d+ characters\)$/);
  });
});
