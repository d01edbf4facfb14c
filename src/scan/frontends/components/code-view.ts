import type { FileScan, SourceText } from '../types.js';
import { findScriptBlocks, type Dialect, type ScriptBlock } from './script-blocks.js';

/**
 * Components (`.vue`, `.svelte`, `.astro`) are scanned through a view of the file in which
 * everything outside the script blocks is blanked: the same length and the same line breaks,
 * so every offset, line and column the script scanner reports, and every edit the planner
 * makes from them, is one into the file as it is on disk. A script's text needs no decoding
 * (unlike a notebook cell's JSON string), so no offset table is needed; and markup, styles
 * and templates are spaces to the scanner, which can never edit them.
 */

import { isComponent } from './descriptor.js';

export { isComponent };

/** The script text a scanner or a writer sees, and how to parse it. */
export interface CodeView {
  text: string;
  dialect: Dialect;
}

type ReadView = { ok: true; view: CodeView } | { ok: false; message: string };

/** The file's text with everything outside `blocks` blanked; a `;` where each block ends, so blocks do not run into each other. */
export function blankOutside(text: string, blocks: readonly ScriptBlock[]): string {
  const blank = (start: number, end: number) => text.slice(start, end).replace(/[^\n\r\u2028\u2029]/g, ' ');
  let out = '';
  let at = 0;
  for (const block of blocks) {
    out += blank(at, block.start) + text.slice(block.start, block.end);
    at = block.end;
    // Where the closing tag starts: never a line break.
    if (at < text.length) out += ';';
    at++;
  }
  return out + blank(at, text.length);
}

/** One parse for all blocks: TSX holds every other dialect, TS holds JS. */
function commonDialect(blocks: readonly ScriptBlock[]): Dialect {
  const dialects = new Set(blocks.map((block) => block.dialect));
  const hasTypes = dialects.has('ts') || dialects.has('tsx');
  const hasJsx = dialects.has('tsx') || dialects.has('jsx');
  if (hasJsx) return hasTypes ? 'tsx' : 'jsx';
  return hasTypes ? 'ts' : 'js';
}

/** The component's code view, or why it cannot be read (a script in another file or language). */
export function readCodeView(path: string, text: string): ReadView {
  const { blocks, unread } = findScriptBlocks(path, text);
  if (unread.length > 0) {
    const reasons = unread.map((block) => `line ${block.line}: ${block.reason}`).join('; ');
    const rest = blocks.length > 0 ? ` (its other ${blocks.length === 1 ? 'script is' : 'scripts are'} not scanned either)` : '';
    return { ok: false, message: `${reasons}${rest}` };
  }
  return { ok: true, view: { text: blankOutside(text, blocks), dialect: commonDialect(blocks) } };
}

/** The text of `path` a script scanner sees: a component's code view, any other file as it is. */
export function scriptTextOf(path: string, text: string): string {
  if (!isComponent(path)) return text;
  const read = readCodeView(path, text);
  return read.ok ? read.view.text : text;
}

/** Scans a component's scripts with `scanScript`; the findings point into the component itself. */
export function scanComponent<Facts>(file: SourceText, scanScript: (path: string, text: string, dialect: Dialect) => FileScan<Facts>): FileScan<Facts> {
  const read = readCodeView(file.path, file.text);
  if (!read.ok) return { ok: false, reason: 'unsupported-script', message: read.message };
  return scanScript(file.path, read.view.text, read.view.dialect);
}

/** Null when the component's scripts can still be read and parse with `parse`. */
export function verifyComponent(path: string, text: string, parse: (text: string, dialect: Dialect) => string | null): string | null {
  const read = readCodeView(path, text);
  return read.ok ? parse(read.view.text, read.view.dialect) : read.message;
}
