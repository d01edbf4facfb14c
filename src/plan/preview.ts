import { compareStrings } from '../core/compare.js';
import { applyEdits } from '../apply/splice.js';
import { groupByFile } from '../core/group.js';
import type { Edit, Plan } from '../core/types.js';

/** One file as the plan would leave it. */
export interface FileChange {
  file: string;
  before: string;
  after: string;
  edits: number;
  /** Where the file changed, for diffs built from the edited lines; absent: the whole file is compared. */
  spans?: readonly Pick<Edit, 'start' | 'end' | 'text'>[];
}

/** Applies the plan in memory, for diffs and summaries; files the plan does not touch are absent. */
export function previewChanges(plan: Plan, texts: ReadonlyMap<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  for (const [file, edits] of groupByFile(plan.edits)) {
    const before = texts.get(file) ?? '';
    const after = applyEdits(before, edits);
    if (after !== before) changes.push({ file, before, after, edits: edits.length, spans: edits });
  }
  return changes.sort((a, b) => compareStrings(a.file, b.file));
}
