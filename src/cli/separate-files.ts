import { readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';

/** A file one run names: `by` says what it is (`--out`, "the saved plan plan.json"), `file` is as given. */
export interface NamedFile {
  by: string;
  file: string | undefined;
}

/**
 * Refuses, before anything is written, a run in which two outputs land in one file or an output
 * lands on a file the run reads: `--out x --diff ./x`, `--out plan.json --plan plan.json`, or a
 * symlink to either. Files are compared as what they reach, not as spelled.
 */
export function assertSeparateFiles(cwd: string, outputs: readonly NamedFile[], inputs: readonly NamedFile[] = []): void {
  const written = new Map<string, NamedFile>();
  for (const output of outputs) {
    if (output.file === undefined) continue;
    const id = identify(cwd, output.file);
    const earlier = written.get(id);
    if (earlier !== undefined) {
      throw new UsageError(`${earlier.by} ${earlier.file} and ${output.by} ${output.file} are the same file`, 'give each output its own file');
    }
    written.set(id, output);
  }
  for (const input of inputs) {
    const output = input.file === undefined ? undefined : written.get(identify(cwd, input.file));
    if (output !== undefined) throw new UsageError(`${output.by} ${output.file} would overwrite ${input.by}`, 'write the output to another file');
  }
}

/**
 * The same string for every spelling of one file: its device and inode once it exists (links
 * and symlinks included), else the real path of its folder plus its name, following a symlink
 * whose target is still to be created.
 */
function identify(cwd: string, file: string, depth = 0): string {
  const absolute = path.resolve(cwd, file);
  try {
    const stats = statSync(absolute);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    const link = depth < 40 ? readLink(absolute) : undefined;
    if (link !== undefined) return identify(path.dirname(absolute), link, depth + 1);
    try {
      return path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

function readLink(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}
