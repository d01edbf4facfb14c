import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

let loaded: typeof Picomatch | undefined;

/**
 * The picomatch glob library (the matcher fast-glob and micromatch use), loaded on first use:
 * most runs are given no glob, and every command's start-up would otherwise pay for it.
 */
export function picomatch(): typeof Picomatch {
  loaded ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch;
  return loaded;
}
