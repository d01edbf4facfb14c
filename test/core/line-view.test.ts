import { describe, expect, it } from 'vitest';
import { textLines } from '../../src/core/line-view.js';

describe('the lines of a plain file', () => {
  const text = 'import openai\nif True:\n\t  openai.api_key = k\r\nlast';
  const lines = textLines(text);
  const at = (needle: string) => text.indexOf(needle);

  it('ends a line before its LF or CRLF, and the last one at the end of the text', () => {
    expect(lines.lineEnd(at('openai\n'))).toBe(at('\nif'));
    expect(lines.lineEnd(at('openai.api_key'))).toBe(at('\r\n'));
    expect(lines.lineEnd(at('last'))).toBe(text.length);
  });

  it('starts the next line after the line break; after a last line without one, a break comes first', () => {
    expect(lines.nextLine(at('openai\n'))).toEqual({ at: at('if True'), needsBreak: false });
    expect(lines.nextLine(at('openai.api_key'))).toEqual({ at: at('last'), needsBreak: false });
    expect(lines.nextLine(at('last'))).toEqual({ at: text.length, needsBreak: true });
    expect(textLines('import openai\n').nextLine(0)).toEqual({ at: 14, needsBreak: false });
  });

  it('reads the indentation up to the offset, tabs included', () => {
    expect(lines.indent(at('openai.api_key'))).toBe('\t  ');
    expect(lines.indent(at('import'))).toBe('');
  });

  it('uses CRLF when the text does', () => {
    expect(lines.eol).toBe('\r\n');
    expect(textLines('a\nb\n').eol).toBe('\n');
    expect(lines.slice(at('api_key'), at(' = k'))).toBe('api_key');
  });
});
