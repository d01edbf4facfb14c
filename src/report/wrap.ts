import { stripVTControlCharacters } from 'node:util';

/** Terminal reports fit this many columns. */
export const TERMINAL_WIDTH = 100;

/** Columns a line takes on the terminal: colour codes take none. */
function visibleWidth(text: string): number {
  return stripVTControlCharacters(text).length;
}

/**
 * Breaks `text` at spaces so that each line, with `indent` before it, fits `width` columns.
 * A word longer than a line (a URL) gets a line of its own rather than being cut.
 */
export function wrapText(text: string, indent: string, width = TERMINAL_WIDTH): string[] {
  const words = text.split(/\s+/).filter((part) => part !== '');
  return words.length === 0 ? [] : breakWords(indent, words, indent, Math.max(width, indent.length + 20));
}

/**
 * A line of `head` then `text`, as it is when it fits `width` columns; otherwise `text` is broken
 * at spaces after the head and its other lines start with `indent` (a hanging indent).
 */
export function wrapAfter(head: string, text: string, indent: string, width = TERMINAL_WIDTH): string[] {
  if (visibleWidth(head + text) <= width) return [head + text];
  return breakWords(head, text.split(/\s+/).filter((part) => part !== ''), indent, width);
}

/** `lines` with `piece` two spaces after the last one when it fits `width`, else on a line of its own under `indent`. */
export function appendUnbroken(lines: readonly string[], piece: string, indent: string, width = TERMINAL_WIDTH): string[] {
  const last = lines.at(-1) ?? '';
  const joined = `${last}  ${piece}`;
  return visibleWidth(joined) <= width ? [...lines.slice(0, -1), joined] : [...lines, indent + piece];
}

function breakWords(head: string, words: readonly string[], indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = head;
  let used = visibleWidth(head);
  let isFresh = true;
  for (const word of words) {
    const size = visibleWidth(word);
    if (!isFresh && used + 1 + size > width) {
      lines.push(line);
      line = indent + word;
      used = indent.length + size;
    } else {
      line = isFresh ? line + word : `${line} ${word}`;
      used += (isFresh ? 0 : 1) + size;
    }
    isFresh = false;
  }
  lines.push(line);
  return lines;
}

/** A provider's name without its parenthesis: "Zhipu AI (BigModel / Z.AI, GLM)" → "Zhipu AI". */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '') || name;
}
