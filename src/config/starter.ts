import type { Provider } from '../providers/types.js';
import { SCHEMA_REFERENCE } from './files.js';

/**
 * The file `init` writes: small, every field named as the README documents it. JSON holds no
 * comments, so the one explanation is a `$comment` that points to the README.
 */
export function renderStarterConfig(provider: Provider): string {
  const config = {
    $schema: SCHEMA_REFERENCE,
    $comment: 'migrate-openai settings; command-line flags override them. Every field is described in the README, section "Configuration file".',
    target: provider.id,
    region: provider.defaultRegion,
    models: {},
    ...(provider.clientStyle === 'azure' ? { deployments: {} } : {}),
    exclude: [],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
