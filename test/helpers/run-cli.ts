import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CliContext } from '../../src/cli/context.js';
import { run } from '../../src/cli/main.js';

/** The repository root: where `fixtures/` and `bin/` live. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdinIsTTY?: boolean;
  now?: () => number;
}

/**
 * Runs the CLI in-process with a fake context: output captured as strings, no colour, a fixed
 * clock and no terminal on stdin unless a test asks for one.
 */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? { NO_COLOR: '1' },
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    stdinIsTTY: options.stdinIsTTY ?? false,
    now: options.now ?? (() => 0),
    exitCode: 0,
  };
  const code = await run(argv, ctx);
  return { code, stdout, stderr };
}

const execFileAsync = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin/migrate-openai.js');

/** Spawns the built `bin/migrate-openai.js` (needs `npm run build`); for exit codes and stack-trace checks. */
export async function spawnCli(argv: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...argv], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof code !== 'number') throw error;
    return { code, stdout: stdout ?? '', stderr: stderr ?? '' };
  }
}

/** The lines of `text` without the empty last one a trailing newline leaves. */
export function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
