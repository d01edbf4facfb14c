import { Command } from 'commander';
import { applyCommand } from './commands/apply.js';
import { completionCommand } from './commands/completion.js';
import { initCommand } from './commands/init.js';
import { planCommand } from './commands/plan.js';
import { providersCommand } from './commands/providers.js';
import { reportCommand } from './commands/report.js';
import { scanCommand } from './commands/scan.js';
import { verifyCommand } from './commands/verify.js';
import type { CliContext } from './context.js';
import { showable } from './showable.js';
import { packageVersion } from './version.js';

/** Builds the whole CLI. Tests drive it in-process with `exitOverride()` and their own context. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('migrate-openai')
    .description('Find OpenAI usage in a codebase and migrate it to another provider.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .option('--debug', 'show the stack trace of an internal error')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(showable(text)),
    });
  // Unlike `.command()`, `addCommand` copies no settings: without this, a subcommand's errors
  // and help would bypass `ctx` and go straight to the process streams.
  for (const command of [scanCommand(ctx), planCommand(ctx), applyCommand(ctx), reportCommand(ctx), verifyCommand(ctx), providersCommand(ctx), initCommand(ctx), completionCommand(ctx)]) {
    program.addCommand(command.copyInheritedSettings(program));
  }
  return program;
}
