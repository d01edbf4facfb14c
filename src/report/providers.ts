import { Chalk } from 'chalk';
import { CAPABILITY_KEYS, type Provider } from '../providers/types.js';
import { capabilityFor } from '../providers/index.js';

/** One line per provider: id, name, key variable, default base URL. */
export function renderProviderList(providers: readonly Provider[], format: 'text' | 'json', color: 0 | 1 | 2 | 3): string {
  if (format === 'json') {
    const list = providers.map((p) => ({ id: p.id, name: p.name, apiKeyEnv: p.apiKeyEnv, baseUrl: p.baseUrls[p.defaultRegion], verified: p.verified }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const c = new Chalk({ level: color });
  const idWidth = Math.max(...providers.map((p) => p.id.length));
  const nameWidth = Math.max(...providers.map((p) => p.name.length));
  const keyWidth = Math.max(...providers.map((p) => p.apiKeyEnv.length));
  const lines = providers.map(
    (p) => `${c.bold(p.id.padEnd(idWidth))}  ${p.name.padEnd(nameWidth)}  ${c.cyan(p.apiKeyEnv.padEnd(keyWidth))}  ${c.dim(p.baseUrls[p.defaultRegion] ?? '')}`,
  );
  return `${lines.join('\n')}\n\nShow one in full: migrate-openai providers <id>\n`;
}

/** Everything the tool knows about one provider: URLs, key, models, capabilities, sources. */
export function renderProvider(provider: Provider, format: 'text' | 'json', color: 0 | 1 | 2 | 3): string {
  if (format === 'json') return `${JSON.stringify(provider, null, 2)}\n`;
  const c = new Chalk({ level: color });
  const lines = [`${c.bold(provider.name)} (${provider.id})`, ''];
  lines.push(`Client style:  ${provider.clientStyle}`);
  const byRegion = Object.entries(provider.apiKeyEnvByRegion ?? {}).map(([region, name]) => `; ${region}: ${name}`).join('');
  lines.push(`API key:       ${provider.apiKeyEnv}${byRegion}${provider.apiKeyEnvAliases?.length ? ` (also seen: ${provider.apiKeyEnvAliases.join(', ')})` : ''}`);
  for (const [region, url] of Object.entries(provider.baseUrls)) {
    lines.push(`Base URL:      ${url}  ${c.dim(region === provider.defaultRegion ? `--region ${region} (default)` : `--region ${region}`)}`);
  }
  for (const [placeholder, variable] of Object.entries(provider.urlVariables ?? {})) lines.push(`URL variable:  {${placeholder}} from ${variable}`);
  const origin = provider.definedIn ? `Defined in:    ${provider.definedIn}` : `Verified:      ${provider.verified}`;
  lines.push(`Docs:          ${provider.docs}`, origin, '', c.bold('Models'));
  if (Object.keys(provider.models).length === 0) lines.push(c.dim('  none: map models with "models" in the configuration file or --model'));
  const width = Math.max(...Object.keys(provider.models).map((k) => k.length));
  for (const [openai, target] of Object.entries(provider.models)) {
    lines.push(`  ${openai.padEnd(width)}  → ${target ?? c.red('no equivalent')}`);
  }
  lines.push('', c.bold('Capabilities'));
  const keyWidth = Math.max(...CAPABILITY_KEYS.map((k) => k.length));
  const paint = { supported: c.green, partial: c.yellow, unsupported: c.red, unknown: c.dim };
  for (const key of CAPABILITY_KEYS) {
    const capability = capabilityFor(provider, key);
    lines.push(`  ${key.padEnd(keyWidth)}  ${paint[capability.support](capability.support.padEnd(11))}  ${capability.note}`);
  }
  if (provider.sources.length > 0) lines.push('', c.bold('Sources'), ...provider.sources.map((source) => `  ${source}`));
  return `${lines.join('\n')}\n`;
}
