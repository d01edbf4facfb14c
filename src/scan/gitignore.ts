// .gitignore rules as git applies them: nested files scoped to their folder, the files of
// parent folders up to the repository's top, and the repository's info/exclude.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { toRelative } from '../core/paths.js';
import { readRegularFile } from '../core/read-regular.js';

export const GITIGNORE = '.gitignore';

// git matches ignore rules case-insensitively where the file system is (its core.ignorecase).
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

export function parentOf(relative: string): string {
  const slash = relative.lastIndexOf('/');
  return slash === -1 ? '' : relative.slice(0, slash);
}

/** '' (the root) and every folder above `folder`, not `folder` itself. */
export function ancestorsOf(folder: string): string[] {
  if (folder === '') return [];
  const parts = folder.split('/');
  return parts.map((_, index) => parts.slice(0, index).join('/'));
}

/** One ignore file and the paths its rules are relative to. */
interface IgnoreScope {
  /** Root-relative folder holding the file; '' for the root and for every scope above it. */
  folder: string;
  /** For scopes above the root: the root's path from the scope's folder, with a trailing '/'. */
  prefix: string;
  rules: Ignore;
}

export async function loadGitignoreRules(root: string, realRoot: string, folders: string[]): Promise<GitignoreRules> {
  const [inner, outer] = await Promise.all([
    Promise.all(
      folders.map(async (folder): Promise<IgnoreScope | undefined> => {
        const rules = await readIgnoreFile(path.join(root, folder, GITIGNORE));
        return rules && { folder, prefix: '', rules };
      }),
    ),
    loadOuterScopes(realRoot),
  ]);
  return new GitignoreRules(
    inner.filter((scope) => scope !== undefined),
    // The root was named on purpose: if its own repository ignores it, those rules would hide
    // everything, so they are not applied.
    decideIgnored(outer, '', undefined) === true ? [] : outer,
  );
}

/**
 * The ignore files that apply to the root from outside it, most specific first: the
 * `.gitignore` of each folder above the root up to the enclosing repository's top, then the
 * repository's `info/exclude`. None when the root is not inside a git repository.
 */
async function loadOuterScopes(realRoot: string): Promise<IgnoreScope[]> {
  const repository = await findRepository(realRoot);
  if (!repository) return [];
  const folders: string[] = [];
  for (let folder = realRoot; folder !== repository.top; ) {
    folder = path.dirname(folder);
    folders.push(folder);
  }
  const scopeAt = async (folder: string, file: string): Promise<IgnoreScope | undefined> => {
    const rules = await readIgnoreFile(file);
    const fromFolder = toRelative(folder, realRoot);
    return rules && { folder: '', prefix: fromFolder === '' ? '' : `${fromFolder}/`, rules };
  };
  const scopes = await Promise.all([
    ...folders.map((folder) => scopeAt(folder, path.join(folder, GITIGNORE))),
    scopeAt(repository.top, path.join(repository.commonDir, 'info', 'exclude')),
  ]);
  return scopes.filter((scope) => scope !== undefined);
}

/** The nearest folder at or above `start` holding `.git`, and where its shared git data lives. */
async function findRepository(start: string): Promise<{ top: string; commonDir: string } | undefined> {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const dotGit = path.join(folder, '.git');
    const stat = await fs.stat(dotGit).catch(() => undefined);
    if (stat?.isDirectory()) return { top: folder, commonDir: dotGit };
    // Worktrees and submodules have a `.git` file pointing at the real git folder.
    if (stat?.isFile()) return { top: folder, commonDir: await readGitDirLink(folder, dotGit) };
    if (path.dirname(folder) === folder) return undefined;
  }
}

async function readGitDirLink(top: string, dotGitFile: string): Promise<string> {
  const content = await fs.readFile(dotGitFile, 'utf8').catch(() => '');
  const gitDir = path.resolve(top, /^gitdir:\s*(.+)$/m.exec(content)?.[1]?.trim() ?? '.git');
  const commonDir = await fs.readFile(path.join(gitDir, 'commondir'), 'utf8').catch(() => undefined);
  return commonDir === undefined ? gitDir : path.resolve(gitDir, commonDir.trim());
}

