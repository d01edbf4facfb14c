import { ConfigError } from '../core/errors.js';
import { providers } from '../providers/index.js';
import type { Capability, CapabilityKey, Provider } from '../providers/types.js';
import type { ConfigFile, CustomProviderEntry } from './schema.js';

/** The region name of a custom provider given with a single `baseURL`. */
export const SINGLE_REGION = 'default';

/**
 * Every provider a run may target: the built-in registry followed by the custom providers of
 * the configuration file. `--to`, the target prompt and `providers` all go through this list.
 */
export function resolveProviders(config: ConfigFile = {}, source = 'the configuration file'): readonly Provider[] {
  const custom = (config.providers ?? []).map((entry) => toProvider(entry, source));
  const taken = new Set(providers.map((provider) => provider.id));
  for (const provider of custom) {
    // The schema reports this with the field's path; kept here so no caller can bypass it.
    if (taken.has(provider.id)) throw new ConfigError(`${source}: provider id "${provider.id}" is already taken`);
    taken.add(provider.id);
  }
  return [...providers, ...custom];
}

/** A custom entry as a provider: the plain OpenAI client pointed at its base URL. */
export function toProvider(entry: CustomProviderEntry, source: string): Provider {
  const baseUrls = entry.baseUrls ?? { [SINGLE_REGION]: entry.baseURL! };
  const defaultRegion = entry.defaultRegion ?? Object.keys(baseUrls)[0]!;
  const capabilities: Partial<Record<CapabilityKey, Capability>> = {};
  for (const [key, capability] of Object.entries(entry.capabilities ?? {})) {
    if (capability === undefined) continue;
    capabilities[key as CapabilityKey] = { support: capability.support, note: capability.note ?? `As set in ${source}.` };
  }
  return {
    id: entry.id,
    name: entry.name,
    clientStyle: 'openai-compatible',
    baseUrls,
    defaultRegion,
    ...(entry.urlVariables ? { urlVariables: entry.urlVariables } : {}),
    apiKeyEnv: entry.apiKeyEnv,
    docs: entry.docs ?? baseUrls[defaultRegion]!,
    verified: '',
    sources: [],
    models: entry.models ?? {},
    capabilities,
    definedIn: source,
  };
}
