import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { providers } from '../../src/providers/index.js';
import { runCli } from '../helpers/run-cli.js';

const execFileAsync = promisify(execFile);

/** Sources the bash script and asks it to complete `words`, the last one being typed. */
async function completeBash(script: string, words: string[]): Promise<string[]> {
  const quoted = words.map((word) => `'${word}'`).join(' ');
  const { stdout } = await execFileAsync('bash', ['-c', `${script}\nCOMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _migrate_openai; printf '%s\\n' "\${COMPREPLY[@]}"`]);
  return stdout.split('\n').filter((line) => line !== '');
}

const program = createProgram({ cwd: '.', env: {}, stdout: { write() {} }, stderr: { write() {} }, stdinIsTTY: false, now: () => 0, exitCode: 0 });

describe('completion', () => {
  it('prints a bash script that completes commands, flags, providers and formats', async () => {
    const { code, stdout } = await runCli(['completion', 'bash']);
    expect(code).toBe(0);
    await execFileAsync('bash', ['-n', '-c', stdout]);
    expect(await completeBash(stdout, ['migrate-openai', 'pl'])).toEqual(['plan']);
    expect(await completeBash(stdout, ['migrate-openai', 'apply', '--to', 'd'])).toEqual(['dashscope', 'deepseek', 'doubao']);
    expect(await completeBash(stdout, ['migrate-openai', 'scan', '--format', ''])).toEqual(['text', 'json', 'sarif', 'github']);
    expect(await completeBash(stdout, ['migrate-openai', 'apply', '--i'])).toEqual(['--include', '--include-tests', '--interactive']);
    expect(await completeBash(stdout, ['migrate-openai', 'plan', '--fail-on', 'n'])).toEqual(['none']);
  });

  it.each(['bash', 'zsh', 'fish'])('lists every command and flag of the program for %s', async (shell) => {
    const { stdout } = await runCli(['completion', shell]);
    for (const command of program.commands) {
      expect(stdout).toContain(command.name());
      for (const option of command.options) expect(stdout, `${command.name()} ${option.long}`).toContain(shell === 'fish' ? `-l ${option.long!.slice(2)}` : option.long!);
    }
    for (const provider of providers) expect(stdout).toContain(provider.id);
  });

  it('quotes descriptions with apostrophes for zsh and fish', async () => {
    const zsh = (await runCli(['completion', 'zsh'])).stdout;
    expect(zsh).toContain("'(--interactive -i)'{--interactive,-i}'[review the diff hunk by hunk, with each file'\\''s manual actions");
    const fish = (await runCli(['completion', 'fish'])).stdout;
    expect(fish).toContain("-d 'review the diff hunk by hunk, with each file\\'s manual actions");
  });

  it('rejects another shell with exit 2', async () => {
    const { code, stderr } = await runCli(['completion', 'powershell']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/'powershell' is invalid for argument 'shell'\. Allowed choices are bash, zsh, fish/);
  });
});
