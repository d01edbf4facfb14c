import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { InputError, UsageError } from '../core/errors.js';
import { checkGlob } from '../core/globs.js';
import { isInside } from '../core/paths.js';
import { checkHttpUrl, checkModelId, checkModelPattern } from '../core/values.js';
import { CONFIG_FILE_NAME } from '../config/files.js';
import { providers } from '../providers/index.js';

export interface PathOptions {
  root?: string;
  include?: string[];
  exclude?: string[];
  /** False with `--no-cache`. */
  cache?: boolean;
}

/** Repeated flags: `--model a=b --model c=d`. */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Repeated glob flags (`--include 'src/**' --include 'lib/**'`), each refused if the glob is malformed. */
function collectGlob(value: string, previous: string[] | undefined): string[] {
  const problem = checkGlob(value);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return collect(value, previous);
}

export const includeOption = () => new Option('--include <glob>', 'only scan files matching this glob (repeatable)').argParser(collectGlob);
export const excludeOption = () => new Option('--exclude <glob>', 'skip files matching this glob (repeatable)').argParser(collectGlob);
export const noCacheOption = () => new Option('--no-cache', 'parse every file afresh: neither use nor update the results kept from earlier runs');
export const rootOption = () =>
  new Option('--root <dir>', 'root that output paths are relative to (default: the one folder given, else the current folder)');

/**
 * The root is the folder output paths are relative to and writes stay inside: `--root`, else
 * the single folder given, else the current folder. Every path must exist and lie inside it.
 */
export function resolveTargets(cwd: string, paths: string[], rootFlag: string | undefined): { root: string; paths: string[] } {
  const given = paths.length > 0 ? paths : ['.'];
  const absolute = given.map((p) => path.resolve(cwd, p));
  absolute.forEach((p, i) => {
    try {
      statSync(p);
    } catch {
      // As typed: relative to the working folder, `/does/not/exist` would read `../../does/not/exist`.
      throw new InputError(`path not found: ${given[i]}`);
    }
  });
  let root: string;
  if (rootFlag !== undefined) root = resolveRootFlag(cwd, rootFlag);
  else if (absolute.length === 1 && statSync(absolute[0]!).isDirectory()) root = absolute[0]!;
  else root = cwd;
  for (const p of absolute) {
    if (!isInside(root, p)) throw new InputError(`path is outside the root ${root}: ${p}`, 'pass --root with a folder that contains every path');
  }
  return { root, paths: absolute };
}

/** `--root`: an existing folder (through symlinks), else one line saying what it is instead. */
function resolveRootFlag(cwd: string, rootFlag: string): string {
  const root = path.resolve(cwd, rootFlag);
  let stats: Stats;
  try {
    stats = statSync(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`--root expects a folder, but ${rootFlag} ${code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : `cannot be read (${code ?? 'unknown error'})`}`);
  }
  if (!stats.isDirectory()) throw new InputError(`--root expects a folder, but ${rootFlag} is ${describeFileType(stats)}`, 'pass the folder that holds the paths, e.g. --root .');
  return root;
}

function describeFileType(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * A flag that takes one value: given twice with different values (`--to a --to b`), it is an
 * error instead of the last one silently winning.
 */
export function once(parse: (value: string) => string = (value) => value) {
  return (value: string, previous: string | undefined): string => {
    const parsed = parse(value);
    if (previous !== undefined && previous !== parsed) throw new InvalidArgumentError(`given twice with different values ("${previous}" and "${parsed}")`);
    return parsed;
  };
}

export const toOption = (canBeCustom = true) =>
  new Option('--to <provider>', `target provider (${providerIds().join(', ')}${canBeCustom ? ', or a custom one from the config file' : ''})`).argParser(once());
export const regionOption = () => new Option('--region <region>', "the provider's region or API variant (see `providers <id>`)").argParser(once());
export const baseUrlOption = () => new Option('--base-url <url>', "use this base URL instead of the region's").argParser(once(parseBaseUrl));
export const configOption = () =>
  new Option('--config <file>', `the configuration file (default: ${CONFIG_FILE_NAME} in the root or a folder above it)`).argParser(once());
export const outOption = (what: string) => new Option('--out <file>', `write the ${what} to a file instead of standard output`).argParser(once());
export const modelOption = () =>
  new Option('--model <openai=target>', 'map one model id, e.g. --model gpt-4o=glm-4.6 (repeatable)').argParser(collect);

function providerIds(): string[] {
  return providers.map((provider) => provider.id);
}

/** `['gpt-4o=glm-4.6']` → `{ 'gpt-4o': 'glm-4.6' }`. */
export function parseModelOverrides(values: string[] | undefined): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const value of values ?? []) {
    const match = /^([^=]+)=([^=]+)$/.exec(value);
    if (match === null) throw new UsageError(`invalid --model "${value}"`, 'expected <openai-id>=<target-id>, e.g. --model gpt-4o=glm-4.6');
    const [, from, to] = match as unknown as [string, string, string];
    const problem = checkModelPattern(from) ?? checkModelId(to);
    if (problem !== undefined) throw new UsageError(`invalid --model "${value}": expected ${checkModelPattern(from) === undefined ? 'the target id to be ' : ''}${problem}`);
    if (Object.hasOwn(overrides, from) && overrides[from] !== to) throw new UsageError(`--model ${from} is given twice, as ${overrides[from]} and as ${to}`);
    overrides[from] = to;
  }
  return overrides;
}

/** `--base-url`: an http(s) URL that is safe to write into source. */
function parseBaseUrl(value: string): string {
  const problem = checkHttpUrl(value);
  if (problem !== undefined) throw new UsageError(`invalid --base-url "${value}": expected ${problem}`);
  return value;
}
