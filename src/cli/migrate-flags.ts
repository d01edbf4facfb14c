import type { Command } from 'commander';
import { Option } from 'commander';
import { getProviderOrThrow, providers } from '../providers/index.js';
import type { Provider } from '../providers/types.js';
import type { PlanOptions } from '../plan/target.js';
import type { ScanOptions } from '../scan/scan.js';
import type { CliContext } from './context.js';
import { excludeOption, includeOption, modelOption, parseModelOverrides, regionOption, resolveTargets, rootOption, toOption, type PathOptions } from './options.js';
import { askProvider } from './prompt.js';
import type { Format } from '../report/index.js';
import type { OutputFlags } from './output.js';

/** Flags shared by `plan`, `apply` and `report`. */
export interface MigrateFlags extends PathOptions, OutputFlags {
  to?: string;
  region?: string;
  model?: string[];
}

export function addMigrateOptions(command: Command, formats: Format[], defaultFormat: Format = 'text'): Command {
  return command
    .argument('[paths...]', 'files or folders to migrate (default: the current folder)')
    .addOption(toOption())
    .addOption(regionOption())
    .addOption(modelOption())
    .addOption(new Option('--format <format>', 'output format').choices(formats).default(defaultFormat))
    .option('--out <file>', 'write the output to a file instead of standard output')
    .addOption(includeOption())
    .addOption(excludeOption())
    .addOption(rootOption())
    .option('--no-color', 'never colour the output');
}

/** Validates the shared flags (prompting for the provider on a terminal) into library options. */
export async function resolveMigrateFlags(
  ctx: CliContext,
  paths: string[],
  flags: MigrateFlags,
): Promise<{ scanOptions: ScanOptions; provider: Provider; planOptions: PlanOptions }> {
  const { root, paths: targets } = resolveTargets(ctx.cwd, paths, flags.root);
  const models = parseModelOverrides(flags.model);
  const provider = getProviderOrThrow(flags.to ?? (await askProvider(ctx, providers)));
  return {
    scanOptions: { root, paths: targets, include: flags.include, exclude: flags.exclude },
    provider,
    planOptions: { region: flags.region, models },
  };
}
