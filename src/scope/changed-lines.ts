import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { InputError } from '../core/errors.js';

const execFileAsync = promisify(execFile);

/** Per file (relative to the root, `/`-separated): the changed line numbers, or 'all' for a new file. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/**
 * What changed under `root` since `ref`, as a pull request shows it: the diff from the merge
 * base of `ref` and HEAD to the work tree (uncommitted changes included), plus untracked files.
 */
export async function getChangedLines(root: string, ref: string): Promise<ChangedLines> {
  if (ref.startsWith('-')) throw new InputError(`invalid git ref "${ref}"`);
  await git(root, ['rev-parse', '--is-inside-work-tree'], `--changed-since needs a git repository; ${root} is not in one`);
  await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], `unknown git ref "${ref}" for --changed-since`, 'fetch it first (in CI: actions/checkout with fetch-depth: 0)');
  const base = (await git(root, ['merge-base', ref, 'HEAD'], `no common history between ${ref} and HEAD`, 'fetch the full history (fetch-depth: 0)')).trim();
  const diff = await git(root, ['diff', '--relative', '--no-color', '--no-ext-diff', '--unified=0', base, '--', '.'], `git diff against ${ref} failed`);
  const changed = parseUnifiedDiff(diff);
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.'], 'git ls-files failed');
  for (const file of untracked.split('\0')) if (file !== '') changed.set(file, 'all');
  return changed;
}

/** The added or changed lines of the new side of each file in a `--unified=0` diff. */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let lines: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const file = line.slice(4);
      lines = undefined;
      if (file === '/dev/null') continue;
      lines = new Set();
      changed.set(unquote(file).replace(/^b\//, ''), lines);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk === null || lines === undefined) continue;
    const start = Number(hunk[1]);
    const length = hunk[2] === undefined ? 1 : Number(hunk[2]);
    for (let n = start; n < start + length; n++) lines.add(n);
  }
  return changed;
}

/** git quotes paths with unusual characters: `"b/caf\303\251.ts"`. */
function unquote(file: string): string {
  if (!file.startsWith('"')) return file;
  const bytes: number[] = [];
  const body = file.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
      if (octal) {
        bytes.push(Number.parseInt(octal[0], 8));
        i += 3;
        continue;
      }
      const escaped = body[++i]!;
      bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[escaped] ?? escaped.charCodeAt(0));
      continue;
    }
    bytes.push(...Buffer.from(body[i]!));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Runs git with English messages and no optional locks; any failure is `failure`, one line, exit 2. */
export async function git(cwd: string, args: string[], failure: string, hint?: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd, env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' }, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch {
    throw new InputError(failure, hint);
  }
}
