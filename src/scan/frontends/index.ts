import type { Frontend } from './types.js';
import { typescriptFrontend } from './typescript/index.js';

/** Every language frontend. The first whose `handles` accepts a path scans it. */
export const frontends: readonly Frontend[] = [typescriptFrontend as Frontend];

export function frontendFor(path: string): Frontend | undefined {
  return frontends.find((frontend) => frontend.handles(path));
}
