import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getGitStatus } from '../../src/apply/git.js';
import { InputError } from '../../src/core/errors.js';
import { useTempDirs } from './temp-dir.js';

const execFileAsync = promisify(execFile);
const makeTempDir = useTempDirs();

/** Runs git in a temp repo, isolated from the user's config and from a surrounding hook's GIT_* vars. */
async function git(cwd: string, ...args: string[]): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  await execFileAsync(
    'git',
    ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', ...args],
    { cwd, env: { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull } },
  );
}

async function makeCommittedRepo(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir();
  await git(dir, 'init', '-q');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

beforeEach(() => {
  // Keep git from finding a repository above the temp dir, and from a hook's GIT_DIR.
  vi.stubEnv('GIT_CEILING_DIRECTORIES', os.tmpdir());
  vi.stubEnv('GIT_DIR', undefined);
  vi.stubEnv('GIT_WORK_TREE', undefined);
  vi.stubEnv('GIT_INDEX_FILE', undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getGitStatus', () => {
  it('reports not-a-repo for a plain directory', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'a.ts'), 'x');
    expect(await getGitStatus(dir)).toEqual({ kind: 'not-a-repo' });
  });

  it('reports not-a-repo when git is not installed', async () => {
    const repo = await makeCommittedRepo({ 'a.ts': 'x' });
    vi.stubEnv('PATH', await makeTempDir());
    expect(await getGitStatus(repo)).toEqual({ kind: 'not-a-repo' });
  });

  it('reports clean right after a commit', async () => {
    const repo = await makeCommittedRepo({ 'src/a.ts': 'x', 'README.md': 'r' });
    expect(await getGitStatus(repo)).toEqual({ kind: 'clean' });
  });

  it('lists a modified file and an untracked file as dirty', async () => {
    const repo = await makeCommittedRepo({ 'src/a.ts': 'x', 'src/b.ts': 'y' });
    await writeFile(path.join(repo, 'src', 'a.ts'), 'changed');
    await writeFile(path.join(repo, 'new.ts'), 'new');
    const status = await getGitStatus(repo);
    expect(status.kind).toBe('dirty');
    expect(status.kind === 'dirty' && [...status.files].sort()).toEqual(['new.ts', 'src/a.ts']);
  });

  it('lists both paths of a staged rename', async () => {
    const repo = await makeCommittedRepo({ 'old.ts': 'content that git can match\n' });
    await git(repo, 'mv', 'old.ts', 'new.ts');
    expect(await getGitStatus(repo)).toEqual({ kind: 'dirty', files: ['new.ts', 'old.ts'] });
  });

  it('keeps file names with spaces, quotes and non-ASCII letters as they are', async () => {
    const repo = await makeCommittedRepo({ 'a.ts': 'x' });
    await writeFile(path.join(repo, 'my "café" file.ts'), 'x');
    expect(await getGitStatus(repo)).toEqual({ kind: 'dirty', files: ['my "café" file.ts'] });
  });

  it('counts only changes inside the root when the root is a subdirectory', async () => {
    const repo = await makeCommittedRepo({ 'app/a.ts': 'x', 'other/b.ts': 'y' });
    await writeFile(path.join(repo, 'other', 'b.ts'), 'changed');
    expect(await getGitStatus(path.join(repo, 'app'))).toEqual({ kind: 'clean' });

    await writeFile(path.join(repo, 'app', 'a.ts'), 'changed');
    expect(await getGitStatus(path.join(repo, 'app'))).toEqual({ kind: 'dirty', files: ['app/a.ts'] });
  });

  it('throws an InputError when the root is not a directory', async () => {
    const dir = await makeTempDir();
    await expect(getGitStatus(path.join(dir, 'missing'))).rejects.toThrow(InputError);
  });
});
