import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, readTree, writeFiles } from './project.js';

const temp = useTempProjects();

async function project(): Promise<string> {
  const dir = await temp.emptyDir();
  await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE });
  return dir;
}

/** Refused with one line and exit 2, and the folder is exactly as it was. */
async function expectRefused(dir: string, argv: string[], message: string, env?: NodeJS.ProcessEnv): Promise<void> {
  const before = await readTree(dir);
  const result = await runCli(argv, { cwd: dir, ...(env ? { env } : {}) });
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.split('\n')[0]).toBe(`error: ${message}`);
  expect(result.stdout).toBe('');
  expect(await readTree(dir)).toEqual(before);
}

describe('two outputs of one run naming the same file', () => {
  it.each([
    [['--out', 'x.txt', '--diff', 'x.txt'], '--out x.txt and --diff x.txt are the same file'],
    [['--out', './x.txt', '--diff', 'x.txt'], '--out ./x.txt and --diff x.txt are the same file'],
    [['--out', 'src/../x.txt', '--diff', 'x.txt'], '--out src/../x.txt and --diff x.txt are the same file'],
  ])('plan %j is refused before anything is written', async (flags, message) => {
    const dir = await project();
    await expectRefused(dir, ['plan', '--to', 'zhipu', ...flags], message);
    expect(existsSync(path.join(dir, 'x.txt'))).toBe(false);
  });

  it('through a symlink, to a file that exists or one still to be created', async () => {
    const dir = await project();
    await symlink('x.txt', path.join(dir, 'link.txt'));
    await expectRefused(dir, ['plan', '--to', 'zhipu', '--out', 'link.txt', '--diff', 'x.txt'], '--out link.txt and --diff x.txt are the same file');
    await writeFiles(dir, { 'x.txt': 'kept\n' });
    await expectRefused(dir, ['plan', '--to', 'zhipu', '--diff', 'link.txt', '--out', `${dir}/x.txt`], `--out ${dir}/x.txt and --diff link.txt are the same file`);
  });

  it('--out and the GitHub job summary', async () => {
    const dir = await project();
    const env = { NO_COLOR: '1', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') };
    await expectRefused(dir, ['report', '--to', 'zhipu', '--format', 'github', '--out', 'summary.md'], `--out summary.md and GITHUB_STEP_SUMMARY ${env.GITHUB_STEP_SUMMARY} are the same file`, env);
  });

  it('different files are written as asked', async () => {
    const dir = await project();
    const result = await runCli(['plan', '--to', 'zhipu', '--out', 'plan.txt', '--diff', 'plan.patch'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'plan.patch'), 'utf8')).toContain('+++ b/src/chat.ts');
    expect(await readFile(path.join(dir, 'plan.txt'), 'utf8')).toContain('Plan for');
  });
});

describe('an output landing on a file the run reads', () => {
  it('verify --out over the saved plan it checks', async () => {
    const dir = await project();
    expect((await runCli(['plan', '--to', 'zhipu', '--format', 'json', '--out', 'plan.json'], { cwd: dir })).code).toBe(0);
    await expectRefused(dir, ['verify', '--dry-run', '--plan', 'plan.json', '--out', './plan.json'], '--out ./plan.json would overwrite the saved plan plan.json');
  });

  it('scan --out over its baseline, and plan --diff over the configuration file', async () => {
    const dir = await project();
    expect((await runCli(['scan', '--format', 'json', '--out', 'base.json'], { cwd: dir })).code).toBe(0);
    await expectRefused(dir, ['scan', '--baseline', 'base.json', '--out', 'base.json'], '--out base.json would overwrite the baseline base.json');
    await writeFiles(dir, { 'migrate-openai.config.json': '{ "target": "zhipu" }\n' });
    await expectRefused(dir, ['plan', '--diff', 'migrate-openai.config.json'], '--diff migrate-openai.config.json would overwrite the configuration file migrate-openai.config.json');
  });

  it('report --out over the verify result it includes', async () => {
    const dir = await project();
    await writeFiles(dir, { 'verified.json': '{}\n' });
    await expectRefused(dir, ['report', '--to', 'zhipu', '--verified', 'verified.json', '--out', 'verified.json'], '--out verified.json would overwrite the verify result verified.json');
  });

  it('apply --out over a source file it migrates', async () => {
    const dir = await project();
    await expectRefused(dir, ['apply', '--to', 'zhipu', '--yes', '--allow-dirty', '--out', 'src/chat.ts'], '--out src/chat.ts would overwrite src/chat.ts, which this run migrates');
  });
});
