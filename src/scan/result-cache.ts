// What the frontends made of each candidate file in an earlier run of the same build on the same
// root, so that a file that has not changed is not parsed again: `scan`, `plan`, `apply` and
// `report` in a row parse the tree once, and a run that meets only known files never loads a
// parser. A file's result depends on its path and text alone (frontends are pure), so the entry
// is used only when both match; the link step, which joins files, runs every time.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheFolder, markCacheFileUsed, readCacheFile, writeCacheFile } from '../core/cache-folder.js';
import { redactSecrets } from '../core/redact.js';
import type { FileScan } from './frontends/types.js';
import type { ParseTask } from './parse-pool.js';

const KIND = 'scan';
/**
 * Larger files (notebooks with big outputs) are parsed every time: checking their whole text
 * for secrets would cost more than the parse it saves.
 */
const MAX_KEPT_CHARS = 1_000_000;
/** Roots whose results are kept (a file each, a few KB per candidate): the projects, and the folders in them, scanned last. */
const KEEP_ROOTS = 32;
const FORMAT = 1;

// Written beside the built modules by the build; absent when running from the sources (the tests).
const BUILD_ID_URL = new URL('../build-id.json', import.meta.url);

/** One file's result, serialized when it was produced, so later changes to the findings never reach it. */
export interface CacheEntry {
  frontend: string;
  digest: string;
  result: Uint8Array;
}

/** A cache file's content (`node:v8` serialized). */
export interface StoredCache {
  format: number;
  build: string;
  entries: [string, CacheEntry][];
}

export class ResultCache {
  private readonly seen = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly build: string,
    private readonly root: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /** The cache of `root` for this build; undefined when caching is off or impossible. */
  static open(root: string): ResultCache | undefined {
    const folder = cacheFolder();
    const build = buildId();
    if (folder === undefined || build === undefined) return undefined;
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      return undefined;
    }
    const name = createHash('sha256').update(`${build}\0${parserVersions()}\0${realRoot}`).digest('hex').slice(0, 16);
    const file = path.join(folder, `${KIND}-${name}.bin`);
    return new ResultCache(file, build, realRoot, loadEntries(file, build));
  }

  /** The stored result of the task's file, if its frontend and text are the ones it was made from. */
  find(task: ParseTask): FileScan<unknown> | undefined {
    const entry = this.entries.get(task.file.path);
    if (entry === undefined || entry.frontend !== task.frontend || entry.digest !== digestOf(task.file.text)) return undefined;
    try {
      const result = deserialize(entry.result) as FileScan<unknown>;
      this.seen.add(task.file.path);
      return result;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores a fresh result. Not kept: a file over a million characters, an analysis that failed
   * (it may depend on the stack size), and a file that holds a secret the scan recognises,
   * either as a key the frontend found or as text the redaction would hide, so that such a key
   * is not copied into the cache.
   */
  keep(task: ParseTask, result: FileScan<unknown>): void {
    this.seen.add(task.file.path);
    // What an earlier text of the file left is of no use any more.
    if (this.entries.delete(task.file.path)) this.changed = true;
    if (task.file.text.length > MAX_KEPT_CHARS) return;
    if (!result.ok && result.reason === 'analysis-failed') return;
    if (result.ok && result.findings.some((finding) => finding.kind === 'api-key')) return;
    if (redactSecrets(task.file.text) !== task.file.text) return;
    this.entries.set(task.file.path, { frontend: task.frontend, digest: digestOf(task.file.text), result: serialize(result) });
    this.changed = true;
  }

  /**
   * Writes the cache if it changed, first forgetting the files that are gone (a run over part of
   * the root, or one that filters files out, does not meet the rest, which is kept). A cache in
   * use but unchanged is marked as used, so that pruning takes the least recently used first.
   */
  save(): void {
    for (const file of this.entries.keys()) {
      if (this.seen.has(file) || existsSync(path.join(this.root, file))) continue;
      this.entries.delete(file);
      this.changed = true;
    }
    if (!this.changed) {
      if (this.entries.size > 0) markCacheFileUsed(this.file);
      return;
    }
    this.changed = false;
    const stored: StoredCache = { format: FORMAT, build: this.build, entries: [...this.entries] };
    writeCacheFile(this.file, { kind: KIND, keep: KEEP_ROOTS }, serialize(stored));
  }
}

function loadEntries(file: string, build: string): Map<string, CacheEntry> {
  const bytes = readCacheFile(file);
  if (bytes === undefined) return new Map();
  try {
    const stored = deserialize(bytes) as Partial<StoredCache>;
    if (stored.format === FORMAT && stored.build === build && Array.isArray(stored.entries)) return new Map(stored.entries);
  } catch {
    // Damaged: started afresh, and replaced when the run saves.
  }
  return new Map();
}

function buildId(): string | undefined {
  try {
    const { id } = JSON.parse(readFileSync(BUILD_ID_URL, 'utf8')) as { id?: unknown };
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The parsers this build finds installed: a range in their dependencies (or an override) may
 * change them under the same build. Each is resolved from the package that uses it.
 */
const PARSER_PACKAGES: readonly { name: string; from?: string }[] = [
  { name: 'typescript' },
  { name: '@lezer/python' },
  { name: '@lezer/common' },
  { name: '@lezer/lr', from: '@lezer/python' },
];

function parserVersions(): string {
  const ours = createRequire(import.meta.url);
  return PARSER_PACKAGES.map(({ name, from }) => {
    try {
      const require = from === undefined ? ours : createRequire(ours.resolve(from));
      return `${name}@${installedVersion(path.dirname(require.resolve(name)))}`;
    } catch {
      return `${name}@missing`;
    }
  }).join(' ');
}

/** The version in the nearest package.json at or above `folder` (a package's entry may sit in a subfolder). */
function installedVersion(folder: string): string {
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      const { version } = JSON.parse(readFileSync(path.join(current, 'package.json'), 'utf8')) as { version?: unknown };
      if (typeof version === 'string') return version;
    } catch {
      // No package.json here: look further up.
    }
    if (path.dirname(current) === current) return 'unknown';
  }
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
