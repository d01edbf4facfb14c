import { compareStrings } from '../core/compare.js';
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { InputError } from '../core/errors.js';
import { isInside, toRelative } from '../core/paths.js';
import type { SkippedFile } from '../core/types.js';
import { ancestorsOf, GITIGNORE, loadGitignoreRules, parentOf } from './gitignore.js';

export interface DiscoverOptions {
  /** Absolute scan root. Nothing outside it is listed, and no symlink leaving it is followed. */
  root: string;
  /** Absolute files or folders inside `root` (a relative one is taken from the root); `[]` means `[root]`. */
  paths: string[];
  /** fast-glob patterns of the file names the frontends handle, applied within each folder walked. */
  patterns: string[];
  /** User globs relative to the root; when given, only matching files are kept. `src` means `src/**` too. */
  include?: string[];
  /** User globs relative to the root; matching files are dropped. `legacy` means `legacy/**` too. */
  exclude?: string[];
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

/** Minified and bundled scripts: generated, huge, and never the place to migrate by hand. */
export const MINIFIED_FILE_GLOB = '**/*@(.min|-min|.bundle).@(js|mjs|cjs)';

// Extglob alternatives compile to one regex each (fast-glob expands braces into one per
// alternative), and the trailing `/**` lets fast-glob prune the folders instead of filtering
// every file below them.
const DEFAULT_IGNORE = [`**/@(${DEFAULT_EXCLUDED_FOLDERS.join('|')})/**`, MINIFIED_FILE_GLOB];

/**
 * Lists the files under `paths` that match `patterns`, honouring the default excludes,
 * `.gitignore` files (nested ones, those of parent folders up to the enclosing git repository,
 * and its `info/exclude`) and the user's include/exclude globs.
 *
 * A file named explicitly in `paths` is listed even if a `.gitignore` or a default exclude
 * covers it (as linters do); it must still match `patterns` and the user's include/exclude.
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
    include: options.include?.length ? expandFolderGlobs(options.include) : undefined,
    exclude: expandFolderGlobs(options.exclude ?? []),
  };
  const folders = outermostFolders(targets.flatMap((target) => (target.kind === 'folder' ? [target.relative] : [])));
  const walked = folders.length > 0 ? await walkFolders(root, realRoot, folders, options.patterns, globs) : undefined;
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
  const wanted = await Promise.all(named.map((target) => isNamedFileWanted(root, target.relative, options.patterns, globs)));
  for (const [index, target] of named.entries()) {
    if (!wanted[index]) continue;
    if (target.kind === 'outside-link') skipped.push(skipOutsideRoot(target.relative));
    else if (target.kind === 'special') skipped.push(skipSpecial(target.relative));
    else found.add(target.relative, target.canonical);
  }

  const uniqueSkipped = [...new Map(skipped.map((entry) => [entry.file, entry])).values()];
  return { files: sortByPath(found.list(), (file) => file.relative), skipped: sortByPath(uniqueSkipped, (entry) => entry.file) };
}

interface UserGlobs {
  include: string[] | undefined;
  exclude: string[];
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
  /** Regular files that passed every filter. */
  files: string[];
  /** Symbolic links that passed every filter; their targets are not checked yet. */
  links: string[];
  /** FIFOs, sockets and devices with a source file's name (a secret manager's `.env` pipe). */
  special: string[];
  /** Folders that could not be listed, with the error code. */
  unreadable: { relative: string; code: string }[];
}

