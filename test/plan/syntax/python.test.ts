import { describe, expect, it } from 'vitest';
import { syntaxFor } from '../../../src/plan/syntax/index.js';
import { pythonSyntax } from '../../../src/plan/syntax/python.js';
import { readPython } from '../../helpers/python.js';
import { HOSTILE_VALUES } from './hostile.js';

describe.each(["'", '"'] as const)('Python syntax with %s quotes', (quote) => {
  const syntax = pythonSyntax('', quote);
  const readings = readPython(HOSTILE_VALUES.map(([, value]) => ({ source: syntax.string(value), mode: 'literal' })));

  it.each(HOSTILE_VALUES.map(([name, value], i) => [name, value, i] as const))('writes %s as one literal with the same value', (_, value, i) => {
    const literal = syntax.string(value);
    expect(literal.startsWith(quote) && literal.endsWith(quote)).toBe(true);
    expect(readings[i]).toEqual({ ok: true, kind: 'literal', value });
    expect(literal).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
  });

  const templates = HOSTILE_VALUES.map(([, value]) => syntax.interpolate([value, { env: 'AZURE_OPENAI_RESOURCE' }, value]));
  const templateReadings = readPython(templates.map((source) => ({ source, mode: 'fstring' })));
  it.each(HOSTILE_VALUES.map(([name, value], i) => [name, value, i] as const))('reads %s from env only as text around the read (Python 3.11 f-string)', (_, value, i) => {
    const parts = value === '' ? [{ expression: "os.environ['AZURE_OPENAI_RESOURCE']" }] : [value, { expression: "os.environ['AZURE_OPENAI_RESOURCE']" }, value];
    expect(templateReadings[i]).toEqual({ ok: true, kind: 'fstring', parts });
  });
});

describe('Python syntax', () => {
  const syntax = pythonSyntax('', '"');

  it('writes the key read the SDK cannot fall back from', () => {
    expect(syntax.envOr('ZAI_API_KEY', '')).toBe('os.environ.get("ZAI_API_KEY", "")');
  });

  it('writes the env template of the Azure base URL as an f-string', () => {
    expect(syntax.interpolate(['https://', { env: 'AZURE_OPENAI_RESOURCE' }, '.openai.azure.com/openai/v1'])).toBe(
      `f"https://{os.environ['AZURE_OPENAI_RESOURCE']}.openai.azure.com/openai/v1"`,
    );
  });

  it('joins strings and reads when a variable name could not sit inside an f-string', () => {
    const code = syntax.interpolate(['https://', { env: "A'B\\" }, '.x']);
    expect(code).toBe(`"https://" + os.environ["A'B\\\\"] + ".x"`);
  });

  it('writes keyword arguments, argument lists, dicts and imports', () => {
    expect(syntax.option('base_url', '"u"')).toBe('base_url="u"');
    expect(syntax.option('api-key', '"u"')).toBe('**{"api-key": "u"}');
    expect(syntax.arguments(['a=1', 'b=2'])).toBe('a=1, b=2');
    expect(syntax.group(['a=1'])).toBe('dict(a=1)');
    expect(syntax.importNames(['AzureOpenAI'], 'openai')).toBe('from openai import AzureOpenAI');
  });

  const LITERALS = ['"gpt-4o"', "'gpt-4o'", '"""gpt-4o"""', "'''gpt-4o'''", 'f"gpt-4o{x}"', 'b"gpt-4o"', 'r"gpt-4o"', "R'gpt-4o'", 'rb"gpt-4o"', 'u"gpt-4o"'];
  describe.each(LITERALS)('rewriting the model inside %s', (literal) => {
    const rewritten = HOSTILE_VALUES.map(([, value]) => {
      const text = `x = ${literal}\n`;
      const start = text.indexOf('gpt-4o');
      const range = { start, end: start + 'gpt-4o'.length };
      const replacement = pythonSyntax(text, '"').replaceInLiteral(range, range, value);
      return text.slice(0, replacement.range.start) + replacement.text + text.slice(replacement.range.end, -1);
    });
    const isFormat = literal.startsWith('f');
    const readings = readPython(rewritten.map((source) => ({ source: source.slice('x = '.length), mode: isFormat ? 'fstring' : 'literal' })));
    it.each(HOSTILE_VALUES.map(([name, value], i) => [name, value, i] as const))('keeps %s one literal with that value', (_, value, i) => {
      if (isFormat) expect(readings[i]).toEqual({ ok: true, kind: 'fstring', parts: [...(value === '' ? [] : [value]), { expression: 'x' }] });
      else expect(readings[i]).toEqual({ ok: true, kind: 'literal', value });
    });
  });
});

describe('the quote Python code is written with', () => {
  it('is the one the file uses most', () => {
    expect(syntaxFor('python', "a = 'x'\nb = 'y'\nc = \"z\"\n").string('v')).toBe("'v'");
  });

  it('is the double quote of black and ruff when the file has no preference', () => {
    expect(syntaxFor('python', 'from app.settings import settings\n').string('v')).toBe('"v"');
  });
});
