import type { ArgumentInfo, Finding, PropertyInfo, ValueInfo } from '../core/types.js';
import type { Provider } from '../providers/types.js';

/**
 * Marks the findings of an OpenAI SDK (or framework) that already talks to another provider:
 * a client whose base URL is a provider's and whose key is not OpenAI's is `migratedTo` that
 * provider, and so are the imports, framework imports and API calls that go through such
 * clients (those of the same file, or of the project when the file builds no client). Model
 * ids stay remaining unless the provider serves them under that name (Azure deployments).
 * Reads of a provider's own variables (`AZURE_OPENAI_API_KEY`) are migrated too; OpenAI's
 * variables, URLs and keys always remain.
 */
export function markMigrated(findings: readonly Finding[], providers: readonly Provider[]): Finding[] {
  const clientTargets = new Map<Finding, Provider | undefined>();
  for (const finding of findings) {
    if (finding.kind === 'client' && finding.symbol !== 'OpenAIApi') clientTargets.set(finding, clientProvider(finding, providers));
  }
  const projectTarget = commonTarget([...clientTargets.values()]);
  const fileTargets = new Map<string, Provider | undefined>();
  for (const [client, target] of clientTargets) {
    const previous = fileTargets.has(client.file) ? fileTargets.get(client.file) : target;
    fileTargets.set(client.file, previous === target ? target : undefined);
  }
  return findings.map((finding) => {
    const scope = fileTargets.has(finding.file) ? fileTargets.get(finding.file) : projectTarget;
    const target =
      finding.kind === 'client' && clientTargets.has(finding)
        ? clientTargets.get(finding)
        : finding.kind === 'env-var'
          ? providers.find((provider) => finding.name !== undefined && providerVariables(provider).includes(finding.name))
          : scope && isServedBy(finding, scope)
            ? scope
            : undefined;
    return target === undefined ? finding : { ...finding, migratedTo: target.id };
  });
}

/** The variables a provider's own configuration reads (`AZURE_OPENAI_API_KEY` contains "OPENAI"). */
function providerVariables(provider: Provider): string[] {
  return [provider.apiKeyEnv, ...Object.values(provider.apiKeyEnvByRegion ?? {}), ...(provider.apiKeyEnvAliases ?? []), ...Object.values(provider.urlVariables ?? {}), ...(provider.azureClient ? [provider.azureClient.endpointEnv] : [])];
}

/** The one provider every client points at, if they all point at the same one. */
function commonTarget(targets: readonly (Provider | undefined)[]): Provider | undefined {
  const first = targets[0];
  return first !== undefined && targets.every((target) => target === first) ? first : undefined;
}

/** Whether a non-client finding in a migrated scope stops being OpenAI usage. */
function isServedBy(finding: Finding, provider: Provider): boolean {
  switch (finding.kind) {
    case 'import':
    case 'framework':
    case 'api-call':
      return true;
    case 'model':
      // Azure routes by deployment name, which is the OpenAI id unless renamed; other
      // providers serve an OpenAI-shaped id only when their map keeps it.
      return provider.clientStyle === 'azure' || (finding.model !== undefined && Object.values(provider.models).includes(finding.model));
    default:
      return false;
  }
}

/** The provider a client is pointed at, with a key that is not OpenAI's; undefined otherwise. */
function clientProvider(client: Finding, providers: readonly Provider[]): Provider | undefined {
  if (client.symbol?.startsWith('Azure')) return providers.find((provider) => provider.clientStyle === 'azure');
  const argument = client.detail?.argument;
  if (argument?.kind !== 'object') return undefined;
  const nested = property(argument, 'configuration')?.value;
  const url = property(argument, 'baseURL') ?? property(argument, 'basePath') ?? (nested?.kind === 'object' ? property(nested.object, 'baseURL') : undefined);
  const key = property(argument, 'apiKey') ?? property(argument, 'openAIApiKey');
  if (url === undefined || key === undefined || isUnsafeKey(key.value)) return undefined;
  const byUrl = providers.find((provider) => Object.values(provider.baseUrls).some((base) => urlMatches(base, url.value)));
  if (byUrl !== undefined) return byUrl;
  // A base URL from the environment (`process.env.LLM_BASE_URL`) with a provider's key variable.
  if (key.value.kind !== 'env' || (url.value.kind === 'env' && /^OPENAI_/.test(url.value.name))) return undefined;
  const keyName = key.value.name;
  return providers.find((provider) => providerVariables(provider).includes(keyName));
}

function property(object: Extract<ArgumentInfo, { kind: 'object' }>, name: string): PropertyInfo | undefined {
  return object.properties.find((candidate) => candidate.name === name);
}

/** OpenAI's key variables, or a literal (a key in the code is never migrated). */
function isUnsafeKey(value: ValueInfo): boolean {
  return (value.kind === 'env' && /^OPENAI_/.test(value.name)) || value.kind === 'string';
}

/**
 * A provider's base URL (placeholders such as `{endpoint}`) against the code's value: a literal, or a
 * template literal whose `${…}` parts stand for the placeholders.
 */
function urlMatches(base: string, value: ValueInfo): boolean {
  let text: string;
  if (value.kind === 'string') text = value.value;
  else if (value.kind === 'other' && /^`[^`]*`$/.test(value.text)) text = value.text.slice(1, -1).replace(/\$\{[^}]*\}/g, 'x');
  else return false;
  const pattern = base
    .replace(/\/+$/, '')
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    // `{endpoint}` stands for a whole origin (`https://x.openai.azure.com`), `{resource}` for a host label.
    .join('(?:https?://)?[^/]+');
  return new RegExp(`^${pattern}/*$`).test(text);
}
