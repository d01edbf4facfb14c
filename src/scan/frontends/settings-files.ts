import path from 'node:path';
import type { Frontend, FrontendDescriptor } from './types.js';

// Which files the settings-file and manifest frontends read. Their parsers (yaml, TypeScript's
// JSON parser) load only when such a file is a candidate.

/** Lock files list resolved packages, not settings: `package-lock.json`, `pnpm-lock.yaml`, `npm-shrinkwrap.json` … */
export function isLockFile(file: string): boolean {
  const base = path.posix.basename(file);
  return base === 'npm-shrinkwrap.json' || /(?:^|[-.])lock\.(?:json|ya?ml)$/.test(base);
}

/** `package.json`: OpenAI-related dependencies with their versions, plus what any JSON file holds. */
export const packageJsonDescriptor: FrontendDescriptor = {
  id: 'package-json',
  handles: (file) => path.posix.basename(file) === 'package.json',
  load: async () => (await import('./package-json.js')).packageJsonFrontend as Frontend,
};

/** JSON settings and data files (`.jsonl` batch inputs too); `package.json` has its own frontend, lock files are never read. */
export const jsonDescriptor: FrontendDescriptor = {
  id: 'json',
  handles: (file) => (file.toLowerCase().endsWith('.json') && !isLockFile(file)) || file.toLowerCase().endsWith('.jsonl'),
  load: async () => (await import('./json.js')).jsonFrontend as Frontend,
};

/** YAML settings: docker compose files, Kubernetes manifests, GitHub workflows, Helm values …; lock files are never read. */
export const yamlDescriptor: FrontendDescriptor = {
  id: 'yaml',
  handles: (file) => /\.ya?ml$/i.test(file) && !isLockFile(file),
  load: async () => (await import('./yaml.js')).yamlFrontend as Frontend,
};

export type ManifestKind = 'requirements' | 'pyproject' | 'pipfile' | 'setup-cfg';

export function manifestKind(file: string): ManifestKind | undefined {
  const base = path.posix.basename(file);
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'Pipfile') return 'pipfile';
  if (base === 'setup.cfg') return 'setup-cfg';
  if (/^requirements.*\.(?:txt|in)$/.test(base) || /(?:^|\/)requirements\/[^/]+\.(?:txt|in)$/.test(file)) return 'requirements';
  return undefined;
}

/** Python manifests: requirements files, pyproject.toml, Pipfile, setup.cfg. */
export const pythonManifestDescriptor: FrontendDescriptor = {
  id: 'python-manifest',
  handles: (file) => manifestKind(file) !== undefined,
  load: async () => (await import('./python-manifest.js')).pythonManifestFrontend as Frontend,
};

/** `.env`, `.env.example`, `.env.local` …, and `*.env` files (docker `env_file`). */
export const dotenvDescriptor: FrontendDescriptor = {
  id: 'dotenv',
  handles(file) {
    const base = path.posix.basename(file);
    return base === '.env' || base.startsWith('.env.') || base.endsWith('.env');
  },
  load: async () => (await import('./dotenv.js')).dotenvFrontend as Frontend,
};
