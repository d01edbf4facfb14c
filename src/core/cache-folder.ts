// The per-user folder where runs leave what makes the next run faster: compiled code and the
// results of unchanged files. Nothing in it changes what a run finds; a file that is missing,
// damaged or another user's is passed over as if absent.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HOUR_MS = 60 * 60 * 1000;
/** Older files are removed whatever their number. */
const MAX_AGE_MS = 30 * 24 * HOUR_MS;
/** A temporary file this old was left by a run that was stopped while writing. */
const ABANDONED_MS = HOUR_MS;
/** How stale a file's time may get before a run that used it, without changing it, renews it. */
const RENEW_MS = 24 * HOUR_MS;

/**
 * The per-user cache folder, created if missing: MIGRATE_OPENAI_CACHE_DIR, else the platform's
 * cache location; undefined when MIGRATE_OPENAI_NO_CACHE=1 turns caching off or the folder
 * cannot be used. A folder another user could write to is never used: it holds code this
 * process runs.
 */
export function cacheFolder(): string | undefined {
  if (process.env.MIGRATE_OPENAI_NO_CACHE === '1') return undefined;
  const folder = process.env.MIGRATE_OPENAI_CACHE_DIR || defaultCacheFolder();
  if (folder === undefined) return undefined;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return isPrivate(statSync(folder)) ? folder : undefined;
  } catch {
    return undefined;
  }
}

function defaultCacheFolder(): string | undefined {
  const home = os.homedir();
  if (process.platform === 'win32') {
    const local = process.env.LOCALAPPDATA;
    return local ? path.join(local, 'migrate-openai', 'Cache') : undefined;
  }
  if (process.platform === 'darwin') return home ? path.join(home, 'Library', 'Caches', 'migrate-openai') : undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'migrate-openai');
  return home ? path.join(home, '.cache', 'migrate-openai') : undefined;
}

/** Owned by this user and writable by no one else (always true where there are no POSIX owners). */
function isPrivate(stat: { uid: number; mode: number }): boolean {
  if (typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/** The file's bytes, if it is a regular file of this user's; never through a symbolic link. */
export function readCacheFile(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stat = fstatSync(fd);
    return stat.isFile() && isPrivate(stat) ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `file` whole or not at all (a temporary file renamed over it), readable by this user
 * only, then removes the oldest files of its kind: the files named `<kind>-…` beyond the
 * newest `keep` (this one included), and any older than a month. A run that cannot write its
 * cache loses nothing.
 */
export function writeCacheFile(file: string, { kind, keep }: { kind: string; keep: number }, data: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { flag: 'wx', mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    removeQuietly(temporary);
    return;
  }
  pruneKind(path.dirname(file), kind, path.basename(file), keep);
}

/**
 * Renews the time of a cache file a run used without rewriting it, at most once a day, so that
 * pruning goes by last use.
 */
export function markCacheFileUsed(file: string): void {
  try {
    const now = Date.now();
    if (now - statSync(file).mtimeMs < RENEW_MS) return;
    utimesSync(file, now / 1000, now / 1000);
  } catch {
    // Gone or not ours to touch: nothing depends on it.
  }
}

function pruneKind(folder: string, kind: string, kept: string, keep: number): void {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.startsWith(`${kind}-`) && name !== kept);
  } catch {
    return;
  }
  const now = Date.now();
  const files = names.flatMap((name) => {
    try {
      return [{ name, mtimeMs: statSync(path.join(folder, name)).mtimeMs }];
    } catch {
      return [];
    }
  });
  const [abandoned, complete] = [files.filter(({ name }) => name.endsWith('.tmp')), files.filter(({ name }) => !name.endsWith('.tmp'))];
  for (const { name, mtimeMs } of abandoned) if (now - mtimeMs > ABANDONED_MS) removeQuietly(path.join(folder, name));
  complete.sort((a, b) => b.mtimeMs - a.mtimeMs);
  complete.forEach(({ name, mtimeMs }, index) => {
    if (index >= keep - 1 || now - mtimeMs > MAX_AGE_MS) removeQuietly(path.join(folder, name));
  });
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or never created.
  }
}
