import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside, toRelative } from '../core/paths.js';

/** The configuration file's name, looked for in the root and the folders above it. */
export const CONFIG_FILE_NAME = 'migrate-openai.config.json';
/** The JSON schema of the file, in the package; generated from `configSchema`. */
export const SCHEMA_FILE = 'schema/migrate-openai.config.schema.json';
/** How a project's configuration file refers to the schema of the installed package. */
export const SCHEMA_REFERENCE = `./node_modules/migrate-openai/${SCHEMA_FILE}`;

/**
 * The `$schema` for a configuration file in `dir`: the project's installed package when it
 * has one (a path that works on every machine), else the schema of the running copy (a clone,
 * a global install or npx's cache), relative to `dir`.
 */
export function schemaReferenceFor(dir: string): string {
  if (existsSync(path.join(dir, SCHEMA_REFERENCE))) return SCHEMA_REFERENCE;
  const own = fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url));
  const relative = path.relative(dir, own).split(path.sep).join('/');
  return relative.startsWith('.') || path.isAbsolute(relative) ? relative : `./${relative}`;
}

/**
 * Globs that keep the tool's own configuration out of a scan (its model ids are settings, not
 * uses, and must never be rewritten): every file of the default name, and the `--config` file.
 */
export function configExcludes(root: string, configFile: string | undefined, cwd: string): string[] {
  const globs = [`**/${CONFIG_FILE_NAME}`];
  if (configFile === undefined) return globs;
  const absolute = path.resolve(cwd, configFile);
  if (isInside(root, absolute)) globs.push(toRelative(root, absolute));
  return globs;
}
