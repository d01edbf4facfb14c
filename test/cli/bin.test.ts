import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnCli } from '../helpers/run-cli.js';

/** The few checks that need a real process: exit codes and what reaches the terminal. */
const STACK_LINE = /^\s+at /m;
const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

beforeAll(() => {
  if (!existsSync(path.join(REPO_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
});

describe.concurrent('bin/migrate-openai.js', () => {
  it('exits with 0 for --help and prints the usage', async () => {
    const { code, stdout } = await spawnCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: migrate-openai /);
  });

  it('prints the package.json version for --version', async () => {
    expect(await spawnCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits with 2 and one line without a stack trace for a missing path', async () => {
    const { code, stdout, stderr } = await spawnCli(['scan', '/does/not/exist']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: path not found: /does/not/exist\n');
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('exits with 2 without a stack trace when --to is missing and stdin is not a terminal', async () => {
    const { code, stderr } = await spawnCli(['plan', 'fixtures/sdk-v4-client/input']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: missing --to <provider>\nhint: valid providers: /);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('exits with 1 when --fail-on-findings finds something', async () => {
    const { code, stdout } = await spawnCli(['scan', '--fail-on-findings', 'fixtures/sdk-v4-client/input']);
    expect(code).toBe(1);
    expect(stdout).toContain('12 findings');
  });
});
