import { describe, expect, it, vi } from 'vitest';
import { linesOf, runCli } from '../helpers/run-cli.js';

// A scan that fails the way a bug would, to see how `run` reports what it cannot attribute to the user.
vi.mock('../../src/scan/scan.js', () => ({
  scanProject: async () => {
    throw new Error('boom');
  },
}));

describe('run', () => {
  it('prints the program help on the context stdout and returns 0', async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: migrate-openai /);
    expect(stdout).toContain('providers [options] [id]');
    expect(stderr).toBe('');
  });

  it("prints a subcommand's help on the context stdout, not the process's", async () => {
    const { code, stdout } = await runCli(['scan', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: migrate-openai scan /);
    expect(stdout).toContain('--fail-on-findings');
  });

  it('exits with 2 for an unknown command', async () => {
    const { code, stderr } = await runCli(['migrate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: unknown command 'migrate'/);
  });

  it('reports an unexpected error as one line with exit 3, and no stack', async () => {
    const { code, stdout, stderr } = await runCli(['scan', 'fixtures/sdk-v4-client/input']);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe('internal error: boom; re-run with --debug for details\n');
  });

  it('adds the stack of an unexpected error under --debug', async () => {
    const { code, stderr } = await runCli(['--debug', 'scan', 'fixtures/sdk-v4-client/input']);
    expect(code).toBe(3);
    const lines = linesOf(stderr);
    expect(lines[0]).toBe('internal error: boom; re-run with --debug for details');
    expect(lines[1]).toBe('Error: boom');
    expect(lines.slice(2)).toContainEqual(expect.stringMatching(/^\s+at /));
  });
});
