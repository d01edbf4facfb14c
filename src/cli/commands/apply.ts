import path from 'node:path';
import { Command, Option } from 'commander';
import { EXIT, InputError, UsageError } from '../../core/errors.js';
import { count } from '../../core/plural.js';
import type { FileOutcome } from '../../apply/apply.js';
import type { ProjectPlan } from '../../plan/plan-project.js';
import type { Provider } from '../../providers/types.js';
import { PLAN_FORMATS } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { addMigrateOptions, planInScope, resolveMigrateFlags, viewPlan, type MigrateFlags } from '../migrate-flags.js';
import { emitReport } from '../output.js';
import { confirm } from '../prompt.js';
import { assertSeparateFiles } from '../separate-files.js';

interface ApplyFlags extends MigrateFlags {
  dryRun?: boolean;
  allowDirty?: boolean;
  yes?: boolean;
  interactive?: boolean;
}

export function applyCommand(ctx: CliContext): Command {
  const command = new Command('apply').description('rewrite the code for a target provider');
  return addMigrateOptions(command, PLAN_FORMATS)
    .option('--dry-run', 'run every step and check but write nothing')
    .option('--allow-dirty', 'run even when the git work tree has uncommitted changes')
    .option('-y, --yes', 'do not ask for confirmation')
    .addOption(new Option('-i, --interactive', "review the diff hunk by hunk, with each file's manual actions, and choose what to write").conflicts('yes'))
    .action(async (paths: string[], flags: ApplyFlags) => {
      if (flags.interactive && !ctx.stdinIsTTY) throw new UsageError('--interactive needs a terminal', 'review with `migrate-openai plan` instead');
      const settings = await resolveMigrateFlags(ctx, paths, flags);
      const { provider } = settings;
      if (!flags.dryRun && !flags.allowDirty) await assertCleanTree(ctx, settings.scanOptions.root);
      const { applyPlan } = await import('../../apply/apply-plan.js');
      const started = ctx.now();
      const project = await planInScope(settings);
      const root = settings.scanOptions.root;
      assertSeparateFiles(ctx.cwd, [{ by: '--out', file: flags.out }], project.changes.map((change) => ({ by: `${change.file}, which this run migrates`, file: path.join(root, change.file) })));
      const chosen = await chooseChanges(ctx, flags, provider, project);
      if (chosen === undefined) {
        ctx.stderr.write('Nothing written.\n');
        return;
      }
      const { scan } = project;
      const { plan, changes } = chosen;
      const trap = ctx.trapInterrupts?.();
      let outcomes: FileOutcome[];
      try {
        outcomes = await applyPlan(scan, plan, { dryRun: flags.dryRun, ...(trap ? { signal: trap.signal } : {}) });
      } finally {
        trap?.release();
      }
      const view = await viewPlan(settings, { scan, plan, changes });
      await emitReport(ctx, { scan, plan: { ...view, outcomes, isDryRun: flags.dryRun } }, flags, started);
      // A file left unwritten (changed on disk, broken by the edit) means the migration is incomplete.
      if (outcomes.some((outcome) => outcome.status === 'skipped')) ctx.exitCode = EXIT.gate;
      if (outcomes.some((outcome) => outcome.status === 'skipped' && outcome.reason === 'interrupted')) reportInterruption(ctx, outcomes, flags.dryRun === true);
    });
}

/**
 * What the user agrees to write (on a terminal, without `--yes`): with `--interactive` the
 * hunks accepted one by one, else everything after the diff (or a per-file summary) and one
 * question with the counts. Undefined: nothing.
 */
async function chooseChanges(ctx: CliContext, flags: ApplyFlags, provider: Provider, { scan, plan, changes }: ProjectPlan): Promise<Pick<ProjectPlan, 'plan' | 'changes'> | undefined> {
  if (changes.length === 0 || flags.yes || !ctx.stdinIsTTY) return { plan, changes };
  const { keepEdits, reviewHunks, showChanges } = await import('../review.js');
  if (flags.interactive) {
    const chosen = keepEdits(plan, scan.texts, await reviewHunks(ctx, plan, changes, flags.color));
    const declined = changes.filter((change) => !chosen.changes.some((kept) => kept.file === change.file)).map((change) => change.file);
    if (declined.length > 0) ctx.stderr.write(`Left as ${declined.length === 1 ? 'it is' : 'they are'}: ${declined.join(', ')}\n`);
    return chosen.changes.length === 0 ? undefined : chosen;
  }
  if (flags.dryRun) return { plan, changes };
  showChanges(ctx, changes, flags.color);
  const message = `Apply ${count(plan.edits.length, 'edit')} to ${count(changes.length, 'file')} for ${provider.name}? (${count(plan.manual.length, 'manual action')} ${plan.manual.length === 1 ? 'remains' : 'remain'})`;
  return (await confirm(message)) ? { plan, changes } : undefined;
}

/** Interrupted: what was written, and an exit code that says whether anything was. */
function reportInterruption(ctx: CliContext, outcomes: FileOutcome[], isDryRun: boolean): void {
  const written = isDryRun ? [] : outcomes.filter((outcome) => outcome.status === 'changed').map((outcome) => outcome.file);
  const left = outcomes.filter((outcome) => outcome.status === 'skipped' && outcome.reason === 'interrupted').length;
  if (written.length === 0) {
    ctx.stderr.write('Interrupted: nothing was written.\n');
    ctx.exitCode = EXIT.cancelled;
    return;
  }
  ctx.stderr.write(`Interrupted: partly applied. Written: ${written.join(', ')}. ${count(left, 'file')} left as ${left === 1 ? 'it was' : 'they were'}; run apply again to finish.\n`);
  ctx.exitCode = EXIT.partlyApplied;
}

async function assertCleanTree(ctx: CliContext, root: string): Promise<void> {
  const { getGitStatus } = await import('../../apply/git.js');
  const status = await getGitStatus(root);
  if (status.kind === 'not-a-repo') {
    ctx.stderr.write('note: not a git repository, so these changes cannot be reviewed or undone with git\n');
  } else if (status.kind === 'dirty') {
    const first = status.files.slice(0, 3).join(', ');
    throw new InputError(
      `the git work tree has uncommitted changes (${count(status.files.length, 'file')}: ${first}${status.files.length > 3 ? ', …' : ''})`,
      'commit or stash them first, or pass --allow-dirty',
    );
  }
}
