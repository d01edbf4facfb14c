import path from 'node:path';

/** The configuration file's name, looked for in the root and the folders above it. */
export const CONFIG_FILE_NAME = 'migrate-openai.config.json';
/** The JSON schema of the file, in the package; generated from `configSchema`. */
export const SCHEMA_FILE = 'schema/migrate-openai.config.schema.json';
/** How a project's configuration file refers to the schema of the installed package. */
export const SCHEMA_REFERENCE = `./node_modules/migrate-openai/${SCHEMA_FILE}`;

/**
 * Globs that keep the tool's own configuration out of a scan (its model ids are settings, not
 * uses, and must never be rewritten): every file of the default name, and the `--config` file.
 */
export function configExcludes(root: string, configFile: string | undefined, cwd: string): string[] {
  const globs = [`**/${CONFIG_FILE_NAME}`];
  if (configFile === undefined) return globs;
  const relative = path.relative(root, path.resolve(cwd, configFile));
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) globs.push(relative.split(path.sep).join('/'));
  return globs;
}
