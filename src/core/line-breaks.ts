/**
 * Files end their lines with LF, CRLF or, from classic Mac OS tools, a lone CR. Code that finds
 * lines looks for LF; it is given a view of the text in which each lone CR reads as an LF.
 * The view has the same length, so offsets into it are offsets into the file.
 */

/** The view of `text` with every lone CR read as an LF (CRLF stays); `text` itself when it has none. */
export function withLfBreaks(text: string): string {
  return hasLoneCr(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Whether the file ends its lines with a lone CR more often than with LF or CRLF. */
export function hasCrBreaks(text: string): boolean {
  if (!hasLoneCr(text)) return false;
  const crlf = countOf(text, /\r\n/g);
  const cr = countOf(text, /\r(?!\n)/g);
  return cr > crlf && cr > countOf(text, /\n/g) - crlf;
}

/** Text written into a file whose lines end with a lone CR: its LFs become CRs (a CRLF it copies stays). */
export function toCrBreaks(text: string): string {
  return text.replace(/(?<!\r)\n/g, '\r');
}

function hasLoneCr(text: string): boolean {
  return /\r(?!\n)/.test(text);
}

function countOf(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The start of the line holding `offset`, whichever line break ends the line before it. */
export function lineStartAt(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}
