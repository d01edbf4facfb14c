import { Argument, Command } from 'commander';
import { PROVIDER_ALIASES, providers } from '../../providers/index.js';
import { describeProgram, renderCompletion, SHELLS, type Shell } from '../completion.js';
import type { CliContext } from '../context.js';

/** `completion bash|zsh|fish`: prints a completion script built from the program's own commands. */
export function completionCommand(ctx: CliContext): Command {
  return new Command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action((shell: Shell, _flags: unknown, command: Command) => {
      const program = command.parent!;
      ctx.stdout.write(renderCompletion(shell, describeProgram(program, [...providers.map((provider) => provider.id), ...Object.keys(PROVIDER_ALIASES)])));
    });
}
