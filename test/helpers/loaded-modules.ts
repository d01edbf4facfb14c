import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { REPO_ROOT } from './run-cli.js';

const TRACE = path.join(REPO_ROOT, 'test/helpers/module-trace.mjs');
const BIN = path.join(REPO_ROOT, 'bin/migrate-openai.js');
const execFileAsync = promisify(execFile);

/**
 * Runs the built CLI with the module tracer preloaded and returns the absolute paths of the
 * modules it loaded, workers included.
 */
export async function modulesLoadedBy(argv: string[], { cwd = REPO_ROOT, env = {} }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'migrate-openai-trace-'));
  try {
    const traceFile = path.join(dir, 'trace.txt');
    await execFileAsync(process.execPath, ['--import', TRACE, BIN, ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env, MODULE_TRACE_FILE: traceFile },
    });
    const loaded = (await readFile(traceFile, 'utf8')).split('\n').filter(Boolean);
    // The tracer itself shows up: a trace without the CLI in it would prove nothing.
    expect(loaded.some((file) => file.endsWith(path.join('dist', 'cli', 'main.js')))).toBe(true);
    return loaded;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
