import { ts } from '../typescript/ts.js';
import { LineIndex } from '../../../core/span.js';
import type { Finding } from '../../../core/types.js';
import { jsonKey, parseJson } from '../json.js';
import type { FileScan, SourceText } from '../types.js';

/**
 * Jupyter notebooks: the code cells are scanned as one Python text (cells see each other's
 * names), and every offset is mapped back into the notebook's JSON, so that findings, SARIF
 * lines and edits point into the file as it is on disk. Edits keep the JSON layout: only the
 * changed source strings differ (see `toNotebookEdits`).
 */

export { isNotebook } from './notebook-edits.js';

/** One code cell: its Python text and, per Python offset (and one past the end), the JSON offset. */
interface CodeCell {
  /** 1-based among all cells. */
  index: number;
  text: string;
  offsets: number[];
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
    let end = source === undefined ? 0 : source.getEnd();
    for (const string of strings) {
      if (!ts.isStringLiteral(string)) continue;
      decodeJsonString(text, string.getStart(parsed.file) + 1, string.getEnd() - 1, cellText, offsets);
      end = string.getEnd() - 1;
    }
    offsets.push(end);
    result.push({ index: position + 1, text: cellText.join(''), offsets });
  });
  return { ok: true, cells: result };
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
  if (/^\s*%%/.test(source)) return source.replace(/^(\s*)\S/gm, '$1#');
  return source.replace(/^([ \t]*)[%!]/gm, '$1#');
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
