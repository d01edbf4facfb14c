import { Command } from 'commander';
import { EXIT, InputError } from '../../core/errors.js';
import { count } from '../../core/plural.js';
import { PLAN_FORMATS } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { addMigrateOptions, resolveMigrateFlags, type MigrateFlags } from '../migrate-flags.js';
import { emitReport } from '../output.js';
import { confirm } from '../prompt.js';

interface ApplyFlags extends MigrateFlags {
  dryRun?: boolean;
  allowDirty?: boolean;
  yes?: boolean;
}

export function applyCommand(ctx: CliContext): Command {
  const command = new Command('apply').description('rewrite the code for a target provider');
  return addMigrateOptions(command, PLAN_FORMATS)
    .option('--dry-run', 'run every step and check but write nothing')
    .option('--allow-dirty', 'run even when the git work tree has uncommitted changes')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (paths: string[], flags: ApplyFlags) => {
      const { scanOptions, provider, planOptions } = await resolveMigrateFlags(ctx, paths, flags);
      if (!flags.dryRun && !flags.allowDirty) await assertCleanTree(ctx, scanOptions.root);
      const [{ planProject }, { applyPlan }] = await Promise.all([import('../../plan/plan-project.js'), import('../../apply/apply-plan.js')]);
      const started = ctx.now();
      const { scan, plan, changes } = await planProject(scanOptions, provider, planOptions);
      const files = changes.length;
      if (files > 0 && !flags.dryRun && !flags.yes && ctx.stdinIsTTY) {
        const message = `Apply ${count(plan.edits.length, 'edit')} to ${count(files, 'file')} for ${provider.name}? (${count(plan.manual.length, 'manual action')} ${plan.manual.length === 1 ? 'remains' : 'remain'})`;
        if (!(await confirm(message))) {
          ctx.stderr.write('Nothing written.\n');
          return;
        }
      }
      const outcomes = await applyPlan(scan, plan, { dryRun: flags.dryRun });
      await emitReport(ctx, { scan, plan: { plan, providerName: provider.name, changes, outcomes, isDryRun: flags.dryRun } }, flags, started);
      // A file left unwritten (changed on disk, broken by the edit) means the migration is incomplete.
      if (outcomes.some((outcome) => outcome.status === 'skipped')) ctx.exitCode = EXIT.gate;
    });
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
