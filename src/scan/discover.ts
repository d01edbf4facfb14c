import { compareStrings } from '../core/compare.js';
import { promises as fs, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { picomatch } from '../core/picomatch.js';
import { isInside, toRelative } from '../core/paths.js';
import type { SkippedFile } from '../core/types.js';
import { FolderRules, GITIGNORE, IgnoreFileReader, loadRootRules } from './gitignore.js';

export interface DiscoverOptions {
  /** Absolute scan root. Nothing outside it is listed, and no symlink leaving it is followed. */
  root: string;
  /** Absolute files or folders inside `root` (a relative one is taken from the root); `[]` means `[root]`. */
  paths: string[];
  /** Whether a file, by its root-relative path, is one a frontend reads. */
  accepts: (relative: string) => boolean;
  /** User globs relative to the root; when given, only matching files are kept. `src` means `src/**` too. */
  include?: string[];
  /** User globs relative to the root; matching files are dropped. `legacy` means `legacy/**` too. */
  exclude?: string[];
  /** Told the count of files listed so far, after each folder (and all below it) is listed. */
  onListed?: (count: number) => void;
}

export interface DiscoveredFile {
  absolute: string;
  /** Relative to the root, forward slashes. */
  relative: string;
}

export interface DiscoverResult {
  /** Sorted by `relative` in UTF-8 byte order. */
  files: DiscoveredFile[];
  skipped: SkippedFile[];
}

/** Folders never entered: dependencies, VCS data, build output and caches. */
export const DEFAULT_EXCLUDED_FOLDERS: readonly string[] = [
  'node_modules',
  '.git',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  'coverage',
  'vendor',
  '.turbo',
  '.cache',
  // Python: virtual environments (with the openai package's own sources), bytecode and notebook checkpoints.
  '.venv',
  'venv',
  'site-packages',
  '__pycache__',
  '.tox',
  '.nox',
  '.ipynb_checkpoints',
];

const EXCLUDED_FOLDER_NAMES = new Set(DEFAULT_EXCLUDED_FOLDERS);

/** Minified and bundled scripts: generated, huge, and never the place to migrate by hand. */
const MINIFIED_FILE_NAME = /(?:\.min|-min|\.bundle)\.(?:js|mjs|cjs)$/;

/**
 * Lists the files under `paths` that `accepts`, honouring the default excludes,
 * `.gitignore` files (nested ones, those of parent folders up to the enclosing git repository,
 * and its `info/exclude`) and the user's include/exclude globs.
 *
 * A file named explicitly in `paths` is listed even if a `.gitignore` or a default exclude
 * covers it (as linters do); it must still be accepted and match the user's include/exclude.
 * A named folder gets no such pass: ignore rules apply to it and to everything below it.
 * Symbolic links are never followed into folders. A linked file is listed only if its target
 * lies inside the root (once, even if the target is listed too); one leading outside is
 * reported as skipped with reason `symlink-outside-root`. FIFOs, sockets and broken links with
 * a source file's name are reported as skipped with reason `unreadable`, and so is a folder
 * that cannot be listed (as `name/`).
 *
 * Throws `InputError` for a path that does not exist or lies outside the root.
 */
export async function discoverFiles(options: DiscoverOptions): Promise<DiscoverResult> {
  const root = path.resolve(options.root);
  const realRoot = await resolveRoot(root);
  const targets = await Promise.all(
    (options.paths.length > 0 ? options.paths : [root]).map((given) => resolveTarget(root, realRoot, given)),
  );
  const globs: UserGlobs = {
    include: options.include?.length ? matcherOf(expandFolderGlobs(options.include)) : undefined,
    exclude: options.exclude?.length ? matcherOf(expandFolderGlobs(options.exclude)) : undefined,
  };
  const folders = outermostFolders(targets.flatMap((target) => (target.kind === 'folder' ? [target.relative] : [])));
  const walked = folders.length > 0 ? await walkFolders(root, realRoot, folders, options.accepts, globs, options.onListed) : undefined;
  const found = new FoundFiles(root, walked?.files ?? []);
  const skipped: SkippedFile[] = [];

  const links = await Promise.all(
    (walked?.links ?? []).map(async (relative) => ({ relative, link: await resolveLink(root, realRoot, relative) })),
  );
  for (const { relative, link } of links) {
    if (link.kind === 'file') found.add(relative, link.canonical);
    else if (link.kind === 'outside') skipped.push(skipOutsideRoot(relative));
    else if (link.kind === 'special') skipped.push(skipSpecial(relative));
    else if (link.kind === 'broken') {
      skipped.push({ file: relative, reason: 'unreadable', message: `broken symbolic link (${link.code})` });
    }
  }

  for (const relative of walked?.special ?? []) skipped.push(skipSpecial(relative));
  for (const { relative, code } of walked?.unreadable ?? []) skipped.push({ file: `${relative}/`, reason: 'unreadable', message: `folder could not be read (${code})` });

  const named = targets.filter((target) => target.kind !== 'folder');
  for (const target of named) {
    if (!isWanted(target.relative, options.accepts, globs)) continue;
    if (target.kind === 'outside-link') skipped.push(skipOutsideRoot(target.relative));
    else if (target.kind === 'special') skipped.push(skipSpecial(target.relative));
    else found.add(target.relative, target.canonical);
  }

  const uniqueSkipped = [...new Map(skipped.map((entry) => [entry.file, entry])).values()];
  return { files: found.list(), skipped: sortByPath(uniqueSkipped, (entry) => entry.file) };
}

/** The user's include and exclude globs, each compiled once into one test of a root-relative path. */
interface UserGlobs {
  include: ((relative: string) => boolean) | undefined;
  exclude: ((relative: string) => boolean) | undefined;
}

/** picomatch is the matcher fast-glob and micromatch use, so globs mean what users know from them. */
function matcherOf(globs: string[]): (relative: string) => boolean {
  return picomatch()(globs, { dot: true });
}

type Target =
  | { kind: 'folder'; relative: string }
  | { kind: 'file'; relative: string; canonical: string }
  | { kind: 'outside-link'; relative: string }
  | { kind: 'special'; relative: string };

async function resolveRoot(root: string): Promise<string> {
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch (error) {
    throw toInputError(error, root);
  }
  if (!(await fs.stat(realRoot)).isDirectory()) throw new InputError(`scan root is not a folder: ${root}`);
  return realRoot;
}

/** Classifies one given path; folders are canonicalised to their real location under the root. */
async function resolveTarget(root: string, realRoot: string, given: string): Promise<Target> {
  const absolute = path.resolve(root, given);
  const isLexicallyInside = isInside(root, absolute);
  let real: string;
  try {
    real = await fs.realpath(absolute);
  } catch (error) {
    if (!isLexicallyInside) throw outsideRootError(given, root);
    throw toInputError(error, given);
  }
  const isReallyInside = isInside(realRoot, real);
  if (!isLexicallyInside && !isReallyInside) throw outsideRootError(given, root);
  const stat = await fs.stat(real);
  if (stat.isDirectory()) {
    if (!isReallyInside) throw outsideRootError(given, root, 'it is a symbolic link to a folder outside the root');
    return { kind: 'folder', relative: toRelative(realRoot, real) };
  }
  const relative = isLexicallyInside ? toRelative(root, absolute) : toRelative(realRoot, real);
  if (!stat.isFile() && isReallyInside) return { kind: 'special', relative };
  return isReallyInside ? { kind: 'file', relative, canonical: toRelative(realRoot, real) } : { kind: 'outside-link', relative };
}

function outsideRootError(given: string, root: string, why?: string): InputError {
  return new InputError(`path outside root: ${given}`, why ?? `paths must lie inside the scan root ${root}`);
}

function toInputError(error: unknown, given: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(`path not found: ${given}`);
  if (code === 'ELOOP') return new InputError(`symbolic link loop: ${given}`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`permission denied: ${given}`);
  return error;
}

/** `src` and `src/` also mean everything below `src`, as users expect from a folder name. */
function expandFolderGlobs(globs: string[]): string[] {
  return globs.flatMap((glob) => {
    const trimmed = glob.replace(/^\.\//, '').replace(/\/+$/, '');
    return trimmed.endsWith('/**') ? [trimmed] : [trimmed, `${trimmed}/**`];
  });
}

/** Drops folders inside another listed folder, so overlapping paths are walked once. */
function outermostFolders(folders: string[]): string[] {
  const sorted = [...new Set(folders)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const folder of sorted) {
    if (!kept.some((outer) => outer === '' || folder.startsWith(`${outer}/`))) kept.push(folder);
  }
  return kept;
}

interface WalkResult {
  /** Regular files that passed every filter, in path order. */
  files: string[];
  /** Symbolic links that passed every filter; their targets are not checked yet. */
  links: string[];
  /** FIFOs, sockets and devices with a source file's name (a secret manager's `.env` pipe). */
  special: string[];
  /** Folders that could not be listed, with the error code. */
  unreadable: { relative: string; code: string }[];
}

/** A folder being listed: its entries in path order, the next to judge, and the ignore rules in force in it. */
interface OpenFolder {
  relativePrefix: string;
  absolutePrefix: string;
  rules: FolderRules;
  entries: Dirent[];
  next: number;
}

/**
 * Lists `folders` and everything below them, in path order (each folder's entries sorted, a
 * subfolder's contents listed at its place). Each entry is judged by cheap tests of its name
 * first (default excludes, minified names, `accepts`), the user's globs next, and the ignore
 * rules last; a folder that is ignored is not entered, as git does not. Folders are listed
 * with blocking calls: source trees sit in the page cache, where a blocking readdir costs a
 * fraction of a thread-pool round trip, and the thread has nothing else to do.
 */
async function walkFolders(
  root: string,
  realRoot: string,
  folders: string[],
  accepts: (relative: string) => boolean,
  globs: UserGlobs,
  onListed?: (count: number) => void,
): Promise<WalkResult> {
  const result: WalkResult = { files: [], links: [], special: [], unreadable: [] };
  const ignoreFiles = new IgnoreFileReader();
  const rulesAbove = new RulesAbove(root, ignoreFiles, await loadRootRules(realRoot, ignoreFiles));
  /** Lists a folder that is not ignored, and adds its own `.gitignore` to `rules`. */
  const open = (relative: string, absolute: string, rules: FolderRules): OpenFolder | undefined => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      if (relative !== '') result.unreadable.push({ relative, code: (error as NodeJS.ErrnoException).code ?? 'unknown error' });
      return undefined;
    }
    // A .gitignore holds rules, never OpenAI usage; git reads only a regular file there.
    const hasGitignore = entries.some((entry) => entry.name === GITIGNORE && entry.isFile());
    return {
      relativePrefix: relative === '' ? '' : `${relative}/`,
      absolutePrefix: absolute.endsWith(path.sep) ? absolute : absolute + path.sep,
      rules: hasGitignore ? rules.withOwnFile(ignoreFiles.gitignoreIn(absolute)) : rules,
      entries: entries.sort(compareEntries),
      next: 0,
    };
  };

  for (const folder of sortByPath(folders, (relative) => `${relative}/`)) {
    if (folder.split('/').some((name) => EXCLUDED_FOLDER_NAMES.has(name))) continue;
    const rules = rulesAbove.before(folder);
    const top = rules && open(folder, folder === '' ? root : path.join(root, folder), rules);
    const stack = top ? [top] : [];
    while (stack.length > 0) {
      const current = stack[stack.length - 1]!;
      const entry = current.entries[current.next++];
      if (entry === undefined) {
        stack.pop();
        onListed?.(result.files.length);
        continue;
      }
      const name = entry.name;
      // Links are judged one by one later; never entering linked folders is what keeps the
      // walk inside the root and free of cycles.
      if (entry.isDirectory()) {
        if (EXCLUDED_FOLDER_NAMES.has(name)) continue;
        const relative = current.relativePrefix + name;
        if (globs.exclude?.(relative)) continue;
        const inside = current.rules.enter(name);
        const opened = inside && open(relative, current.absolutePrefix + name, inside);
        if (opened) stack.push(opened);
      } else if (name !== GITIGNORE && !MINIFIED_FILE_NAME.test(name)) {
        const relative = current.relativePrefix + name;
        if (!isWanted(relative, accepts, globs) || current.rules.isFileIgnored(name)) continue;
        if (entry.isFile()) result.files.push(relative);
        else if (entry.isSymbolicLink()) result.links.push(relative);
        else result.special.push(relative);
      }
    }
  }
  return result;
}