async function walkFolders(
  root: string,
  realRoot: string,
  folders: string[],
  patterns: string[],
  globs: UserGlobs,
): Promise<WalkResult> {
  // fast-glob passes over a folder it cannot list (suppressErrors); this notes which ones.
  const failed = new Map<string, string>();
  const noteFailedReaddir = ((folder: string, options: { withFileTypes: true }) => {
    try {
      return readdirSync(folder, options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A glob's base folder that does not exist (`--include docs/**` without docs) holds nothing to miss.
      if (code !== 'ENOENT') failed.set(folder, code ?? 'unknown error');
      throw error;
    }
  }) as typeof readdirSync;
  const walkOptions = {
    cwd: root,
    fs: { readdirSync: noteFailedReaddir },
    ignore: [...DEFAULT_IGNORE, ...globs.exclude],
    dot: true,
    // Links are reported as entries and judged one by one; never entering linked folders is
    // what keeps the walk inside the root and free of cycles.
    followSymbolicLinks: false,
    onlyFiles: false,
    suppressErrors: true,
  } satisfies fg.Options;
  // The .gitignore files come from the same walk: fast-glob groups patterns by base folder.
  // The synchronous walk: source trees sit in the page cache, where a blocking readdir costs a
  // fraction of the thread-pool round trip, and the thread has nothing else to do meanwhile.
  const walkPatterns = folders.flatMap((folder) => [...patterns, `**/${GITIGNORE}`].map((pattern) => inFolder(folder, pattern)));
  const entries = fg.sync(walkPatterns, { ...walkOptions, objectMode: true });
  const included = globs.include ? new Set(fg.sync(globs.include, walkOptions)) : undefined;

  const gitignoreFolders = new Set(folders.flatMap(ancestorsOf));
  for (const entry of entries) {
    if (entry.name === GITIGNORE && entry.dirent.isFile()) gitignoreFolders.add(parentOf(entry.path));
  }
  const rules = await loadGitignoreRules(root, realRoot, [...gitignoreFolders]);

  const unreadable = [...failed]
    .map(([folder, code]) => ({ relative: toRelative(root, path.resolve(root, folder)), code }))
    .filter(({ relative }) => relative !== '' && !rules.isFolderIgnored(relative));
  const result: WalkResult = { files: [], links: [], special: [], unreadable };
  for (const { name, path: relative, dirent } of entries) {
    // A .gitignore holds rules, never OpenAI usage.
    if (name === GITIGNORE) continue;
    if (included && !included.has(relative)) continue;
    if (rules.isIgnored(relative)) continue;
    if (dirent.isFile()) result.files.push(relative);
    else if (dirent.isSymbolicLink()) result.links.push(relative);
    else if (!dirent.isDirectory()) result.special.push(relative);
  }
  return result;
}

function inFolder(folder: string, pattern: string): string {
  const local = pattern.replace(/^\.\//, '');
  return folder === '' ? local : `${fg.escapePath(folder)}/${local}`;
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

/** Checks a named file the way a walk would have: patterns within its folder, then include/exclude. */
async function isNamedFileWanted(root: string, relative: string, patterns: string[], globs: UserGlobs): Promise<boolean> {
  const absolute = path.join(root, relative);
  if (!(await matchesAnyGlob(path.dirname(absolute), path.basename(absolute), patterns))) return false;
  if (globs.include && !(await matchesAnyGlob(root, relative, globs.include))) return false;
  return !(await matchesAnyGlob(root, relative, globs.exclude));
}

/**
 * Whether an existing path matches one of `globs`, decided by fast-glob itself: the path is
 * globbed as a static pattern with `globs` as the ignore list, which costs one stat. A named
 * file is thus judged in exactly the glob dialect a walked file is.
 */
async function matchesAnyGlob(cwd: string, relative: string, globs: string[]): Promise<boolean> {
  if (globs.length === 0) return false;
  const kept = await fg(fg.escapePath(relative), {
    cwd,
    ignore: globs,
    dot: true,
    followSymbolicLinks: false,
    onlyFiles: false,
    suppressErrors: true,
  });
  return kept.length === 0;
}

/**
 * Collects the listed files, one entry per real file. Walked regular files are unique already
 * (their relative path is their real path); links and named files are checked against them,
 * and the entry at the real path wins over a link to it.
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

  list(): DiscoveredFile[] {
    let relatives = this.walked;
    if (this.others.size > 0) {
      const walked = new Set(this.walked);
      const others = [...this.others].filter(([canonical]) => !walked.has(canonical)).map(([, relative]) => relative);
      relatives = [...this.walked, ...others];
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
