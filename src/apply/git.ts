import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { InputError } from '../core/errors.js';

/** In 'dirty', `files` are as git prints them: relative to the repository root, which may lie above `root`. */
export type GitStatus = { kind: 'not-a-repo' } | { kind: 'clean' } | { kind: 'dirty'; files: string[] };

const execFileAsync = promisify(execFile);

/**
 * Whether the git work tree under `root` has uncommitted changes (untracked files included).
 * Changes elsewhere in the repository do not count. 'not-a-repo' when `root` is not inside a
 * work tree or git is not installed; any other git failure is an InputError.
 */
export async function getGitStatus(root: string): Promise<GitStatus> {
  await assertDirectory(root);
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync('git', ['status', '--porcelain', '-z', '--', '.'], {
      cwd: root,
      // LC_ALL=C keeps git's messages in English so "not a git repository" can be recognised;
      // GIT_OPTIONAL_LOCKS=0 stops status from taking index.lock under a concurrent git command.
      env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (error) {
    const { code, stderr } = error as { code?: unknown; stderr?: unknown };
    const message = typeof stderr === 'string' ? stderr : '';
    if (code === 'ENOENT' || /not a git repository/i.test(message)) return { kind: 'not-a-repo' };
    const firstLine = message.trim().split('\n')[0] || (error as Error).message.split('\n')[0];
    throw new InputError(
      `git status failed in ${root}: ${firstLine}`,
      'Fix the repository, or pass --allow-dirty to skip the clean-tree check.',
    );
  }
  const files = parsePorcelain(stdout);
  return files.length === 0 ? { kind: 'clean' } : { kind: 'dirty', files };
}

/**
 * The files among `files` (relative to `root`) whose present content git could not give back:
 * not tracked (ignored ones included), or changed since they were staged. All of them when
 * `root` is not in a work tree, git is missing or fails: then nothing is known to be safe.
 */
export async function findUnrestorableFiles(root: string, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const list = async (which: '--cached' | '--modified') => {
    const { stdout } = await execFileAsync('git', ['ls-files', which, '-z', '--', ...files], {
      cwd: root,
      // Names are paths, not patterns: `[id].env` must not match `i.env`.
      env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0', GIT_LITERAL_PATHSPECS: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.split('\0').filter((name) => name !== '');
  };
  try {
    const [tracked, modified] = await Promise.all([list('--cached'), list('--modified')]);
    const restorable = new Set(tracked);
    for (const file of modified) restorable.delete(file);
    return new Set(files.filter((file) => !restorable.has(file)));
  } catch {
    return new Set(files);
  }
}

/**
 * `git status --porcelain -z` prints `XY path\0`, and for a rename or copy `XY new\0old\0`;
 * both paths of a rename count as changed.
 */
function parsePorcelain(stdout: string): string[] {
  const fields = stdout.split('\0');
  const files: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 4) continue;
    const status = field.slice(0, 2);
    files.push(field.slice(3));
    if (/[RC]/.test(status) && fields[i + 1] !== undefined) files.push(fields[++i]!);
  }
  return files;
}

async function assertDirectory(root: string): Promise<void> {
  const stats = await stat(root).catch(() => undefined);
  if (stats?.isDirectory() !== true) throw new InputError(`${root} is not a directory`);
}
