// V8's code cache for the one large dependency whose compilation the user waits for on every
// run: the TypeScript compiler (9 MB of JavaScript). Compiling it takes about 100 ms of the
// 150 ms it costs to load; with the bytecode cached from an earlier run, loading takes a third.
// Node 22 offers this for every module (`module.enableCompileCache`); Node 20 does not, so the
// module is compiled here through `vm.Script`, which accepts and produces the cached data, and
// placed in the CommonJS module cache, where the ordinary `require` then finds it.
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { cacheFolder, readCacheFile, writeCacheFile } from './cache-folder.js';

/** Compiled copies of one module kept: other installs of the tool, other Node versions. Each is about 3 MB. */
const KEEP_COMPILED = 8;

/** Caches to write once the run has exercised the module, so its lazily compiled functions are included. */
const unsaved: { script: vm.Script; file: string; kind: string }[] = [];

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
    const source = readSource(filename);
    const kind = path.basename(filename, '.js');
    const file = path.join(folder, `${kind}-${cacheKey(filename)}.v8`);
    const cachedData = readCacheFile(file);
    const script = new vm.Script(Module.wrap(source), { filename, cachedData });
    const module = new Module(filename);
    module.filename = filename;
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
    module.loaded = true;
    require.cache[filename] = module;
    if (isMainThread && (cachedData === undefined || script.cachedDataRejected)) unsaved.push({ script, file, kind });
  } catch {
    // Compiled the ordinary way by the caller's `require`.
  }
}

/**
 * Writes the code caches missing or rejected at load. Call it after the module did its work:
 * the functions V8 compiled meanwhile are saved too, and the next run skips compiling them.
 */
export function saveCodeCaches(): void {
  for (const { script, file, kind } of unsaved.splice(0)) writeCacheFile(file, { kind, keep: KEEP_COMPILED }, script.createCachedData());
}

/**
 * The module's text. An ASCII file (the TypeScript compiler is one) is decoded as Latin-1,
 * which gives the same string several times faster than UTF-8 decoding.
 */
function readSource(filename: string): string {
  const bytes = readFileSync(filename);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
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
