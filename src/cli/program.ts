import { Command } from 'commander';
import { applyCommand } from './commands/apply.js';
import { planCommand } from './commands/plan.js';
import { providersCommand } from './commands/providers.js';
import { scanCommand } from './commands/scan.js';
import type { CliContext } from './context.js';
import { packageVersion } from './version.js';

/** Builds the whole CLI. Tests drive it in-process with `exitOverride()` and their own context. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('migrate-openai')
    .description('Find OpenAI usage in a codebase and migrate it to another provider.')
    .version(packageVersion(), '-v, --version')
    .option('--debug', 'show the stack trace of an internal error')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  program.addCommand(scanCommand(ctx));
  program.addCommand(planCommand(ctx));
  program.addCommand(applyCommand(ctx));
  program.addCommand(providersCommand(ctx));
  return program;
}
