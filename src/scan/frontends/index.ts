import { componentDescriptor } from './components/descriptor.js';
import { dotenvDescriptor, jsonDescriptor, packageJsonDescriptor, pythonManifestDescriptor, yamlDescriptor } from './settings-files.js';
import { notebookDescriptor, pythonDescriptor } from './python/descriptor.js';
import type { Frontend, FrontendDescriptor } from './types.js';
import { typescriptDescriptor } from './typescript/descriptor.js';

/**
 * Every language frontend, by descriptor: which files it reads, and how to load it. The first
 * whose `handles` accepts a path scans it, so the order matters: `package.json` before other
 * JSON, and `.env.*` last (`.env.ts` is TypeScript).
 */
export const frontends: readonly FrontendDescriptor[] = [
  typescriptDescriptor,
  componentDescriptor,
  pythonDescriptor,
  notebookDescriptor,
  pythonManifestDescriptor,
  packageJsonDescriptor,
  jsonDescriptor,
  yamlDescriptor,
  dotenvDescriptor,
];

export function frontendFor(path: string): FrontendDescriptor | undefined {
  return frontends.find((frontend) => frontend.handles(path));
}

const loaded = new Map<string, Promise<Frontend>>();

/** The frontend's implementation, imported with its parser on first use and shared after. */
export function loadFrontend(descriptor: FrontendDescriptor): Promise<Frontend> {
  let frontend = loaded.get(descriptor.id);
  if (frontend === undefined) {
    frontend = descriptor.load();
    loaded.set(descriptor.id, frontend);
  }
  return frontend;
}

export function loadFrontendById(id: string): Promise<Frontend> {
  const descriptor = frontends.find((frontend) => frontend.id === id);
  if (descriptor === undefined) throw new Error(`unknown frontend ${id}`);
  return loadFrontend(descriptor);
}

/** Loads the frontends `paths` need, and returns the lookup from a path to its loaded frontend. */
export async function loadFrontendsFor(paths: Iterable<string>): Promise<(path: string) => Frontend | undefined> {
  const needed = new Set<FrontendDescriptor>();
  for (const path of paths) {
    const descriptor = frontendFor(path);
    if (descriptor) needed.add(descriptor);
  }
  const implementations = new Map(await Promise.all([...needed].map(async (descriptor) => [descriptor, await loadFrontend(descriptor)] as const)));
  return (path) => {
    const descriptor = frontendFor(path);
    return descriptor && implementations.get(descriptor);
  };
}
