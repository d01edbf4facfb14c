import { Command } from 'commander';
import { compareStrings } from '../../core/compare.js';
import { REPORT_FORMATS } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { checkFailOn, failOnOption } from '../gate.js';
import { addMigrateOptions, planInScope, resolveMigrateFlags, viewPlan, type MigrateFlags, type MigrateSettings } from '../migrate-flags.js';
import { emitReport } from '../output.js';
import { appendStepSummary, stepSummaryFile } from '../step-summary.js';

interface ReportFlags extends MigrateFlags {
  verified?: string;
  base?: string;
}

/** `--base <ref>`: the settings with the scan pointed at the code as it was at the ref. */
async function atBase(ctx: CliContext, settings: MigrateSettings, ref: string) {
  const { extractBaseTree } = await import('../../scope/base-tree.js');
  const base = await extractBaseTree(settings.scanOptions.root, settings.scanOptions.paths, ref);
  ctx.stderr.write(`Report on the code at ${ref} (${base.commit.slice(0, 12)})\n`);
  // The tree is extracted to a new temporary folder each time: results kept for it would never be met again.
  // Every file at a ref is committed: git can restore any key the plan would remove there.
  const planOptions = { ...settings.planOptions, keepSecretsIn: new Set<string>() };
  return { base, settings: { ...settings, planOptions, scanOptions: { ...settings.scanOptions, root: base.root, paths: base.paths, cache: false } } };
}

async function readVerification(ctx: CliContext, file: string, providerId: string) {
  const { readVerifyResult } = await import('../../verify/saved-result.js');
  return readVerifyResult(ctx.cwd, file, providerId);
}

export function reportCommand(ctx: CliContext): Command {
  const command = new Command('report').description(
    'write a migration report for a target: readiness, models, capability gaps, per-file diffs and a to-do list (changes nothing)',
  );
  return addMigrateOptions(command, REPORT_FORMATS, 'markdown')
    .addOption(failOnOption())
    .option('--verified <file>', 'include what `verify --format json` found: its failures become errors at their call sites')
    .option('--base <git-ref>', 'report on the code as it was at this ref (the pull request\'s base), e.g. after apply on a migrated branch')
    .action(async (paths: string[], flags: ReportFlags) => {
      const current = await resolveMigrateFlags(ctx, paths, flags, {
        outputs: [stepSummaryFile(ctx, flags.format)],
        inputs: [{ by: `the verify result ${flags.verified}`, file: flags.verified }],
      });
      const { provider, failOn } = current;
      const started = ctx.now();
      const based = flags.base === undefined ? undefined : await atBase(ctx, current, flags.base);
      const settings = based?.settings ?? current;
      const project = await planInScope(settings).finally(() => based?.base.dispose());
      const { scan, plan } = project;
      const verification = flags.verified === undefined ? undefined : await readVerification(ctx, flags.verified, provider.id);
      if (verification) {
        const { verificationActions } = await import('../../verify/saved-result.js');
        plan.manual = [...plan.manual, ...verificationActions(verification)].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
      }
      const input = { scan, plan: await viewPlan(settings, project), isReport: true, ...(verification ? { verification } : {}) };
      await emitReport(ctx, input, flags, started);
      await appendStepSummary(ctx, input, flags.format);
      checkFailOn(ctx, plan.manual, failOn);
    });
}
