// Preloaded with `node --import` by test/scan/lazy-load.test.ts: appends every module the
// process loads to the file named by MODULE_TRACE_FILE, ES modules as they are resolved and
// CommonJS ones (from the module cache) when the thread exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.MODULE_TRACE_FILE;
if (file) {
  register('./module-trace-hook.mjs', import.meta.url, { data: { file } });
  const { cache } = createRequire(import.meta.url);
  process.on('exit', () => appendFileSync(file, Object.keys(cache).map((entry) => `${entry}\n`).join('')));
}
