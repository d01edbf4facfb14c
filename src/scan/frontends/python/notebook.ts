import { ts } from '../typescript/ts.js';
import { textLines, type LineView } from '../../../core/line-view.js';
import { LineIndex } from '../../../core/span.js';
import type { Edit, Finding, Range } from '../../../core/types.js';
import { jsonKey, parseJson } from '../json.js';
import type { FileScan, SourceText } from '../types.js';

/**
 * Jupyter notebooks: the code cells are scanned as one Python text (cells see each other's
 * names), and every offset is mapped back into the notebook's JSON, so that findings, SARIF
 * lines and edits point into the file as it is on disk. Edits keep the JSON layout: only the
 * changed source strings differ (see `readNotebookCode`).
 */

export { isNotebook } from './notebook-edits.js';

/** One code cell: its Python text and, per Python offset (and one past the end), the JSON offset. */
interface CodeCell {
  /** 1-based among all cells. */
  index: number;
  text: string;
  offsets: number[];
  /** The content of each of its source strings, in the JSON. */
  strings: Range[];
  /** What goes between two strings of its `source` list; undefined when the source is one string. */
  separator: string | undefined;
}

type ReadCells = { ok: true; cells: CodeCell[] } | { ok: false; message: string };

function readCells(path: string, text: string): ReadCells {
  const parsed = parseJson(path, text);
  if (!parsed.ok) return parsed;
  const cells = parsed.root && ts.isObjectLiteralExpression(parsed.root) ? propertyValue(parsed.root, 'cells', parsed.file) : undefined;
  if (cells === undefined || !ts.isArrayLiteralExpression(cells)) return { ok: false, message: 'not a Jupyter notebook (no "cells" list)' };
  const result: CodeCell[] = [];
  cells.elements.forEach((cell, position) => {
    if (!ts.isObjectLiteralExpression(cell)) return;
    const type = propertyValue(cell, 'cell_type', parsed.file);
    if (type === undefined || !ts.isStringLiteral(type) || type.text !== 'code') return;
    const source = propertyValue(cell, 'source', parsed.file);
    const strings = source === undefined ? [] : ts.isArrayLiteralExpression(source) ? [...source.elements] : [source];
    const cellText: string[] = [];
    const offsets: number[] = [];
    const contents: Range[] = [];
    let end = source === undefined ? 0 : source.getEnd();
    for (const string of strings) {
      if (!ts.isStringLiteral(string)) continue;
      const content = { start: string.getStart(parsed.file) + 1, end: string.getEnd() - 1 };
      decodeJsonString(text, content.start, content.end, cellText, offsets);
      contents.push(content);
      end = content.end;
    }
    offsets.push(end);
    const separator = source !== undefined && ts.isArrayLiteralExpression(source) && contents.length > 0 ? listSeparator(text, contents) : undefined;
    result.push({ index: position + 1, text: cellText.join(''), offsets, strings: contents, separator });
  });
  return { ok: true, cells: result };
}

/** The list's own separator (`,\n    ` as Jupyter writes it); for a list of one, the same on its own line, else `, `. */
function listSeparator(text: string, strings: readonly Range[]): string {
  const [first, second] = strings;
  if (second !== undefined) return text.slice(first!.end + 1, second.start - 1);
  const open = first!.start - 1;
  const indent = text.slice(text.lastIndexOf('\n', open - 1) + 1, open);
  return /^[ \t]*$/.test(indent) ? `,${text.includes('\r\n') ? '\r\n' : '\n'}${indent}` : ', ';
}

function propertyValue(object: ts.ObjectLiteralExpression, name: string, file: ts.JsonSourceFile): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && jsonKey(property.name, file)?.text === name) return property.initializer;
  }
  return undefined;
}

/** Appends the characters of the JSON string content `[start, end)` and each one's JSON offset. */
function decodeJsonString(text: string, start: number, end: number, chars: string[], offsets: number[]): void {
  for (let at = start; at < end; ) {
    offsets.push(at);
    if (text[at] !== '\\') {
      chars.push(text[at]!);
      at++;
      continue;
    }
    const escape = text[at + 1]!;
    if (escape === 'u') {
      chars.push(String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16)));
      at += 6;
    } else {
      chars.push(({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[escape] ?? escape);
      at += 2;
    }
  }
}

