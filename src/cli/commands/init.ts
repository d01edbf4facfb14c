import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { CONFIG_FILE_NAME } from '../../config/files.js';
import { renderStarterConfig } from '../../config/starter.js';
import { InputError } from '../../core/errors.js';
import { getProviderOrThrow, providers } from '../../providers/index.js';
import type { CliContext } from '../context.js';
import { toOption } from '../options.js';
import { askProvider } from '../prompt.js';

interface InitFlags {
  to?: string;
  config: string;
}

export function initCommand(ctx: CliContext): Command {
  return new Command('init')
    .description(`write a starting ${CONFIG_FILE_NAME} (asks for the target on a terminal)`)
    .addOption(toOption(false))
    .addOption(new Option('--config <file>', 'the file to write').default(CONFIG_FILE_NAME))
    .action(async (flags: InitFlags) => {
      const absolute = path.resolve(ctx.cwd, flags.config);
      const refusal = new InputError(`${flags.config} already exists; not overwritten`, 'edit it, or delete it to start again');
      if (existsSync(absolute)) throw refusal;
      const provider = getProviderOrThrow(flags.to ?? (await askProvider(ctx, providers)));
      try {
        // 'wx': fail rather than overwrite a file created since the check above.
        await writeFile(absolute, renderStarterConfig(provider), { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw refusal;
        throw new InputError(`cannot write ${flags.config}: ${code ?? String(error)}`);
      }
      ctx.stdout.write(`Wrote ${flags.config} for ${provider.name}. Next: migrate-openai plan\n`);
    });
}
