import { UsageError } from '../../core/errors.js';
import type { Range } from '../../core/types.js';
import { commonEscape, escapeEach, unicodeUnits } from './escape.js';
import type { Replacement, Syntax } from './types.js';
import { renderYamlScalar, replaceInYamlScalar } from './yaml-scalar.js';

/** Content of a JSON string. */
function escapeJson(value: string): string {
  return escapeEach(value, (char) => (char === '"' ? '\\"' : commonEscape(char)), unicodeUnits);
}

const INVISIBLE_OR_NEWLINE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
/** What an unquoted .env value may hold without changing meaning: URL and id characters. */
const PLAIN_SAFE = /^[A-Za-z0-9._~:/?=&%+@-]*$/;

/** A style of value the format writes in place, and how it holds a value. */
interface ValueStyle {
  open: string;
  close: string;
  /** The value's text in this style, or undefined when the style cannot hold it. */
  write(value: string): string | undefined;
  /** The value a piece of text in this style reads. */
  read(raw: string): string;
}

const verbatim = (raw: string): string => raw;

const JSON_STRING: ValueStyle = { open: '"', close: '"', write: escapeJson, read: (raw) => JSON.parse(`"${raw}"`) as string };
const PLAIN: ValueStyle = { open: '', close: '', write: (value) => (PLAIN_SAFE.test(value) ? value : undefined), read: verbatim };
/** dotenv reads quoted values as they are (a double-quoted one also expands `\n`). */
const envQuoted = (quote: string): ValueStyle => ({
  open: quote,
  close: quote,
  write: (value) => (value.includes(quote) || value.includes('\\') || INVISIBLE_OR_NEWLINE.test(value) ? undefined : value),
  read: verbatim,
});

/** A plain value must not be empty, start with an indicator (`-`, `?`, `@`) or end with `:`. */
function isPlainSafe(written: string, literal: Range, at: Range): boolean {
  return (at.start > literal.start || /^[A-Za-z0-9]/.test(written)) && (at.end < literal.end || !written.endsWith(':'));
}

/** The styles of a format, by the character before a value (a quote, or anything for unquoted values). */
const STYLES: Record<string, { byOpening: (char: string | undefined) => ValueStyle; rewrite: ValueStyle[] }> = {
  json: { byOpening: () => JSON_STRING, rewrite: [JSON_STRING] },
  env: {
    byOpening: (char) => (char === '"' || char === "'" || char === '`' ? envQuoted(char) : PLAIN),
    rewrite: [envQuoted("'"), envQuoted('"'), envQuoted('`')],
  },
};

/**
 * Settings files (JSON, YAML, .env) hold values, not code: a value is written in the style its
 * entry already has, or the entry's value is quoted anew in a style that holds it. YAML
 * scalars are written by the yaml library (see `renderYamlScalar`).
 */
export function settingsSyntax(language: string, text: string): Syntax {
  const styles = STYLES[language] ?? STYLES.json!;
  const noCode = (): never => {
    throw new Error(`internal error: ${language} files hold no code to write`);
  };
  const writeAnew = (value: string): string => {
    for (const style of styles.rewrite) {
      const written = style.write(value);
      if (written !== undefined) return `${style.open}${written}${style.close}`;
    }
    throw new UsageError(`the value ${JSON.stringify(value)} cannot be written into a ${language} file`, 'use a value without quotes, backslashes or control characters');
  };
  return {
    get sdk(): never {
      return noCode();
    },
    laterOptionWins: false,
    string: language === 'yaml' ? (value) => renderYamlScalar(value, 'QUOTE_DOUBLE') : writeAnew,
    interpolate: noCode,
    env: noCode,
    envOr: noCode,
    option: noCode,
    group: noCode,
    arguments: noCode,
    construct: noCode,
    importNames: noCode,
    azureTokenProvider: noCode,
    prerequisites: () => [],
    replaceInLiteral(literal: Range, at: Range, value: string): Replacement {
      if (language === 'yaml') return replaceInYamlScalar(text, literal, at, value);
      const style = styles.byOpening(text[literal.start - 1]);
      const inPlace = style.write(value);
      const whole = style.read(text.slice(literal.start, at.start)) + value + style.read(text.slice(at.end, literal.end));
      if (inPlace !== undefined && (style !== PLAIN || isPlainSafe(inPlace, literal, at))) {
        return { range: at, text: inPlace };
      }
      return { range: { start: literal.start - style.open.length, end: literal.end + style.close.length }, text: writeAnew(whole) };
    },
  };
}
