import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load.js';
import { resolveProviders } from '../../config/providers.js';
import { getProviderOrThrow } from '../../providers/index.js';
import { renderProvider, renderProviderList } from '../../report/providers.js';
import type { CliContext } from '../context.js';
import { colorLevel } from '../context.js';
import { configOption } from '../options.js';

interface ProvidersFlags {
  format: 'text' | 'json';
  color?: boolean;
  config?: string;
}

export function providersCommand(ctx: CliContext): Command {
  return new Command('providers')
    .description('list the target providers, or show one in full')
    .argument('[id]', 'a provider id')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(configOption())
    .option('--no-color', 'never colour the output')
    .action(async (id: string | undefined, flags: ProvidersFlags) => {
      const { config, file } = await loadConfig({ cwd: ctx.cwd, file: flags.config });
      const providers = resolveProviders(config, file);
      const color = colorLevel(ctx.env, ctx.stdout.isTTY, flags.color);
      const output =
        id === undefined ? renderProviderList(providers, flags.format, color) : renderProvider(getProviderOrThrow(id, providers), flags.format, color);
      ctx.stdout.write(output);
    });
}
