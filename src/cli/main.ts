import { CommanderError } from 'commander';
import { EXIT, firstLine, isUserError, UsageError } from '../core/errors.js';
import { describeUnsafeCharacter, findUnsafeCharacter } from '../core/values.js';
import { showable } from './showable.js';
import { createProcessContext, type CliContext } from './context.js';
import { createProgram } from './program.js';

/** Runs the CLI and returns the exit code; the only place that maps errors to codes. */
export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const program = createProgram(ctx).exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    assertSafeArguments(argv);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message; help and version exit 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isUserError(error)) {
      // A configuration file can have several problems: one line each.
      for (const line of error.message.split('\n')) ctx.stderr.write(`error: ${showable(line)}\n`);
      if (error.hint) ctx.stderr.write(`hint: ${showable(error.hint)}\n`);
      return error.exitCode;
    }
    const debug = argv.includes('--debug');
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`internal error: ${showable(firstLine(message))}; re-run with --debug for details\n`);
    if (debug && error instanceof Error && error.stack) ctx.stderr.write(`${showable(error.stack)}\n`);
    return EXIT.internal;
  }
}

/** NUL and bidirectional control characters are refused in every argument, whatever it is for. */
function assertSafeArguments(argv: string[]): void {
  for (const argument of argv) {
    const code = findUnsafeCharacter(argument);
    if (code !== undefined) throw new UsageError(`the argument "${argument}" ${describeUnsafeCharacter(code)}`, 'retype it without hidden characters');
  }
}

/** The process entry point, called by `bin/migrate-openai.js`. */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), createProcessContext());
}
