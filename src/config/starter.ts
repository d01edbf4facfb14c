import type { Finding } from '../core/types.js';
import { mapModel } from '../providers/index.js';
import type { Provider } from '../providers/types.js';
import { SCHEMA_REFERENCE } from './files.js';

/**
 * The file `init` writes: small, every field named as the README documents it. JSON holds no
 * comments, so the one explanation is a `$comment` that points to the README. `models` holds
 * the mappings a scan found, for the team to review.
 */
export function renderStarterConfig(provider: Provider, { schema = SCHEMA_REFERENCE, models = {} }: { schema?: string; models?: Record<string, string> } = {}): string {
  const config = {
    $schema: schema,
    $comment: 'migrate-openai settings; command-line flags override them. Every field is described in the README, section "Configuration file".',
    target: provider.id,
    region: provider.defaultRegion,
    models,
    ...(provider.clientStyle === 'azure' ? { deployments: {} } : {}),
    exclude: [],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * The model ids a scan found (`certain` and `likely` ones, which the migration rewrites), each
 * with the target's id where the provider maps it; the ids it does not map are returned apart.
 */
export function foundModelMappings(findings: readonly Finding[], provider: Provider): { models: Record<string, string>; unmapped: string[] } {
  const ids = [...new Set(findings.filter((finding) => finding.kind === 'model' && finding.confidence !== 'possible' && finding.model !== undefined).map((finding) => finding.model!))].sort();
  const models: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const id of ids) {
    const mapping = mapModel(provider, id);
    if (mapping.kind === 'mapped') models[id] = mapping.id;
    else unmapped.push(id);
  }
  return { models, unmapped };
}
