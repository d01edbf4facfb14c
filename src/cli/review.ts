import { Chalk } from 'chalk';
import { count } from '../core/plural.js';
import { redactSecrets } from '../core/redact.js';
import type { Plan } from '../core/types.js';
import type { FileChange } from '../plan/preview.js';
import { unifiedDiff } from '../report/diff.js';
import { colorDiff } from '../report/text.js';
import { colorLevel, type CliContext } from './context.js';
import { askReview } from './prompt.js';

/**
 * `apply --interactive`: shows each file's diff on stderr and asks what to do with it. Returns
 * the files to write. Quitting keeps what was accepted so far; Ctrl-C throws CancelledError
 * before anything is written.
 */
export async function reviewChanges(ctx: CliContext, changes: readonly FileChange[], colorFlag: boolean | undefined): Promise<Set<string>> {
  const c = new Chalk({ level: colorLevel(ctx.env, ctx.stderr.isTTY, colorFlag) });
  const accepted = new Set<string>();
  let isAcceptingAll = false;
  for (const [index, change] of changes.entries()) {
    if (isAcceptingAll) {
      accepted.add(change.file);
      continue;
    }
    const diff = redactSecrets(unifiedDiff([change])).replace(/\n$/, '');
    ctx.stderr.write(`\n${c.bold(`[${index + 1}/${changes.length}] ${change.file}`)} ${c.dim(`(${count(change.edits, 'edit')})`)}\n${colorDiff(diff, c).join('\n')}\n`);
    const answer = await askReview(`Apply the changes to ${change.file}?`);
    if (answer === 'quit') break;
    if (answer === 'skip') continue;
    accepted.add(change.file);
    isAcceptingAll = answer === 'all';
  }
  return accepted;
}

/** The plan and changes restricted to `files`; manual actions are kept whole, they are the to-do list. */
export function keepFiles(plan: Plan, changes: readonly FileChange[], files: ReadonlySet<string>): { plan: Plan; changes: FileChange[] } {
  return {
    plan: { ...plan, edits: plan.edits.filter((edit) => files.has(edit.file)) },
    changes: changes.filter((change) => files.has(change.file)),
  };
}
