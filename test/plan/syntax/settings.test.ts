import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../../../src/core/errors.js';
import { settingsSyntax } from '../../../src/plan/syntax/settings.js';
import { parseDotenv } from '../../../src/scan/frontends/dotenv.js';
import { HOSTILE_VALUES } from './hostile.js';

/** `text` with the first `target` (inside a value whose content is `content`) rewritten to `value`. */
function rewrite(language: string, text: string, content: string, target: string, value: string): string {
  const start = text.indexOf(content);
  const literal = { start, end: start + content.length };
  const at = { start: start + content.indexOf(target), end: start + content.indexOf(target) + target.length };
  const { range, text: written } = settingsSyntax(language, text).replaceInLiteral(literal, at, value);
  return text.slice(0, range.start) + written + text.slice(range.end);
}

describe('JSON values', () => {
  it.each(HOSTILE_VALUES)('writes %s as the same JSON string', (_, value) => {
    const text = '{ "model": "gpt-4o", "next": 1 }\n';
    const parsed = JSON.parse(rewrite('json', text, 'gpt-4o', 'gpt-4o', value)) as Record<string, unknown>;
    expect(parsed).toEqual({ model: value, next: 1 });
  });
});

describe.each([
  ['plain', 'model: gpt-4o\nnext: 1\n'],
  ['single-quoted', "model: 'gpt-4o'\nnext: 1\n"],
  ['double-quoted', 'model: "gpt-4o"\nnext: 1\n'],
  ['in a flow list', 'model: [gpt-4o, x]\nnext: 1\n'],
])('a %s YAML value', (_, text) => {
  it.each(HOSTILE_VALUES)('holds %s after the rewrite', (_, value) => {
    const parsed = parseYaml(rewrite('yaml', text, 'gpt-4o', 'gpt-4o', value)) as Record<string, unknown>;
    expect(parsed.model).toEqual(text.includes('[') ? [value, 'x'] : value);
    expect(parsed.next).toBe(1);
  });
});

describe('YAML values', () => {
  it('keeps a plain URL plain when only its start changes', () => {
    const text = 'url: https://api.openai.com/v1/chat/completions\n';
    const rewritten = rewrite('yaml', text, 'https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1', 'https://api.deepseek.com');
    expect(rewritten).toBe('url: https://api.deepseek.com/chat/completions\n');
  });

  it('quotes a plain value anew, keeping the rest of it, when the new part is not plain-safe', () => {
    const text = 'url: https://api.openai.com/v1/chat\n';
    const rewritten = rewrite('yaml', text, 'https://api.openai.com/v1/chat', 'https://api.openai.com/v1', 'https://x #y');
    expect(rewritten).toBe('url: "https://x #y/chat"\n');
    expect(parseYaml(rewritten)).toEqual({ url: 'https://x #y/chat' });
  });

  it.each(['true', 'On', 'no', 'y', 'null', '~', '1e3', '0x1F', '0o17', '123', '1_000', '1:20', '2024-10-01', '.5'])(
    'quotes %j, which YAML 1.2 or 1.1 reads as something else than that text when plain',
    (value) => {
      const rewritten = rewrite('yaml', 'model: gpt-4o\n', 'gpt-4o', 'gpt-4o', value);
      expect(rewritten).toBe(`model: "${value}"\n`);
      for (const version of ['1.1', '1.2'] as const) expect(parseYaml(rewritten, { version })).toEqual({ model: value });
    },
  );

  it('quotes a plain value whose rewritten whole would read as a number, and keeps ids plain', () => {
    expect(rewrite('yaml', 'port: 80x\n', '80x', 'x', '80')).toBe('port: "8080"\n');
    expect(rewrite('yaml', 'model: gpt-4o\n', 'gpt-4o', 'gpt-4o', 'Qwen/Qwen2.5-7B@v1:latest')).toBe('model: Qwen/Qwen2.5-7B@v1:latest\n');
  });

  it('never starts a plain value with an indicator', () => {
    expect(parseYaml(rewrite('yaml', 'model: gpt-4o\n', 'gpt-4o', 'gpt-4o', '-x'))).toEqual({ model: '-x' });
    expect(parseYaml(rewrite('yaml', 'model: gpt-4o\n', 'gpt-4o', 'gpt-4o', '@x'))).toEqual({ model: '@x' });
    expect(parseYaml(rewrite('yaml', 'model: gpt-4o\n', 'gpt-4o', 'gpt-4o', 'x:'))).toEqual({ model: 'x:' });
  });
});

describe.each([
  ['unquoted', 'MODEL=gpt-4o\nNEXT=1\n'],
  ['single-quoted', "MODEL='gpt-4o'\nNEXT=1\n"],
  ['double-quoted', 'MODEL="gpt-4o"\nNEXT=1\n'],
])('an %s .env value', (_, text) => {
  const read = (env: string) => {
    const parsed = parseDotenv(env);
    if (!parsed.ok) throw new Error(parsed.message);
    return Object.fromEntries(parsed.entries.map((entry) => [entry.name, entry.value?.text]));
  };

  it.each(HOSTILE_VALUES.filter(([, value]) => !/[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(value)))('holds %s after the rewrite', (_, value) => {
    expect(read(rewrite('env', text, 'gpt-4o', 'gpt-4o', value))).toEqual({ MODEL: value, NEXT: '1' });
  });

  it.each(HOSTILE_VALUES.filter(([, value]) => /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(value)))('refuses %s, which .env quoting cannot hold', (_, value) => {
    expect(() => rewrite('env', text, 'gpt-4o', 'gpt-4o', value)).toThrow(UsageError);
  });
});

describe('settings files hold no code', () => {
  it('refuses to write an env read into a JSON file', () => {
    expect(() => settingsSyntax('json', '{}').envOr('X', '')).toThrow(/hold no code/);
  });
});
