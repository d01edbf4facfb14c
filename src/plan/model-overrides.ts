import { snapshotFamily } from '../providers/index.js';

/**
 * The run's choice for an OpenAI model id from a map of overrides (`--model`, the config
 * file's `models` or `deployments`), whose keys are exact ids or patterns with `*`:
 * 1. the exact id, then the exact family of a dated snapshot (`gpt-4o` for `gpt-4o-2024-08-06`);
 * 2. else the matching pattern with the most literal characters (`gpt-4o-mini*` beats `gpt-4o*`);
 *    on a tie, the first in the map.
 */
export function findModelOverride(overrides: Readonly<Record<string, string>>, model: string): string | undefined {
  if (Object.hasOwn(overrides, model)) return overrides[model];
  const family = snapshotFamily(model);
  if (family !== undefined && Object.hasOwn(overrides, family)) return overrides[family];
  let best: { specificity: number; target: string } | undefined;
  for (const [pattern, target] of Object.entries(overrides)) {
    if (!pattern.includes('*') || !matchesPattern(pattern, model)) continue;
    const specificity = pattern.replaceAll('*', '').length;
    if (best === undefined || specificity > best.specificity) best = { specificity, target };
  }
  return best?.target;
}

/** `*` matches any run of characters, empty included; everything else is literal. */
export function matchesPattern(pattern: string, model: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(model);
}
