import { Command } from 'commander';
import { EXIT } from '../../core/errors.js';
import { count } from '../../core/plural.js';
import { PLAN_FORMATS, reporters } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { checkFailOn, failOnOption } from '../gate.js';
import { addMigrateOptions, planInScope, resolveMigrateFlags, viewPlan, type MigrateFlags } from '../migrate-flags.js';
import { emitReport, writeTextFile } from '../output.js';
import { appendStepSummary, stepSummaryFile } from '../step-summary.js';

interface PlanFlags extends MigrateFlags {
  check?: boolean;
  diff?: string;
}

export function planCommand(ctx: CliContext): Command {
  const command = new Command('plan').description('show the diff and the manual to-do list for a target (changes nothing)');
  return addMigrateOptions(command, PLAN_FORMATS)
    .option('--check', 'exit with 1 while the migration would still change something (a CI gate)')
    .option('--diff <file>', 'also write the changes as a patch that `git apply` accepts')
    .addOption(failOnOption())
    .action(async (paths: string[], flags: PlanFlags) => {
      const settings = await resolveMigrateFlags(ctx, paths, flags, { outputs: [{ by: '--diff', file: flags.diff }, stepSummaryFile(ctx, flags.format)] });
      const { provider, failOn } = settings;
      const started = ctx.now();
      const project = await planInScope(settings);
      const { scan, plan, changes } = project;
      const input = { scan, plan: await viewPlan(settings, project) };
      await emitReport(ctx, input, flags, started);
      await appendStepSummary(ctx, input, flags.format);
      if (flags.diff !== undefined) await writeTextFile(ctx, flags.diff, reporters.diff(input, { color: 0, version: '', elapsedMs: 0 }));
      if (flags.check && changes.length > 0) {
        ctx.stderr.write(`${count(changes.length, 'file')} still ${changes.length === 1 ? 'needs' : 'need'} migrating: run \`migrate-openai apply --to ${provider.id}\`\n`);
        ctx.exitCode = EXIT.gate;
      }
      checkFailOn(ctx, plan.manual, failOn);
    });
}
