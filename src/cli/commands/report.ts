import { Command } from 'commander';
import { REPORT_FORMATS } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { checkFailOn, failOnOption } from '../gate.js';
import { addMigrateOptions, planInScope, resolveMigrateFlags, type MigrateFlags } from '../migrate-flags.js';
import { emitReport } from '../output.js';
import { appendStepSummary } from '../step-summary.js';

export function reportCommand(ctx: CliContext): Command {
  const command = new Command('report').description(
    'write a migration report for a target: readiness, models, capability gaps, per-file diffs and a to-do list (changes nothing)',
  );
  return addMigrateOptions(command, REPORT_FORMATS, 'markdown')
    .addOption(failOnOption())
    .action(async (paths: string[], flags: MigrateFlags) => {
      const settings = await resolveMigrateFlags(ctx, paths, flags);
      const { provider, failOn } = settings;
      const started = ctx.now();
      const { scan, plan, changes } = await planInScope(settings);
      const input = { scan, plan: { plan, providerName: provider.name, changes }, isReport: true };
      await emitReport(ctx, input, flags, started);
      await appendStepSummary(ctx, input, flags.format);
      checkFailOn(ctx, plan.manual, failOn);
    });
}
