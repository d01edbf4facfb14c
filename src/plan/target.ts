import { UsageError } from '../core/errors.js';
import type { Provider } from '../providers/types.js';
import type { StringPart, Syntax } from './syntax/index.js';

export interface PlanOptions {
  /** A key of the provider's `baseUrls`; its default region otherwise. */
  region?: string;
  /** Used instead of the region's base URL. */
  baseUrl?: string;
  /** OpenAI model id or `*` pattern → target id, over the provider's own map (see `findModelOverride`). */
  models?: Record<string, string>;
  /** Azure only: OpenAI model id or pattern → deployment name; beats `models`. */
  deployments?: Record<string, string>;
  /** Azure's dated API only: the `apiVersion` given to `AzureOpenAI`. */
  apiVersion?: string;
  /** Migrate test files, mocks and fixtures too (left as they are by default). */
  includeTests?: boolean;
  /** Azure only: `entra` authenticates the SDK client with a Microsoft Entra ID token instead of a key. */
  azureAuth?: 'key' | 'entra';
  /**
   * Files git could not give back as they are (ignored, untracked, changed): a key value in
   * one of their settings entries is left in place, never removed (`unrecoverable-secret`).
   */
  keepSecretsIn?: ReadonlySet<string>;
}

/** The provider with the choices of one run resolved: which URL, which key variable. */
export interface MigrationTarget {
  provider: Provider;
  /** The base URL as data, placeholders unfilled (`https://{resource}.openai.azure.com/openai/v1`). */
  baseUrl: string;
  keyVar: string;
  models: Record<string, string>;
  /** Deployment names by OpenAI model id or pattern; empty unless the provider is Azure. */
  deployments: Record<string, string>;
  /** Set when the run migrates to Azure's dated API through the `AzureOpenAI` client. */
  azureClient?: { apiVersion: string; endpointEnv: string };
  /** Set for keyless Microsoft Entra ID: the token scope the SDK client's token provider asks for. */
  entraScope?: string;
}

export function resolveTarget(provider: Provider, options: PlanOptions = {}): MigrationTarget {
  const region = options.region ?? provider.defaultRegion;
  const baseUrl = provider.baseUrls[region];
  if (baseUrl === undefined) {
    throw new UsageError(
      `unknown region "${region}" for ${provider.id}`,
      `regions of ${provider.id}: ${Object.keys(provider.baseUrls).join(', ')}`,
    );
  }
  const dated = provider.azureClient?.region === region ? provider.azureClient : undefined;
  if (dated !== undefined && options.baseUrl !== undefined) {
    throw new UsageError(`a base URL does not apply to region "${region}" of ${provider.id}`, `its endpoint is read from ${dated.endpointEnv}`);
  }
  const azureClient = dated && { apiVersion: options.apiVersion ?? dated.apiVersion, endpointEnv: dated.endpointEnv };
  if (options.azureAuth === 'entra' && provider.entra === undefined) {
    throw new UsageError(`--azure-auth entra does not apply to ${provider.id}`, 'it is for --to azure; other providers authenticate with their API key');
  }
  const entraScope = options.azureAuth === 'entra' ? (dated ? provider.entra!.datedScope : provider.entra!.scope) : undefined;
  return {
    provider,
    // The dated API is reached through AzureOpenAI only; clients that stay OpenAI-shaped
    // (frameworks, createOpenAI) keep the provider's default, OpenAI-compatible URL.
    baseUrl: options.baseUrl ?? (dated ? provider.baseUrls[provider.defaultRegion]! : baseUrl),
    keyVar: provider.apiKeyEnvByRegion?.[region] ?? provider.apiKeyEnv,
    models: options.models ?? {},
    deployments: provider.clientStyle === 'azure' ? (options.deployments ?? {}) : {},
    ...(azureClient ? { azureClient } : {}),
    ...(entraScope ? { entraScope } : {}),
  };
}

/** The base URL as pieces: its text, and the env variable that fills each placeholder at run time. */
export function baseUrlParts(target: MigrationTarget): StringPart[] {
  const variables = target.provider.urlVariables ?? {};
  return target.baseUrl
    .split(/\{(\w+)\}/)
    .map((piece, i): StringPart => {
      if (i % 2 === 0) return piece;
      const name = variables[piece] ?? piece.toUpperCase();
      // A placeholder that starts the URL holds a whole origin (`{endpoint}/openai/v1`).
      return i === 1 && target.baseUrl.startsWith(`{${piece}}`) ? { urlEnv: name } : { env: name };
    })
    .filter((part) => part !== '');
}

/** Source code for the base URL: a plain string, or one that reads its placeholders from env. */
export function baseUrlCode(target: MigrationTarget, syntax: Syntax): string {
  return syntax.interpolate(baseUrlParts(target));
}

/**
 * The key as migrated code reads it. The empty fallback matters: with `apiKey: undefined` the
 * OpenAI SDK falls back to OPENAI_API_KEY and would send the OpenAI key to the new provider.
 */
export function keyCode(target: MigrationTarget, syntax: Syntax): string {
  return syntax.envOr(target.keyVar, '');
}

/** The base URL for a message: placeholders named with the variable that fills them. */
export function describeBaseUrl(target: MigrationTarget): string {
  const variables = target.provider.urlVariables ?? {};
  return target.baseUrl.replace(/\{(\w+)\}/g, (_, name: string) => `<${variables[name] ?? name}>`);
}

/** An environment variable the migrated code reads, with what to put in it. */
export interface NeededVariable {
  name: string;
  note: string;
}

/**
 * Every variable the migrated code reads: the key (unless keyless Entra ID took its place
 * everywhere), and whatever fills the base URL (Azure's endpoint).
 */
export function neededVariables(target: MigrationTarget, readsKey: boolean): NeededVariable[] {
  const { provider } = target;
  const names = [...(readsKey ? [target.keyVar] : []), ...[...target.baseUrl.matchAll(/\{(\w+)\}/g)].map(([, name]) => provider.urlVariables?.[name!] ?? name!.toUpperCase())];
  if (target.azureClient) names.push(target.azureClient.endpointEnv);
  return [...new Set(names)].map((name) => ({ name, note: provider.envNotes?.[name] ?? (name === target.keyVar ? `${provider.name} API key (${provider.docs})` : `${provider.name}: ${name}`) }));
}