/**
 * IPython lines (`%pip install openai`, `!ls`, `%%bash` cells) are not Python: they become
 * comments of the same length, so offsets do not move.
 */
function maskMagics(source: string): string {
  if (isCellMagic(source)) return source.replace(/^(\s*)\S/gm, '$1#');
  return source.replace(/^([ \t]*)[%!]/gm, '$1#');
}

function isCellMagic(source: string): boolean {
  return /^\s*%%/.test(source);
}

/** The code cells as one Python text, with the map from its offsets to the notebook's. */
interface Joined {
  text: string;
  toJson: number[];
  /** Python offset where each cell starts, with its cell. */
  starts: { at: number; cell: CodeCell }[];
}

function joinCells(cells: CodeCell[]): Joined {
  const parts: string[] = [];
  const toJson: number[] = [];
  const starts: Joined['starts'] = [];
  let at = 0;
  for (const cell of cells) {
    starts.push({ at, cell });
    parts.push(maskMagics(cell.text), '\n');
    toJson.push(...cell.offsets);
    at += cell.text.length + 1;
  }
  return { text: parts.join(''), toJson, starts };
}

/** Scans a notebook's code cells with `scanText` and maps the results into the notebook's JSON. */
export function scanNotebook<Facts>(file: SourceText, scanText: (path: string, text: string) => FileScan<Facts>): FileScan<Facts> {
  const read = readCells(file.path, file.text);
  if (!read.ok) return read;
  const joined = joinCells(read.cells);
  const scanned = scanText(file.path, joined.text);
  if (!scanned.ok) {
    // `line:column message` on the joined text → the cell and the line in it.
    const match = /^(\d+):\d+ (.*)$/.exec(scanned.message);
    if (match === null) return scanned;
    const offset = lineStart(joined.text, Number(match[1]));
    const { cell, line } = cellAt(joined, offset);
    return { ok: false, message: `cell ${cell.index}, line ${line}: ${match[2]}` };
  }
  const json = new LineIndex(file.text);
  const remap = (finding: Finding): Finding => {
    const { cell, line } = cellAt(joined, finding.span.start);
    const start = joined.toJson[finding.span.start]!;
    const span = json.span(start, joined.toJson[finding.span.end]!);
    return { ...finding, span, cell: { index: cell.index, line }, ...(finding.detail ? { detail: mapOffsets(finding.detail, joined.toJson) } : {}) };
  };
  return { ok: true, findings: scanned.findings.map(remap), facts: mapFindings(scanned.facts, remap) };
}

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let current = 1; current < line; current++) at = text.indexOf('\n', at) + 1;
  return at;
}

function cellAt(joined: Joined, offset: number): { cell: CodeCell; line: number } {
  let found = joined.starts[0]!;
  for (const start of joined.starts) if (start.at <= offset) found = start;
  const before = joined.text.slice(found.at, offset);
  return { cell: found.cell, line: before.split('\n').length };
}

/**
 * Offsets in a finding's detail: every `{ start, end }` range, the start of a `{ file, start }`
 * link to the client a call goes through, and the named positions.
 */
const POSITIONS = new Set(['lastElementEnd', 'listEnd', 'importsEnd', 'importsStart']);

function mapOffsets<T>(value: T, toJson: readonly number[]): T {
  if (Array.isArray(value)) return value.map((item) => mapOffsets(item, toJson)) as T;
  if (value === null || typeof value !== 'object') return value;
  const mapped: Record<string, unknown> = {};
  const { start, end, file } = value as { start?: unknown; end?: unknown; file?: unknown };
  const isRange = typeof start === 'number' && (typeof end === 'number' || typeof file === 'string');
  for (const [key, item] of Object.entries(value)) {
    const isPosition = typeof item === 'number' && (POSITIONS.has(key) || (isRange && (key === 'start' || key === 'end')));
    mapped[key] = isPosition ? toJson[item as number] : mapOffsets(item, toJson);
  }
  return mapped as T;
}

/** Applies `remap` to every finding inside a frontend's facts (plain data). */
function mapFindings<T>(value: T, remap: (finding: Finding) => Finding): T {
  if (Array.isArray(value)) return value.map((item) => mapFindings(item, remap)) as T;
  if (value === null || typeof value !== 'object') return value;
  if ('kind' in value && 'span' in value && 'file' in value) return remap(value as unknown as Finding) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapFindings(item, remap)])) as T;
}