/** A folder sorts as its name followed by '/', so that listing entries in this order lists paths in order. */
function compareEntries(a: Dirent, b: Dirent): number {
  return compareUtf8(a.isDirectory() ? `${a.name}/` : a.name, b.isDirectory() ? `${b.name}/` : b.name);
}

/**
 * The ignore rules in force in the folders named for the walk, from the root's down through
 * the folders above them (whose `.gitignore` files count though they are not walked).
 */
class RulesAbove {
  /** Rules inside a folder above a named one, its own `.gitignore` included; undefined if ignored. */
  private readonly inside = new Map<string, FolderRules | undefined>();

  constructor(
    private readonly root: string,
    private readonly ignoreFiles: IgnoreFileReader,
    private readonly rootRules: FolderRules,
  ) {}

  /** The rules in force in `folder` before its own `.gitignore`; undefined when it is ignored. */
  before(folder: string): FolderRules | undefined {
    if (folder === '') return this.rootRules;
    const slash = folder.lastIndexOf('/');
    return this.within(slash === -1 ? '' : folder.slice(0, slash))?.enter(folder.slice(slash + 1));
  }

  private within(folder: string): FolderRules | undefined {
    if (!this.inside.has(folder)) this.inside.set(folder, this.before(folder)?.withOwnFile(this.ignoreFiles.gitignoreIn(path.join(this.root, folder))));
    return this.inside.get(folder);
  }
}

