import { execFile } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run-cli.js';
import { useTempProjects } from './cli/temp-project.js';

const temp = useTempProjects();
const execFileAsync = promisify(execFile);
const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The first `sh` block after a heading. */
function blockAfter(heading: string): string {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  return /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
}

describe('README journey', () => {
  it('runs clone → scan → plan → apply → report → gate as written, outside git, without colour', async () => {
    const journey = blockAfter('## From a clone to CI');
    expect(journey.split('\n').filter((line) => line.startsWith('migrate-openai ')).map((line) => line.split(' ')[1])).toEqual(['scan', 'plan', 'apply', 'report', 'plan']);
    // `migrate-openai` on PATH, as the install section leaves it; mktemp inside a temp folder.
    const bin = await temp.emptyDir();
    await writeFile(path.join(bin, 'migrate-openai'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO_ROOT, 'bin/migrate-openai.js')}" "$@"\n`);
    await chmod(path.join(bin, 'migrate-openai'), 0o755);
    const tmp = await temp.emptyDir();
    const script = `set -eu\n${journey}echo "cwd=$PWD"\n`;
    const { stdout, stderr } = await execFileAsync('bash', ['-c', script], {
      cwd: REPO_ROOT,
      env: { PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', TMPDIR: tmp, HOME: process.env.HOME, GIT_CEILING_DIRECTORIES: tmp },
    });
    expect(stdout).not.toMatch(/\x1b\[/);
    expect(stdout).toMatch(/^\d+ findings: /m);
    expect(stdout).toMatch(/^Plan for Zhipu AI .*: 9 files to change/m);
    expect(stdout).toMatch(/^Migrated to Zhipu AI .*: 9 files changed/m);
    expect(stdout).toMatch(/^Plan for Zhipu AI .*: 0 files to change/m);
    expect(stderr).toContain('note: not a git repository');
    expect(stderr).toContain('Wrote migration-report.md');
    const demo = /^cwd=(.*)$/m.exec(stdout)![1]!;
    expect(demo.startsWith(tmp)).toBe(true);
    expect(await readFile(path.join(demo, 'migration-report.md'), 'utf8')).toMatch(/^# Migration report: OpenAI → Zhipu AI/);
  });

  it('documents --version next to -v, and completion for bash, zsh and fish', () => {
    expect(readme).toMatch(/--version.*-v/);
    for (const shell of ['bash', 'zsh', 'fish']) expect(readme).toContain(`migrate-openai completion ${shell}`);
  });
});
