import { existsSync } from 'node:fs';
import { readRegularFile } from '../core/read-regular.js';
import path from 'node:path';
import { redactSecrets } from '../core/redact.js';
import { ConfigError } from '../core/errors.js';
import { isInside } from '../core/paths.js';
import { describeUnsafeCharacter, findUnsafeStrings } from '../core/values.js';
import { CONFIG_FILE_NAME } from './files.js';
import type { ConfigFile } from './schema.js';

export interface LoadedConfig {
  config: ConfigFile;
  /** The file as the user would name it (relative to the working folder); absent without a file. */
  file?: string;
}

export interface LoadConfigOptions {
  cwd: string;
  /** The scan root: the file is looked for there and in each folder up to `cwd`. */
  root?: string;
  /** `--config <file>`, relative to `cwd`; it must exist. */
  file?: string;
}

/**
 * Reads and validates the configuration file. Nothing in it is executed: it is JSON, checked
 * against `configSchema`. Every problem is reported, one line each, as a ConfigError (exit 2).
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const absolute = options.file !== undefined ? path.resolve(options.cwd, options.file) : findConfigFile(options.cwd, options.root ?? options.cwd);
  if (absolute === undefined) return { config: {} };
  const file = displayPath(options.cwd, absolute);
  let text: string;
  try {
    text = await readRegularFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`configuration file not found: ${file}`, `create one with \`migrate-openai init\``);
    if (code === 'ENOTREG') throw new ConfigError(`cannot read ${file}: not a regular file`);
    throw new ConfigError(`cannot read ${file}: ${code ?? String(error)}`);
  }
  return { config: await parseConfig(text, file), file };
}

/** Parses and validates the text of a configuration file; `file` names it in messages. */
export async function parseConfig(text: string, file: string): Promise<ConfigFile> {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw jsonSyntaxError(json, file, error as SyntaxError);
  }
  const [{ configSchema }, { expectedMessage, formatIssues, formatPath }] = await Promise.all([import('./schema.js'), import('./issues.js')]);
  const unsafe = findUnsafeStrings(data);
  if (unsafe.length > 0) {
    throw new ConfigError(unsafe.map(({ path, code }) => `${file}: ${path.length > 0 ? `${formatPath(path)}: ` : ''}${describeUnsafeCharacter(code)}`).join('\n'));
  }
  const result = configSchema.safeParse(data, { reportInput: true, error: expectedMessage });
  if (result.success) return result.data;
  // One problem per line; `main` prefixes each with "error: ".
  throw new ConfigError(formatIssues(result.error.issues).map((line) => `${file}: ${line}`).join('\n'));
}

/** The scan root, then each folder above it up to the working folder: the first file found. */
export function findConfigFile(cwd: string, root: string): string | undefined {
  let dir = path.resolve(root);
  const stop = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dir === stop || !isInside(stop, dir)) return undefined;
    dir = path.dirname(dir);
  }
}

function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return isInside(cwd, absolute) ? relative.split(path.sep).join('/') : absolute;
}

/** `file:line:column: invalid JSON: …`, from the position V8 puts in its message. */
function jsonSyntaxError(text: string, file: string, error: SyntaxError): ConfigError {
  // V8 quotes a few characters of the text; they may be part of a key, so they are dropped.
  const reason = redactSecrets(error.message.replace(/\s*in JSON at position \d+.*$/, '').replace(/,\s*(?:\.\.\.)?".*$/s, ''));
  const position = /position (\d+)/.exec(error.message);
  if (position === null) return new ConfigError(`${file}: invalid JSON: ${reason}`);
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  let hint: string | undefined;
  if (text.startsWith('//', offset) || text.startsWith('/*', offset)) hint = 'JSON cannot hold comments: put a note in a "$comment" field instead';
  else if (before.trimEnd().endsWith(',')) hint = 'JSON allows no comma after the last item';
  return new ConfigError(`${file}:${line}:${column}: invalid JSON: ${reason}`, hint);
}
