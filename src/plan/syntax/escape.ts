/**
 * Characters that are never written raw into a literal: controls (C0, DEL, C1), format
 * characters (bidi overrides and isolates, zero-width characters, BOM), line and paragraph
 * separators, and lone surrogates. Escaped, they stay visible to a reviewer.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** `\uXXXX` for a UTF-16 code unit. */
export function unicodeEscape(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
}

/**
 * `value` with each code point passed through `escapeOne`, which returns its escaped form or
 * undefined to keep it; invisible characters not handled there get `fallback`.
 */
export function escapeEach(value: string, escapeOne: (char: string, next: string | undefined) => string | undefined, fallback: (char: string) => string): string {
  let out = '';
  const chars = [...value];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    out += escapeOne(char, chars[i + 1]) ?? (INVISIBLE.test(char) ? fallback(char) : char);
  }
  return out;
}

/** Every UTF-16 unit of `char` as `\uXXXX` (a lone surrogate is one unit). */
export function unicodeUnits(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += unicodeEscape(char.charCodeAt(i));
  return out;
}

/** The escapes C-family languages share: `\\`, `\n`, `\r`, `\t`. */
export function commonEscape(char: string): string | undefined {
  switch (char) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return undefined;
  }
}
