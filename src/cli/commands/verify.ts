import { Command, Option } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { count } from '../../core/plural.js';
import { colorLevel, type CliContext } from '../context.js';
import { addMigrateOptions, resolveMigrateFlags, type MigrateFlags, type MigrateSettings } from '../migrate-flags.js';
import { emitText } from '../output.js';
import { packageVersion } from '../version.js';

interface VerifyFlags extends MigrateFlags {
  plan?: string;
  dryRun?: boolean;
  timeout: string;
}

const FORMATS = ['text', 'json', 'markdown'] as const;

/** The scan, limited by `--changed-since`/`--baseline` when given. */
async function scanInScope({ scanOptions, scope }: MigrateSettings) {
  const scan = await (await import('../../scan/scan.js')).scanProject(scanOptions);
  return scope === undefined ? scan : (await import('../../scope/limit.js')).limitScan(scan, scope);
}

export function verifyCommand(ctx: CliContext): Command {
  const command = new Command('verify').description(
    "send one tiny request per model and feature the migrated code uses, with your key, to show the target serves them (changes nothing)",
  );
  return addMigrateOptions(command, [...FORMATS])
    .option('--plan <file>', 'check the calls of a plan saved with `plan --format json` instead of scanning')
    .option('--dry-run', 'print the requests that would be sent and send nothing')
    .addOption(new Option('--timeout <seconds>', 'give up on a request after this long').default('20'))
    .action(async (paths: string[], flags: VerifyFlags) => {
      const timeoutMs = Number(flags.timeout) * 1000;
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`invalid --timeout "${flags.timeout}"`, 'expected a number of seconds, e.g. --timeout 20');
      const { readSavedPlan, callsOfFindings } = await import('../../verify/calls.js');
      const saved = flags.plan === undefined ? undefined : await readSavedPlan(ctx.cwd, flags.plan);
      const settings = await resolveMigrateFlags(ctx, paths, { ...flags, ...(saved && flags.to === undefined ? { to: saved.target } : {}) }, { inputs: [{ by: `the saved plan ${flags.plan}`, file: flags.plan }] });
      const { provider, planOptions } = settings;
      if (saved && saved.target !== provider.id) throw new UsageError(`${flags.plan} is a plan for ${saved.target}, not ${provider.id}`, `drop --to, or save a plan for ${provider.id}`);
      const [{ resolveTarget }, { planChecks }, { resolveEndpoint }, { requestCount, runVerify }, { verifyReporters }] = await Promise.all([
        import('../../plan/target.js'),
        import('../../verify/probes.js'),
        import('../../verify/endpoint.js'),
        import('../../verify/run.js'),
        import('../../report/verify.js'),
      ]);
      const calls = saved?.calls ?? callsOfFindings((await scanInScope(settings)).findings);
      const target = resolveTarget(provider, planOptions);
      const checks = planChecks(calls, target);
      const dryRun = flags.dryRun === true;
      const endpoint = resolveEndpoint(target, ctx.env, { dryRun });
      if (!dryRun && ctx.stderr.isTTY) ctx.stderr.write(`Sending up to ${count(requestCount(checks), 'request')} to ${new URL(endpoint.baseUrl).host}…\n`);
      const result = await runVerify(provider, endpoint, checks, { dryRun, timeoutMs });
      const format = flags.format as (typeof FORMATS)[number];
      const text = verifyReporters[format](result, { color: flags.out ? 0 : colorLevel(ctx.env, ctx.stdout.isTTY, flags.color), version: packageVersion() });
      await emitText(ctx, text, flags.out);
      if (result.access.status === 'fail' || result.checks.some((check) => check.status === 'fail')) ctx.exitCode = EXIT.gate;
    });
}
