import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { git } from './changed-lines.js';

/** The project as it was at a git ref, extracted to a temporary folder for `report --base`. */
export interface BaseTree {
  /** The scan root inside the extracted tree. */
  root: string;
  paths: string[];
  /** The commit the ref names. */
  commit: string;
  dispose(): Promise<void>;
}

/**
 * Extracts the committed files of `ref` (`git archive`, so nothing in the repository or its
 * work tree changes) and maps `root` and `paths` into that copy.
 */
export async function extractBaseTree(root: string, paths: readonly string[], ref: string): Promise<BaseTree> {
  const top = (await git(root, ['rev-parse', '--show-toplevel'], `--base needs a git repository, and ${root} is not in one`)).trim();
  const commit = (
    await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], `unknown git ref "${ref}"`, 'pass a branch, tag or commit the repository has, e.g. --base origin/main')
  ).trim();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'migrate-openai-base-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await archiveInto(top, commit, dir);
    const realRoot = await realpath(root);
    const into = (p: string) => path.join(dir, path.relative(top, p === root ? realRoot : path.join(realRoot, path.relative(root, p))));
    const baseRoot = into(root);
    if (!existsSync(baseRoot)) throw new InputError(`${path.relative(top, realRoot) || '.'} did not exist at ${ref}`);
    return { root: baseRoot, paths: paths.map(into).filter((p) => existsSync(p)), commit, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** `git archive <commit> | tar -x -C <dir>`, streamed. */
function archiveInto(top: string, commit: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', commit], { cwd: top, stdio: ['ignore', 'pipe', 'ignore'] });
    const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'ignore'] });
    archive.stdout.pipe(tar.stdin);
    let failed = false;
    const fail = (what: string) => {
      if (failed) return;
      failed = true;
      reject(new InputError(`cannot extract ${commit.slice(0, 12)} for --base: ${what}`));
    };
    archive.on('error', () => fail('git archive did not start'));
    tar.on('error', () => fail('tar did not start'));
    archive.on('close', (code) => code !== 0 && fail(`git archive exited with ${code}`));
    tar.on('close', (code) => (code === 0 ? !failed && resolve() : fail(`tar exited with ${code}`)));
  });
}