async function readIgnoreFile(file: string): Promise<Ignore | undefined> {
  // git reads only regular files here; a FIFO named .gitignore must not block the scan.
  const content = await readRegularFile(file).catch(() => undefined);
  // git skips a UTF-8 BOM at the start of an ignore file.
  return content === undefined ? undefined : ignore({ ignoreCase: IGNORE_CASE }).add(content.replace(/^\uFEFF/, ''));
}

/** A path as the scope's rules see it: relative to the scope's folder. */
function toLocal(scope: IgnoreScope, relative: string): string {
  if (scope.folder === '') return scope.prefix + relative;
  return relative === scope.folder ? '' : relative.slice(scope.folder.length + 1);
}

/**
 * git's verdict from a chain of scopes, most specific first: the first scope with a rule that
 * matches the path decides. `parent` is the root-relative folder of the path, which the caller
 * has already found not to be ignored. Returns undefined when no rule matches.
 */
function decideIgnored(chain: IgnoreScope[], relative: string, parent: string | undefined): boolean | undefined {
  for (const scope of chain) {
    const local = toLocal(scope, relative);
    // The root itself, seen from its own repository's info/exclude: never ignored.
    if (local === '') continue;
    const result = scope.rules.test(local);
    if (result.unignored) return false;
    if (!result.ignored) continue;
    // `ignore` also calls a path ignored when one of its folders matches a rule of this scope.
    // The folder is known not to be ignored (a more specific scope re-included it), so this
    // scope is passed over. Its rules for the path itself go unheard then; that rare case errs
    // towards scanning a file git would ignore.
    if (parent !== undefined && isFolderRuled(scope, parent)) continue;
    return true;
  }
  return undefined;
}

function isFolderRuled(scope: IgnoreScope, folder: string): boolean {
  const local = toLocal(scope, folder);
  if (local === '') return false;
  return scope.rules.test(local.endsWith('/') ? local : `${local}/`).ignored;
}

/**
 * Answers "is this root-relative path ignored?" with git's rules: a folder that is ignored
 * hides everything below it (no rule can re-include a file there), and a deeper `.gitignore`
 * overrides a shallower one. Verdicts per folder are cached, so a file costs one test per
 * `.gitignore` above it.
 */
export class GitignoreRules {
  private readonly scopes: Map<string, IgnoreScope>;
  private readonly chains = new Map<string, IgnoreScope[]>();
  private readonly ignoredFolders = new Map<string, boolean>();

  constructor(
    inner: IgnoreScope[],
    private readonly outer: IgnoreScope[],
  ) {
    this.scopes = new Map(inner.map((scope) => [scope.folder, scope]));
  }

  isIgnored(relative: string): boolean {
    const folder = parentOf(relative);
    return this.isFolderIgnored(folder) || decideIgnored(this.chainOf(folder), relative, folder) === true;
  }

  isFolderIgnored(folder: string): boolean {
    if (folder === '') return false;
    let ignored = this.ignoredFolders.get(folder);
    if (ignored === undefined) {
      const parent = parentOf(folder);
      ignored = this.isFolderIgnored(parent) || decideIgnored(this.chainOf(parent), `${folder}/`, parent) === true;
      this.ignoredFolders.set(folder, ignored);
    }
    return ignored;
  }

  /** The scopes that apply to paths directly inside `folder`, most specific first. */
  private chainOf(folder: string): IgnoreScope[] {
    let chain = this.chains.get(folder);
    if (chain === undefined) {
      const own = this.scopes.get(folder);
      const rest = folder === '' ? this.outer : this.chainOf(parentOf(folder));
      chain = own ? [own, ...rest] : rest;
      this.chains.set(folder, chain);
    }
    return chain;
  }
}
