import type { Finding } from '../../core/types.js';

/** `import os`, `import os.path`, `import json, os`: statements that bind the name `os`. */
const IMPORTS_OS = /^import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*os(?:\.[\w.]+)?[ \t]*(?:,|#|\\|$)/;

/** Whether the module imports `os` at top level: the frontend's facts, else its top-level statements. */
export function importsOs(text: string, findings: readonly Finding[]): boolean {
  const known = findings.find((finding) => finding.detail?.moduleImports !== undefined);
  if (known) return known.detail!.moduleImports!.includes('os');
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i = statementEnd(lines, i, text) + 1) {
    if (IMPORTS_OS.test(lines[i]!.text)) return true;
  }
  return false;
}

/**
 * Where a new top-level `import` goes: after the shebang, encoding and other leading comments,
 * the module docstring and `from __future__` imports (which must come first), and among the
 * first block of imports before the first one that sorts after `module` or is a `from` import.
 */
export function importPosition(text: string, module: string): number {
  const lines = splitLines(text);
  let i = 0;
  const skipBlankAndComments = (): void => {
    while (i < lines.length && /^[ \t]*(?:#.*)?$/.test(lines[i]!.text)) i++;
  };
  skipBlankAndComments();
  const docstring = i < lines.length ? /^[rRuU]?("""|'''|"|')/.exec(lines[i]!.text) : null;
  if (docstring) {
    i = statementEnd(lines, i, text) + 1;
    skipBlankAndComments();
  }
  let insertAt = i;
  while (i < lines.length && /^from[ \t]+__future__[ \t]+import\b/.test(lines[i]!.text)) {
    i = statementEnd(lines, i, text) + 1;
    insertAt = i;
    skipBlankAndComments();
  }
  // Within the first run of top-level imports: before the first that sorts after `module`.
  if (i < lines.length && isImportLine(lines[i]!.text)) {
    insertAt = i;
    while (i < lines.length && isImportLine(lines[i]!.text)) {
      const match = /^import[ \t]+([\w.]+)/.exec(lines[i]!.text);
      if (match === null || match[1]!.toLowerCase() > module) return lines[i]!.start;
      i = statementEnd(lines, i, text) + 1;
      insertAt = i;
    }
  }
  return insertAt < lines.length ? lines[insertAt]!.start : text.length;
}

function isImportLine(line: string): boolean {
  return /^(?:import|from)[ \t]/.test(line);
}

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    lines.push({ start, text: text.slice(start, end).replace(/\r?\n$/, '') });
    start = end;
  }
  return lines;
}

/**
 * The index of the last line of the statement that starts on line `first`: it goes on while a
 * string, a bracket or a backslash continuation is open.
 */
function statementEnd(lines: readonly Line[], first: number, text: string): number {
  let depth = 0;
  let quote: string | null = null;
  let pos = lines[first]!.start;
  for (;;) {
    const char = text[pos];
    if (char === undefined) return lines.length - 1;
    if (quote !== null) {
      if (char === '\\') pos++;
      else if (text.startsWith(quote, pos)) {
        pos += quote.length - 1;
        quote = null;
      } else if (char === '\n' && quote.length === 1) quote = null;
    } else if (char === '#') {
      while (pos + 1 < text.length && text[pos + 1] !== '\n') pos++;
    } else if (char === '"' || char === "'") {
      quote = text.startsWith(char.repeat(3), pos) ? char.repeat(3) : char;
      pos += quote.length - 1;
    } else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    else if (char === '\\' && text[pos + 1] === '\r' && text[pos + 2] === '\n') pos += 2;
    else if (char === '\\' && text[pos + 1] === '\n') pos++;
    else if (char === '\n' && depth === 0) return lineOf(lines, pos);
    pos++;
  }
}

function lineOf(lines: readonly Line[], pos: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid]!.start <= pos) low = mid;
    else high = mid - 1;
  }
  return low;
}
