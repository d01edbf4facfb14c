import { dotenvFrontend } from './dotenv.js';
import { jsonFrontend } from './json.js';
import { packageJsonFrontend } from './package-json.js';
import type { Frontend } from './types.js';
import { pythonFrontend } from './python/index.js';
import { pythonManifestFrontend } from './python-manifest.js';
import { typescriptFrontend } from './typescript/index.js';
import { yamlFrontend } from './yaml.js';

/**
 * Every language frontend. The first whose `handles` accepts a path scans it, so the order
 * matters: `package.json` before other JSON, and `.env.*` last (`.env.ts` is TypeScript).
 */
export const frontends: readonly Frontend[] = [
  typescriptFrontend as Frontend,
  pythonFrontend as Frontend,
  pythonManifestFrontend as Frontend,
  packageJsonFrontend as Frontend,
  jsonFrontend as Frontend,
  yamlFrontend as Frontend,
  dotenvFrontend as Frontend,
];

export function frontendFor(path: string): Frontend | undefined {
  return frontends.find((frontend) => frontend.handles(path));
}
