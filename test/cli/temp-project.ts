import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, vi } from 'vitest';
import { copyFixture } from '../helpers/read-tree.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

export const FIXTURES = path.join(REPO_ROOT, 'fixtures');

/** `fixtures/<name>/input`, or `fixtures/<name>/expected/<target>` with a target. */
export const inputOf = (name: string) => path.join(FIXTURES, name, 'input');
export const expectedOf = (name: string, target: string) => path.join(FIXTURES, name, 'expected', target);

/**
 * Temp folders for tests that write: fixture copies and empty folders, removed after the file.
 * Call it before registering other hooks: git is kept from finding a repository above the temp
 * dir, or a hook's GIT_DIR, from the file's first `beforeAll` on.
 */
export function useTempProjects() {
  const created: string[] = [];
  beforeAll(() => {
    vi.stubEnv('GIT_CEILING_DIRECTORIES', os.tmpdir());
    vi.stubEnv('GIT_DIR', undefined);
    vi.stubEnv('GIT_WORK_TREE', undefined);
    vi.stubEnv('GIT_INDEX_FILE', undefined);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    /** A fresh copy of `fixtures/<name>/input`. */
    copy: async (name: string): Promise<string> => {
      const dir = await copyFixture(inputOf(name));
      created.push(dir);
      return dir;
    },
    emptyDir: async (): Promise<string> => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'migrate-openai-cli-'));
      created.push(dir);
      return dir;
    },
  };
}

const execFileAsync = promisify(execFile);

/** Runs git in a temp folder, isolated from the user's and the system's git config. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  const { stdout } = await execFileAsync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull },
  });
  return stdout;
}

/** `git init` the folder and commit everything in it, so its work tree is clean. */
export async function commitAll(dir: string): Promise<void> {
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A');
  await git(dir, '-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'init');
}
