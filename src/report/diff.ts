import { diffLines } from 'diff';
import { withLfBreaks } from '../core/line-breaks.js';
import { redactSecrets } from '../core/redact.js';
import type { FileChange } from '../plan/preview.js';
import type { Reporter } from './types.js';

/** Lines of context around a change: jsdiff's default, which the patches have always had. */
const CONTEXT = 4;

/** A unified diff of every changed file, with a/ b/ prefixes so `git apply` takes it. */
export function unifiedDiff(changes: readonly FileChange[]): string {
  return changes.map(fileDiff).join('');
}

/**
 * The diff as people read it (terminal, Markdown report, review): a patch splits lines at LFs
 * only, as git does, so a file whose lines end with a lone CR would show as one long line that
 * a terminal overprints; here its lone CRs count as line breaks too. Offsets are unchanged.
 */
export function readableDiff(changes: readonly FileChange[]): string {
  return unifiedDiff(changes.map(readableChange));
}

/** The change with lone CRs read as LFs, for line-based displays; the same offsets. */
export function readableChange(change: FileChange): FileChange {
  const spans = change.spans?.map((span) => ({ ...span, text: withLfBreaks(span.text) }));
  return { ...change, before: withLfBreaks(change.before), after: withLfBreaks(change.after), ...(spans ? { spans } : {}) };
}

export const renderDiff: Reporter = ({ plan }) => redactSecrets(unifiedDiff(plan?.changes ?? []));

/** One line of a patch: context, removed or added, and whether the file ends right after it without a newline. */
interface PatchLine {
  type: ' ' | '-' | '+';
  text: string;
  isLastWithoutNewline: boolean;
}

/**
 * One file's patch. The edits say which lines changed: only those are compared (each group of
 * touched lines on its own, so a multi-line edit that keeps a line shows it as context), and
 * the lines between are context. The cost grows with the file and its edits, not with their
 * product as a whole-file diff's does.
 */
function fileDiff(change: FileChange): string {
  const lines = patchLines(change);
  const hunks: string[] = [];
  const changed = lines.flatMap((line, index) => (line.type === ' ' ? [] : [index]));
  let group = 0;
  while (group < changed.length) {
    let last = group;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! - 1 <= 2 * CONTEXT) last++;
    hunks.push(formatHunk(lines, Math.max(0, changed[group]! - CONTEXT), Math.min(lines.length, changed[last]! + CONTEXT + 1)));
    group = last + 1;
  }
  if (hunks.length === 0) return '';
  return `--- ${quotePath(`a/${change.file}`)}\n+++ ${quotePath(`b/${change.file}`)}\n${hunks.join('')}`;
}

/** `lines[from..to)` as a hunk: its `@@` header, then each line. */
function formatHunk(lines: readonly PatchLine[], from: number, to: number): string {
  let oldStart = 1;
  let newStart = 1;
  for (let index = 0; index < from; index++) {
    if (lines[index]!.type !== '+') oldStart++;
    if (lines[index]!.type !== '-') newStart++;
  }
  let oldLines = 0;
  let newLines = 0;
  let body = '';
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    if (line.type !== '+') oldLines++;
    if (line.type !== '-') newLines++;
    body += `${line.type}${line.text}\n${line.isLastWithoutNewline ? '\\ No newline at end of file\n' : ''}`;
  }
  // A side with no lines names the line before the hunk (the unified format's rule).
  return `@@ -${oldLines === 0 ? oldStart - 1 : oldStart},${oldLines} +${newLines === 0 ? newStart - 1 : newStart},${newLines} @@\n${body}`;
}

/** Every line of the file as a patch line: context outside the edited lines, a small line diff inside. */
function patchLines({ before, after, spans = [{ start: 0, end: before.length, text: after }] }: FileChange): PatchLine[] {
  const lineStarts = [0];
  for (let index = before.indexOf('\n'); index !== -1; index = before.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  // A final newline ends the last line; it does not start an empty one.
  if (lineStarts.length > 1 && lineStarts.at(-1) === before.length) lineStarts.pop();
  const endOf = (line: number) => (line + 1 < lineStarts.length ? lineStarts[line + 1]! : before.length);
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const result: PatchLine[] = [];
  let line = 0;
  let delta = 0;
  let index = 0;
  while (index < sorted.length) {
    const first = lineOf(lineStarts, sorted[index]!.start);
    let last = lineOf(lineStarts, sorted[index]!.end);
    let next = index;
    // Edits that start on a line of the group join it.
    for (; next < sorted.length && lineOf(lineStarts, sorted[next]!.start) <= last; next++) {
      last = Math.max(last, lineOf(lineStarts, sorted[next]!.end));
    }
    for (; line < first; line++) result.push(toLine(' ', before.slice(lineStarts[line]!, endOf(line))));
    const start = lineStarts[first]!;
    const end = endOf(last);
    const afterStart = start + delta;
    for (; index < next; index++) delta += sorted[index]!.text.length - (sorted[index]!.end - sorted[index]!.start);
    const afterEnd = end === before.length ? after.length : end + delta;
    for (const part of diffLines(before.slice(start, end), after.slice(afterStart, afterEnd))) {
      const type = part.added ? '+' : part.removed ? '-' : ' ';
      for (const text of splitLines(part.value)) result.push(toLine(type, text));
    }
    line = last + 1;
  }
  for (; line < lineStarts.length && before.length > 0; line++) result.push(toLine(' ', before.slice(lineStarts[line]!, endOf(line))));
  return removalsFirst(result);
}

/** Each run of changed lines with its removals before its additions, as a whole-file line diff shows edits on adjacent lines. */
function removalsFirst(lines: PatchLine[]): PatchLine[] {
  const ordered: PatchLine[] = [];
  let added: PatchLine[] = [];
  for (const line of lines) {
    if (line.type === '+') added.push(line);
    else if (line.type === '-') ordered.push(line);
    else {
      for (const addition of added) ordered.push(addition);
      ordered.push(line);
      added = [];
    }
  }
  for (const addition of added) ordered.push(addition);
  return ordered;
}

/** A line with its newline (or none, for the last line of a file without one). */
function toLine(type: PatchLine['type'], text: string): PatchLine {
  const hasNewline = text.endsWith('\n');
  return { type, text: hasNewline ? text.slice(0, -1) : text, isLastWithoutNewline: !hasNewline };
}

/** `a\nb\nc` → `a\n`, `b\n`, `c`. */
function splitLines(value: string): string[] {
  const lines = value.split(/(?<=\n)/);
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}

/** 0-based line of `offset`: the last line start at or before it. */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * A path as git writes it in a patch header: as it is, unless it holds a control character, a
 * quote or a backslash; then in double quotes with C escapes, other bytes in octal (UTF-8).
 */
export function quotePath(name: string): string {
  if (!/[\u0000-\u001f"\\\u007f]/.test(name)) return name;
  const escapes: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };
  let quoted = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    quoted += escapes[byte] ?? (byte < 0x20 || byte >= 0x7f ? `\\${byte.toString(8).padStart(3, '0')}` : String.fromCharCode(byte));
  }
  return `"${quoted}"`;
}
