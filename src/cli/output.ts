import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError, InputError } from '../core/errors.js';
import { reporters, type Format } from '../report/index.js';
import type { ReportInput } from '../report/types.js';
import { colorLevel, type CliContext } from './context.js';
import { packageVersion } from './version.js';

export interface OutputFlags {
  format: Format;
  out?: string;
  color?: boolean;
}

/** Renders `input` in the chosen format and prints it, or writes it to `--out`. */
export async function emitReport(ctx: CliContext, input: ReportInput, flags: OutputFlags, startedAt: number): Promise<void> {
  const text = reporters[flags.format](input, {
    color: flags.out ? 0 : colorLevel(ctx.env, ctx.stdout.isTTY, flags.color),
    version: packageVersion(),
    elapsedMs: ctx.now() - startedAt,
  });
  await emitText(ctx, text, flags.out);
}

/** Prints `text`, or writes it to the `--out` file and says so on stderr. */
export async function emitText(ctx: CliContext, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    ctx.stdout.write(text);
    return;
  }
  await writeTextFile(ctx, out, text);
  ctx.stderr.write(`Wrote ${out}\n`);
}

/** Writes a file the user named (relative to the working folder); a failure is one line, exit 2. */
export async function writeTextFile(ctx: CliContext, file: string, text: string): Promise<void> {
  try {
    await writeFile(path.resolve(ctx.cwd, file), text);
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${describeError(error)}`);
  }
}
