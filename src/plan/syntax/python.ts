import { UsageError } from '../../core/errors.js';
import type { Finding, Range } from '../../core/types.js';
import { commonEscape, escapeEach } from './escape.js';
import { importPosition, importsOs } from './python-imports.js';
import type { Replacement, StringPart, Syntax } from './types.js';

type Quote = "'" | '"';

const IDENTIFIER = /^[A-Za-z_]\w*$/;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** How a Python string literal is written: its quote, prefix letters and the kind of value. */
interface LiteralKind {
  quote: string;
  prefix: string;
  isRaw: boolean;
  isBytes: boolean;
  isFormat: boolean;
}

/** `\xNN`, `\uNNNN` or `\UNNNNNNNN` for one code point (or lone surrogate). */
function pythonEscape(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** UTF-8 bytes of a code point; a lone surrogate is encoded like any other (Python's `surrogatepass`). */
function utf8Bytes(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
}

/** The content of a non-raw Python literal of `kind` that reads `value`. */
export function escapePython(value: string, kind: Pick<LiteralKind, 'quote' | 'isBytes' | 'isFormat'>): string {
  const quoteChar = kind.quote[0];
  return escapeEach(
    value,
    (char) => {
      if (char === quoteChar) return `\\${char}`;
      if (kind.isFormat && (char === '{' || char === '}')) return char + char;
      if (char === '\0') return '\\x00';
      const common = commonEscape(char);
      if (common !== undefined) return common;
      // A bytes literal holds ASCII only: other characters as their UTF-8 bytes.
      if (kind.isBytes && char.codePointAt(0)! > 0x7e) return utf8Bytes(char.codePointAt(0)!).map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');
      return undefined;
    },
    pythonEscape,
  );
}

/** The literal whose content starts at `start`: its opening quote and prefix, read backwards. */
function literalKind(text: string, start: number): LiteralKind {
  const triple = text.slice(start - 3, start);
  const quote = triple === '"""' || triple === "'''" ? triple : text[start - 1] === "'" ? "'" : '"';
  const prefix = /[A-Za-z]{0,2}$/.exec(text.slice(Math.max(0, start - quote.length - 2), start - quote.length))![0].toLowerCase();
  return { quote, prefix, isRaw: prefix.includes('r'), isBytes: prefix.includes('b'), isFormat: prefix.includes('f') || prefix.includes('t') };
}

/** A raw literal holds a value as written: one without its quote, backslashes, invisible characters (nor braces in an f-string, nor non-ASCII in bytes). */
function fitsRaw(value: string, kind: LiteralKind): boolean {
  return ![...value].some(
    (char) => char === kind.quote[0] || char === '\\' || INVISIBLE.test(char) || (kind.isFormat && (char === '{' || char === '}')) || (kind.isBytes && char.codePointAt(0)! > 0x7e),
  );
}

/**
 * Python: `os.environ.get("X", "")`, keyword arguments, `from m import x`. `quote` is the file's
 * preferred quote; `findings` tell which modules the file already imports.
 */
export function pythonSyntax(text: string, quote: Quote, findings: readonly Finding[] = []): Syntax {
  const string = (value: string, q: Quote = quote): string => `${q}${escapePython(value, { quote: q, isBytes: false, isFormat: false })}${q}`;
  const env = (name: string, q: Quote = quote): string => `os.environ[${string(name, q)}]`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    sdk: {
      baseUrl: 'base_url',
      apiKey: 'api_key',
      azureEndpoint: 'azure_endpoint',
      apiVersion: 'api_version',
      langchain: { legacyKey: 'openai_api_key', legacyUrl: 'openai_api_base' },
      llamaIndexUrl: 'api_base',
    },
    laterOptionWins: false,
    string: (value) => string(value),
    interpolate(parts: readonly StringPart[]) {
      if (parts.every((part) => typeof part === 'string')) return string(parts.join(''));
      // Before Python 3.12 an f-string's expressions may not hold its own quote or a backslash.
      const inner: Quote = quote === '"' ? "'" : '"';
      // An endpoint variable loses its trailing slashes, so that the path after it is not doubled.
      const read = (part: Exclude<StringPart, string>, q: Quote): string => ('env' in part ? env(part.env, q) : `${env(part.urlEnv, q)}.rstrip(${string('/', q)})`);
      const [only] = parts;
      if (parts.length === 1 && typeof only === 'object' && 'urlEnv' in only) return read(only, quote);
      if (parts.every((part) => typeof part === 'string' || IDENTIFIER.test('env' in part ? part.env : part.urlEnv))) {
        const body = parts.map((part) => (typeof part === 'string' ? escapePython(part, { quote, isBytes: false, isFormat: true }) : `{${read(part, inner)}}`)).join('');
        return `f${quote}${body}${quote}`;
      }
      return parts.map((part) => (typeof part === 'string' ? string(part) : read(part, quote))).join(' + ');
    },
    env: (name) => env(name),
    envOr: (name, fallback) => `os.environ.get(${string(name)}, ${string(fallback)})`,
    option: (name, code) => (IDENTIFIER.test(name) ? `${name}=${code}` : `**{${string(name)}: ${code}}`),
    group: (options) => `dict(${options.join(', ')})`,
    arguments: (options) => options.join(', '),
    construct: (className, options) => `${className}(${options.join(', ')})`,
    importNames: (names, module) => `from ${module} import ${names.join(', ')}`,
    azureTokenProvider: (scope) => ({
      code: `get_bearer_token_provider(DefaultAzureCredential(), ${string(scope)})`,
      importLine: 'from azure.identity import DefaultAzureCredential, get_bearer_token_provider',
    }),
    replaceInLiteral(literal: Range, at: Range, value: string): Replacement {
      const kind = literalKind(text, literal.start);
      if (!kind.isRaw) return { range: at, text: escapePython(value, kind) };
      if (fitsRaw(value, kind)) return { range: at, text: value };
      if (kind.isFormat) throw new UsageError(`the value ${JSON.stringify(value)} cannot be written into a raw f-string`, 'use a value without quotes, backslashes or control characters');
      // A raw literal reads as written: the whole literal is written anew, escaped.
      const whole = text.slice(literal.start, at.start) + value + text.slice(at.end, literal.end);
      const prefix = kind.prefix.replace('r', '');
      const start = literal.start - kind.quote.length - kind.prefix.length;
      return { range: { start, end: literal.end + kind.quote.length }, text: `${prefix}${quote}${escapePython(whole, { quote, isBytes: kind.isBytes, isFormat: false })}${quote}` };
    },
    prerequisites(inserted: readonly string[]): Replacement[] {
      if (!inserted.some((code) => code.includes('os.environ')) || importsOs(text, findings)) return [];
      const at = importPosition(text, 'os');
      // At the end of a file without a final newline, the import needs its own line.
      const before = at > 0 && text[at - 1] !== '\n' ? eol : '';
      return [{ range: { start: at, end: at }, text: `${before}import os${eol}` }];
    },
  };
}
