/**
 * The lines of a file's code, for rules that insert a line or read one's indentation. Offsets
 * are into the file as read. A plain source file's code is its text; a notebook's is its cells'
 * code, whose characters sit inside JSON strings (see the notebook reader's view).
 */
export interface LineView {
  /** The line break the code uses. */
  eol: '\n' | '\r\n';
  /** The code between two offsets. */
  slice(start: number, end: number): string;
  /** Where the line holding `at` ends, before its line break. */
  lineEnd(at: number): number;
  /**
   * Where a line inserted after the line holding `at` goes, and whether it needs a line break
   * before it (the line is the last of the code and has none).
   */
  nextLine(at: number): { at: number; needsBreak: boolean };
  /** The spaces and tabs that open the line holding `at`. */
  indent(at: number): string;
}

/** The lines of `text` itself. */
export function textLines(text: string): LineView {
  return {
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    slice: (start, end) => text.slice(start, end),
    lineEnd(at) {
      const newline = text.indexOf('\n', at);
      if (newline === -1) return text.length;
      return text[newline - 1] === '\r' ? newline - 1 : newline;
    },
    nextLine(at) {
      const newline = text.indexOf('\n', at);
      const next = newline === -1 ? text.length : newline + 1;
      return { at: next, needsBreak: next > 0 && text[next - 1] !== '\n' };
    },
    indent(at) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      return /^[ \t]*/.exec(text.slice(lineStart, at))![0];
    },
  };
}
