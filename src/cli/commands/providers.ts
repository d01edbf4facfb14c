import { Command, Option } from 'commander';
import { getProviderOrThrow, providers } from '../../providers/index.js';
import { renderProvider, renderProviderList } from '../../report/providers.js';
import type { CliContext } from '../context.js';
import { colorLevel } from '../context.js';

interface ProvidersFlags {
  format: 'text' | 'json';
  color?: boolean;
}

export function providersCommand(ctx: CliContext): Command {
  return new Command('providers')
    .description('list the target providers, or show one in full')
    .argument('[id]', 'a provider id')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-color', 'never colour the output')
    .action((id: string | undefined, flags: ProvidersFlags) => {
      const color = colorLevel(ctx.env, ctx.stdout.isTTY, flags.color);
      const output =
        id === undefined ? renderProviderList(providers, flags.format, color) : renderProvider(getProviderOrThrow(id), flags.format, color);
      ctx.stdout.write(output);
    });
}