/** Null when the notebook is JSON and every code cell parses with `parse`. */
export function verifyNotebook(path: string, text: string, parse: (text: string) => string | null): string | null {
  const read = readCells(path, text);
  if (!read.ok) return read.message;
  for (const cell of read.cells) {
    const message = parse(maskMagics(cell.text));
    if (message !== null) return `cell ${cell.index}: ${message}`;
  }
  return null;
}

/** A notebook's code as the planner edits it: its lines, and edits of the code written as JSON. */
export interface NotebookCode {
  lines: LineView;
  /**
   * Edits whose text is code, at offsets inside the source strings, with their text written as
   * JSON string content: escaped, and in a `source` list each line break ending its string and
   * opening the next one, separated like its siblings.
   */
  toJsonEdits(edits: readonly Edit[]): Edit[];
  /**
   * The code of the cell holding `offset` (without one, of the first cell of Python), IPython
   * lines read as comments, and where each of its offsets is in the JSON.
   */
  cellAt(offset: number | undefined): { code: string; toJson(at: number): number } | undefined;
}

/** The code cells of a notebook the scan has read (so one that is a notebook). */
export function readNotebookCode(path: string, text: string): NotebookCode {
  const read = readCells(path, text);
  if (!read.ok) throw new Error(`${path} is no longer a notebook: ${read.message}`);
  const { cells } = read;
  const cellLines = new Map(cells.map((cell) => [cell, textLines(cell.text)]));
  // An offset into the JSON as one into a cell's code: every offset the scan maps is one.
  const locate = (offset: number): { cell: CodeCell; at: number; lines: LineView } => {
    const cell = cells.find((candidate) => candidate.offsets[0]! <= offset && offset <= candidate.offsets.at(-1)!);
    const at = cell?.offsets.indexOf(offset) ?? -1;
    if (at === -1) throw new Error(`${path}: offset ${offset} is not in the code of a cell`);
    return { cell: cell!, at, lines: cellLines.get(cell!)! };
  };
  const lines: LineView = {
    eol: cells.some((cell) => cell.text.includes('\r\n')) ? '\r\n' : '\n',
    slice(start, end) {
      const from = locate(start);
      return from.cell.text.slice(from.at, locate(end).at);
    },
    lineEnd(offset) {
      const { cell, at, lines } = locate(offset);
      return cell.offsets[lines.lineEnd(at)]!;
    },
    nextLine(offset) {
      const { cell, at, lines } = locate(offset);
      const next = lines.nextLine(at);
      return { at: cell.offsets[next.at]!, needsBreak: next.needsBreak };
    },
    indent(offset) {
      const { at, lines } = locate(offset);
      return lines.indent(at);
    },
  };
  const cellAt = (offset: number | undefined) => {
    const cell = offset === undefined ? cells.find((candidate) => candidate.strings.length > 0 && !isCellMagic(candidate.text)) : locate(offset).cell;
    return cell && { code: maskMagics(cell.text), toJson: (at: number) => cell.offsets[at]! };
  };
  return { lines, cellAt, toJsonEdits: (edits) => edits.map((edit) => toJsonEdit(edit, locate(edit.start))) };
}

function toJsonEdit(edit: Edit, { cell, at }: { cell: CodeCell; at: number }): Edit {
  const pieces = edit.text.split('\n').map((piece) => JSON.stringify(piece).slice(1, -1));
  if (cell.separator === undefined) return { ...edit, text: pieces.join('\\n') };
  const nextString = `"${cell.separator}"`;
  const isStringEnd = (offset: number) => cell.strings.some((string) => string.end === offset);
  // After the cell's final line break, inserted lines start a string of their own; and inserted
  // lines that end the cell keep their final line break rather than open an empty string.
  const opens = isStringEnd(edit.start) && cell.text[at - 1] === '\n' ? nextString : '';
  const closes = pieces.length > 1 && pieces.at(-1) === '' && isStringEnd(edit.end);
  const lines = closes ? pieces.slice(0, -1) : pieces;
  return { ...edit, text: opens + lines.join(`\\n${nextString}`) + (closes ? '\\n' : '') };
}
