// V8's code cache for the one large dependency whose compilation the user waits for on every
// run: the TypeScript compiler (9 MB of JavaScript). Compiling it takes about 100 ms of the
// 150 ms it costs to load; with the bytecode cached from an earlier run, loading takes a third.
// Node 22 offers this for every module (`module.enableCompileCache`); Node 20 does not, so the
// module is compiled here through `vm.Script`, which accepts and produces the cached data, and
// placed in the CommonJS module cache, where the ordinary `require` then finds it.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, constants } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** Caches to write once the run has exercised the module, so its lazily compiled functions are included. */
const unsaved: { script: vm.Script; file: string }[] = [];

/**
 * Loads the CommonJS module `specifier` (resolved from `parentUrl`) into the module cache,
 * compiled with the bytecode an earlier run left in the cache folder. A later `require` of the
 * same module returns it. Anything that goes wrong only means the module is compiled as usual.
 */
export function preloadWithCodeCache(specifier: string, parentUrl: string): void {
  const require = createRequire(parentUrl);
  let filename: string;
  try {
    filename = require.resolve(specifier);
  } catch {
    return;
  }
  if (require.cache[filename] !== undefined) return;
  const folder = cacheFolder();
  if (folder === undefined) return;
  try {
    const source = readFileSync(filename, 'utf8');
    const file = path.join(folder, `${path.basename(filename, '.js')}-${cacheKey(filename)}.v8`);
    const cachedData = readOwnFile(file);
    const script = new vm.Script(Module.wrap(source), { filename, cachedData });
    const module = new Module(filename);
    module.filename = filename;
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
    module.loaded = true;
    require.cache[filename] = module;
    if (isMainThread && (cachedData === undefined || script.cachedDataRejected)) unsaved.push({ script, file });
  } catch {
    // Compiled the ordinary way by the caller's `require`.
  }
}

/**
 * Writes the code caches missing or rejected at load. Call it after the module did its work:
 * the functions V8 compiled meanwhile are saved too, and the next run skips compiling them.
 */
export function saveCodeCaches(): void {
  for (const { script, file } of unsaved.splice(0)) {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData(), { flag: 'wx', mode: 0o600 });
      renameSync(temporary, file);
    } catch {
      try {
        unlinkSync(temporary);
      } catch {
        // Never created.
      }
    }
  }
}

/**
 * The per-user cache folder: MIGRATE_OPENAI_CACHE_DIR, else the platform's cache location.
 * MIGRATE_OPENAI_NO_CACHE=1 turns the cache off. A folder another user could write to is not
 * used: the cache holds code this process runs.
 */
function cacheFolder(): string | undefined {
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

/** The cached data, if the file is a regular file of this user's; never through a symbolic link. */
function readOwnFile(file: string): Buffer | undefined {
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
 * Names the cache after the module file and the V8 that compiled it. V8 itself rejects data made
 * by another version or for another source; the name keeps the caches of different installs
 * side by side instead of each overwriting the other's on every run.
 */
function cacheKey(filename: string): string {
  const { size, mtimeMs } = statSync(filename);
  return createHash('sha256').update([process.versions.v8, process.arch, filename, size, mtimeMs].join('\0')).digest('hex').slice(0, 16);
}
