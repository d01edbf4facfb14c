import type { Edit } from '../core/types.js';

/**
 * Two edits for one file claim the same text. The planner promises this never happens, so it
 * is a bug to surface (the CLI reports it as an internal error), never something to skip.
 */
export class OverlappingEditsError extends Error {
  constructor(
    readonly file: string,
    readonly first: Edit,
    readonly second: Edit,
  ) {
    super(`overlapping edits in ${file}: ${describeEdit(first)} and ${describeEdit(second)}`);
    this.name = 'OverlappingEditsError';
  }
}

/** An edit that cannot belong to the text it is applied to: out of range, or for another file. */
export class InvalidEditError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly edit: Edit,
  ) {
    super(message);
    this.name = 'InvalidEditError';
  }
}

/**
 * Splices `edits` (offsets into the original `text`) into `text` and returns the result.
 *
 * Edits are applied in order of `start`, then `end`, keeping the given order for ties: two
 * insertions at one offset appear as given, and an insertion at the start of a replaced range
 * goes before the replacement. An edit may start where the previous one ends; any other shared
 * text is an {@link OverlappingEditsError}. Text outside the edits is copied unchanged, so line
 * endings and a BOM survive.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const [firstEdit] = edits;
  if (firstEdit === undefined) return text;
  for (const edit of edits) {
    if (edit.file !== firstEdit.file) {
      throw new InvalidEditError(
        `edits for ${firstEdit.file} and ${edit.file} were applied to one text`,
        firstEdit.file,
        edit,
      );
    }
    if (!isInRange(edit, text.length)) {
      throw new InvalidEditError(
        `edit ${describeEdit(edit)} in ${edit.file} is outside the text (length ${text.length})`,
        edit.file,
        edit,
      );
    }
  }

  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let cursor = 0;
  let previous: Edit | undefined;
  for (const edit of sorted) {
    if (previous !== undefined && edit.start < cursor) {
      throw new OverlappingEditsError(edit.file, previous, edit);
    }
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
    previous = edit;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function isInRange(edit: Edit, length: number): boolean {
  return (
    Number.isInteger(edit.start) &&
    Number.isInteger(edit.end) &&
    edit.start >= 0 &&
    edit.start <= edit.end &&
    edit.end <= length
  );
}

function describeEdit(edit: Edit): string {
  const shown = edit.text.length > 40 ? `${edit.text.slice(0, 40)}…` : edit.text;
  return `[${edit.start}, ${edit.end}) → ${JSON.stringify(shown)} (${edit.reason})`;
}
