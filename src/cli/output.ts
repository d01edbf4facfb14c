import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import type { CliContext } from './context.js';

/** Prints `text`, or writes it to `out` (relative to the working folder) when given. */
export async function writeOutput(ctx: CliContext, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    ctx.stdout.write(text);
    return;
  }
  const target = path.resolve(ctx.cwd, out);
  try {
    await writeFile(target, text);
  } catch (error) {
    throw new InputError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  ctx.stderr.write(`Wrote ${out}\n`);
}
