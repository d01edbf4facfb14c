import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { CONFIG_FILE_NAME, configExcludes, schemaReferenceFor } from '../../config/files.js';
import { foundModelMappings, renderStarterConfig } from '../../config/starter.js';
import { count } from '../../core/plural.js';
import { InputError } from '../../core/errors.js';
import { getProviderOrThrow, providers } from '../../providers/index.js';
import type { CliContext } from '../context.js';
import { noCacheOption, toOption } from '../options.js';
import { askProvider } from '../prompt.js';

interface InitFlags {
  to?: string;
  config: string;
  /** False with `--no-cache`. */
  cache?: boolean;
}

export function initCommand(ctx: CliContext): Command {
  return new Command('init')
    .description(`write a starting ${CONFIG_FILE_NAME} (asks for the target on a terminal)`)
    .addOption(toOption(false))
    .addOption(new Option('--config <file>', 'the file to write').default(CONFIG_FILE_NAME))
    .addOption(noCacheOption())
    .action(async (flags: InitFlags) => {
      const absolute = path.resolve(ctx.cwd, flags.config);
      const refusal = new InputError(`${flags.config} already exists; not overwritten`, 'edit it, or delete it to start again');
      if (existsSync(absolute)) throw refusal;
      const provider = getProviderOrThrow(flags.to ?? (await askProvider(ctx, providers)));
      const dir = path.dirname(absolute);
      const { scanProject } = await import('../../scan/scan.js');
      const scan = await scanProject({ root: dir, paths: [dir], exclude: configExcludes(dir, flags.config, ctx.cwd), cache: flags.cache !== false });
      const { models, unmapped } = foundModelMappings(scan.findings, provider);
      const schema = schemaReferenceFor(dir);
      try {
        // 'wx': fail rather than overwrite a file created since the check above.
        await writeFile(absolute, renderStarterConfig(provider, { schema, models }), { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw refusal;
        throw new InputError(`cannot write ${flags.config}: ${code ?? String(error)}`);
      }
      const mapped = Object.keys(models).length;
      ctx.stdout.write(`Wrote ${flags.config} for ${provider.name}, with ${count(mapped, 'model mapping')} from the code. Next: migrate-openai plan\n`);
      ctx.stdout.write(`$schema: ${path.resolve(dir, schema)}\n`);
      if (unmapped.length > 0) ctx.stdout.write(`No ${provider.id} model is known for ${unmapped.join(', ')}: add ${unmapped.length === 1 ? 'it' : 'them'} to "models".\n`);
    });
}
