import { Chalk, type ChalkInstance } from 'chalk';
import { structuredPatch } from 'diff';
import { count } from '../core/plural.js';
import { redactSecrets } from '../core/redact.js';
import { LineIndex } from '../core/span.js';
import type { Edit, ManualAction, Plan } from '../core/types.js';
import { previewChanges, type FileChange } from '../plan/preview.js';
import { readableChange, readableDiff } from '../report/diff.js';
import { colorDiff } from '../report/text.js';
import { wrapText } from '../report/wrap.js';
import { colorLevel, type CliContext } from './context.js';
import { askReview } from './prompt.js';

/** Past this many diff lines, `apply` shows a summary per file before asking instead of the diff. */
export const FULL_DIFF_LIMIT = 400;

/** One hunk of a file's diff, with the plan's edits that make it. */
export interface Hunk {
  file: string;
  /** The hunk's lines, from `@@` on. */
  lines: string[];
  edits: Edit[];
}

/**
 * The changes, shown on stderr before `apply` asks to confirm: the whole diff, or for a large
 * plan one line per file with its counts.
 */
export function showChanges(ctx: CliContext, changes: readonly FileChange[], colorFlag: boolean | undefined): void {
  const c = chalkFor(ctx, colorFlag);
  const diff = redactSecrets(readableDiff(changes)).replace(/\n$/, '');
  const lines = diff.split('\n');
  if (lines.length <= FULL_DIFF_LIMIT) {
    ctx.stderr.write(`${colorDiff(diff, c).join('\n')}\n\n`);
    return;
  }
  const width = Math.max(...changes.map((change) => change.file.length));
  ctx.stderr.write(`${c.bold(`${count(changes.length, 'file')} to change`)} (the diff has ${lines.length} lines; \`migrate-openai plan\` prints it):\n`);
  for (const change of changes) {
    const { added, removed } = countLines(readableChange(change));
    ctx.stderr.write(`  ${change.file.padEnd(width)}  ${count(change.edits, 'edit').padStart(9)}  ${c.green(`+${added}`)} ${c.red(`-${removed}`)}\n`);
  }
  ctx.stderr.write('\n');
}

/**
 * `apply --interactive`: for each file, its manual actions and then its diff hunk by hunk on
 * stderr, asking for each: accept, skip, accept the rest of the file, or quit. Returns the
 * edits to write. Quitting keeps what was accepted so far; Ctrl-C throws CancelledError
 * before anything is written.
 */
export async function reviewHunks(ctx: CliContext, plan: Plan, changes: readonly FileChange[], colorFlag: boolean | undefined): Promise<Set<Edit>> {
  const c = chalkFor(ctx, colorFlag);
  const accepted = new Set<Edit>();
  for (const [index, change] of changes.entries()) {
    const hunks = hunksOf(readableChange(change), plan.edits.filter((edit) => edit.file === change.file));
    ctx.stderr.write(`\n${c.bold(`[${index + 1}/${changes.length}] ${change.file}`)} ${c.dim(`(${count(change.edits, 'edit')}, ${count(hunks.length, 'hunk')})`)}\n`);
    ctx.stderr.write(manualLines(plan.manual.filter((action) => action.file === change.file), c).join(''));
    for (const [number, hunk] of hunks.entries()) {
      ctx.stderr.write(`${colorDiff(redactSecrets(hunk.lines.join('\n')), c).join('\n')}\n`);
      const answer = await askReview(`Apply this hunk to ${change.file}? (${number + 1}/${hunks.length})`);
      if (answer === 'quit') return accepted;
      if (answer === 'skip') continue;
      const rest = answer === 'file' ? hunks.slice(number) : [hunk];
      for (const taken of rest) for (const edit of taken.edits) accepted.add(edit);
      if (answer === 'file') break;
    }
  }
  return accepted;
}

/** A file's diff hunks, each with the edits whose first line falls in it. */
export function hunksOf(change: FileChange, edits: readonly Edit[]): Hunk[] {
  const patch = structuredPatch(change.file, change.file, change.before, change.after, undefined, undefined, { context: 3 });
  const hunks: Hunk[] = patch.hunks.map((hunk) => ({
    file: change.file,
    lines: [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines],
    edits: [],
  }));
  const index = new LineIndex(change.before);
  for (const edit of edits) {
    const line = index.lineOf(edit.start) + 1;
    // Context lines put an edit's first line inside its hunk: the last hunk starting at or before it.
    const owner = patch.hunks.reduce((found, hunk, i) => (hunk.oldStart <= line ? i : found), 0);
    hunks[owner]?.edits.push(edit);
  }
  return hunks.filter((hunk) => hunk.edits.length > 0);
}

/** The plan restricted to the accepted edits, and the file changes they make. */
export function keepEdits(plan: Plan, texts: ReadonlyMap<string, string>, accepted: ReadonlySet<Edit>): { plan: Plan; changes: FileChange[] } {
  const kept = { ...plan, edits: plan.edits.filter((edit) => accepted.has(edit)) };
  return { plan: kept, changes: previewChanges(kept, texts) };
}

/** The file's manual actions above its diff: what the accepted hunks will not settle. */
function manualLines(actions: readonly ManualAction[], c: ChalkInstance): string[] {
  if (actions.length === 0) return [];
  const lines = [c.bold(`  ${count(actions.length, 'manual action')} in this file:\n`)];
  for (const action of actions) {
    const [first, ...rest] = wrapText(`line ${action.line}, ${action.severity} ${action.code}: ${action.message}`, '      ');
    lines.push(`    ! ${first!.trimStart()}\n`, ...rest.map((line) => `${line}\n`));
  }
  return lines;
}

function countLines(change: FileChange): { added: number; removed: number } {
  const patch = structuredPatch(change.file, change.file, change.before, change.after, undefined, undefined, { context: 0 });
  const lines = patch.hunks.flatMap((hunk) => hunk.lines);
  return { added: lines.filter((line) => line.startsWith('+')).length, removed: lines.filter((line) => line.startsWith('-')).length };
}

function chalkFor(ctx: CliContext, colorFlag: boolean | undefined): ChalkInstance {
  return new Chalk({ level: colorLevel(ctx.env, ctx.stderr.isTTY, colorFlag) });
}
