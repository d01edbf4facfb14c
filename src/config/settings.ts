import type { Severity } from '../core/types.js';
import type { PlanOptions } from '../plan/target.js';
import type { ConfigFile } from './schema.js';

/** What the command line said; `undefined` means "not given". */
export interface FlagSettings {
  to?: string;
  region?: string;
  baseUrl?: string;
  /** From `--model a=b` (repeatable). */
  models?: Record<string, string>;
  include?: string[];
  exclude?: string[];
  /** `none` replaces the file's `failOn` with no gate. */
  failOn?: Severity | 'none';
}

/** The settings of one run. */
export interface RunSettings {
  /** Undefined when neither `--to` nor the file names one: the CLI asks, or fails without a terminal. */
  target?: string;
  planOptions: PlanOptions;
  include?: string[];
  exclude?: string[];
  failOn?: Severity | 'none';
  /** What the user should know about how the two sources combined (stderr notes). */
  notes: string[];
}

/**
 * Defaults < file < flags. A flag replaces the file's value (lists too); `--model` replaces
 * single mappings. The file's region, baseURL, models, deployments and apiVersion are choices
 * for its `target`: when `--to` names another provider they are left out, with a note.
 */
export function mergeSettings(config: ConfigFile, flags: FlagSettings, file = 'the configuration file'): RunSettings {
  const target = flags.to ?? config.target;
  const notes: string[] = [];
  const isOtherTarget = flags.to !== undefined && config.target !== undefined && flags.to !== config.target;
  const fromFile = isOtherTarget ? {} : config;
  if (isOtherTarget) {
    const unused = (['region', 'baseURL', 'models', 'deployments', 'apiVersion'] as const).filter((field) => config[field] !== undefined);
    if (unused.length > 0) notes.push(`--to ${flags.to} differs from the target "${config.target}" in ${file}: its ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} not used`);
  }
  const region = flags.region ?? fromFile.region;
  // A region flag picks that region's URL: the file's baseURL gives way to it too.
  const baseUrl = flags.baseUrl ?? (flags.region === undefined ? fromFile.baseURL : undefined);
  // Flags first, so that a flag pattern wins a tie with a file pattern of the same length.
  const models: Record<string, string> = { ...flags.models };
  for (const [key, value] of Object.entries(fromFile.models ?? {})) if (!Object.hasOwn(models, key)) models[key] = value;
  const planOptions: PlanOptions = {
    ...(region !== undefined ? { region } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(Object.keys(models).length > 0 ? { models } : {}),
    ...(fromFile.deployments !== undefined ? { deployments: fromFile.deployments } : {}),
    ...(fromFile.apiVersion !== undefined ? { apiVersion: fromFile.apiVersion } : {}),
  };
  return {
    ...(target !== undefined ? { target } : {}),
    planOptions,
    ...optional('include', flags.include ?? config.include),
    ...optional('exclude', flags.exclude ?? config.exclude),
    ...optional('failOn', flags.failOn ?? config.failOn),
    notes,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
