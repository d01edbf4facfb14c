import { Command, Option } from 'commander';
import { FORMATS, reporters, type Format } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { colorLevel } from '../context.js';
import { excludeOption, includeOption, resolveTargets, rootOption, type PathOptions } from '../options.js';
import { writeOutput } from '../output.js';
import { packageVersion } from '../version.js';

interface ScanFlags extends PathOptions {
  format: Format;
  failOnFindings?: boolean;
  out?: string;
  color?: boolean;
}

export function scanCommand(ctx: CliContext): Command {
  return new Command('scan')
    .description('list every place the code depends on OpenAI (changes nothing)')
    .argument('[paths...]', 'files or folders to scan', [])
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--fail-on-findings', 'exit with 1 when any finding remains (a CI gate)')
    .addOption(includeOption())
    .addOption(excludeOption())
    .addOption(rootOption())
    .option('--no-color', 'never colour the output')
    .action(async (paths: string[], flags: ScanFlags) => {
      const { root, paths: targets } = resolveTargets(ctx.cwd, paths, flags.root);
      const { scanProject } = await import('../../scan/scan.js');
      const started = ctx.now();
      const scan = await scanProject({ root, paths: targets, include: flags.include, exclude: flags.exclude });
      const output = reporters[flags.format]({ scan }, {
        color: flags.out ? 0 : colorLevel(ctx.env, ctx.stdout.isTTY, flags.color),
        version: packageVersion(),
        elapsedMs: ctx.now() - started,
      });
      await writeOutput(ctx, output, flags.out);
      if (flags.failOnFindings && scan.findings.length > 0) ctx.exitCode = 1;
    });
}