type LinkTarget =
  | { kind: 'file'; canonical: string }
  | { kind: 'folder' }
  | { kind: 'special' }
  | { kind: 'outside' }
  | { kind: 'broken'; code: string };

async function resolveLink(root: string, realRoot: string, relative: string): Promise<LinkTarget> {
  try {
    const real = await fs.realpath(path.join(root, relative));
    if (!isInside(realRoot, real)) return { kind: 'outside' };
    const stat = await fs.stat(real);
    if (stat.isFile()) return { kind: 'file', canonical: toRelative(realRoot, real) };
    return stat.isDirectory() ? { kind: 'folder' } : { kind: 'special' };
  } catch (error) {
    return { kind: 'broken', code: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
  }
}

function skipSpecial(relative: string): SkippedFile {
  return { file: relative, reason: 'unreadable', message: 'not a regular file' };
}

function skipOutsideRoot(relative: string): SkippedFile {
  return { file: relative, reason: 'symlink-outside-root', message: 'symbolic link to a file outside the scan root' };
}

/** Whether a file is one to scan by its path: a frontend reads it, and the user's globs keep it. */
function isWanted(relative: string, accepts: (relative: string) => boolean, globs: UserGlobs): boolean {
  return accepts(relative) && (globs.include === undefined || globs.include(relative)) && !globs.exclude?.(relative);
}

/**
 * Collects the listed files, one entry per real file. Walked regular files are unique already
 * (their relative path is their real path) and come sorted; links and named files are checked
 * against them, and the entry at the real path wins over a link to it.
 */
class FoundFiles {
  private readonly others = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly walked: string[],
  ) {}

  add(relative: string, canonical: string): void {
    const current = this.others.get(canonical);
    if (current === undefined || relative === canonical || (current !== canonical && relative < current)) {
      this.others.set(canonical, relative);
    }
  }

  /** Sorted by relative path in UTF-8 byte order. */
  list(): DiscoveredFile[] {
    let relatives = this.walked;
    if (this.others.size > 0) {
      const walked = new Set(this.walked);
      const others = [...this.others].filter(([canonical]) => !walked.has(canonical)).map(([, relative]) => relative);
      if (others.length > 0) relatives = sortByPath([...this.walked, ...others], (relative) => relative);
    }
    // Plain concatenation: `relative` is already normal, and path.join costs ten times as much.
    const prefix = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
    const toNative = path.sep === '/' ? (relative: string) => relative : (relative: string) => relative.replaceAll('/', path.sep);
    return relatives.map((relative) => ({ absolute: prefix + toNative(relative), relative }));
  }
}

function sortByPath<T>(items: T[], key: (item: T) => string): T[] {
  // The native string order is UTF-16's, which agrees with UTF-8's below U+D800.
  const isPlain = items.every((item) => !/[\uD800-\uFFFF]/.test(key(item)));
  return items.sort((a, b) => (isPlain ? compareStrings(key(a), key(b)) : compareUtf8(key(a), key(b))));
}


/**
 * Orders strings by their UTF-8 bytes, as `LC_ALL=C sort` does. UTF-16 order differs only
 * between surrogates (characters above U+FFFF) and U+E000–U+FFFF, so those are re-ranked.
 */
function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  let index = 0;
  // charCodeAt past the end is NaN, which equals nothing, so the loop stops there.
  while (a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return utf8Rank(a.charCodeAt(index)) - utf8Rank(b.charCodeAt(index));
}

function utf8Rank(unit: number): number {
  if (Number.isNaN(unit)) return -1;
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}
