import { nearest } from '../core/distance.js';
import { UsageError } from '../core/errors.js';
import { ark } from './ark.js';
import { azure } from './azure.js';
import { dashscope } from './dashscope.js';
import { deepseek } from './deepseek.js';
import { hunyuan } from './hunyuan.js';
import { moonshot } from './moonshot.js';
import { qianfan } from './qianfan.js';
import { siliconflow } from './siliconflow.js';
import type { Capability, CapabilityKey, Provider } from './types.js';
import { yi } from './yi.js';
import { zhipu } from './zhipu.js';

/** Every migration target. The one registry: `--to` choices and docs derive from it. */
export const providers: readonly Provider[] = [
  azure,
  zhipu,
  qianfan,
  dashscope,
  yi,
  deepseek,
  moonshot,
  ark,
  hunyuan,
  siliconflow,
];

/** Names users think in, for the provider ids they stand for (`--to`, the config's `target`, `providers <id>`). */
export const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  qwen: 'dashscope',
  tongyi: 'dashscope',
  bailian: 'dashscope',
  glm: 'zhipu',
  bigmodel: 'zhipu',
  zai: 'zhipu',
  kimi: 'moonshot',
  doubao: 'ark',
  volcengine: 'ark',
  ernie: 'qianfan',
  baidu: 'qianfan',
};

/** The id `name` stands for in `list`, ignoring case: an id, or an alias of a built-in one. */
export function canonicalProviderId(name: string, list: readonly Provider[] = providers): string | undefined {
  const lower = name.toLowerCase();
  const id = list.find((provider) => provider.id.toLowerCase() === lower)?.id ?? PROVIDER_ALIASES[lower];
  return id !== undefined && list.some((provider) => provider.id === id) ? id : undefined;
}

/**
 * Lookups take the list to search: the built-in registry by default, or the one a run resolved
 * with a configuration file's custom providers added (`resolveProviders` in `config/providers.ts`).
 */
export function getProvider(id: string, list: readonly Provider[] = providers): Provider | undefined {
  const canonical = canonicalProviderId(id, list);
  return list.find((provider) => provider.id === canonical);
}

/** Like `getProvider`, but an unknown id is a usage error with the nearest id or alias and the valid ids. */
export function getProviderOrThrow(id: string, list: readonly Provider[] = providers): Provider {
  const provider = getProvider(id, list);
  if (provider === undefined) {
    const ids = list.map((candidate) => candidate.id).join(', ');
    throw new UsageError(`unknown provider "${id}"${didYouMean(id, list)}`, `valid providers: ${ids}`);
  }
  return provider;
}

/** ` (did you mean "zhipu"?)` for a near miss of an id or an alias, else nothing. */
export function didYouMean(name: string, list: readonly Provider[] = providers): string {
  const near = nearest(name, [...list.map((provider) => provider.id), ...Object.keys(PROVIDER_ALIASES)]);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}

/**
 * How an OpenAI model id resolves on a provider:
 * - `mapped`: use `id`; `via` is the model-map key that matched (the undated family for snapshots);
 * - `none`: the provider has no equivalent;
 * - `unknown`: the id is not in the map (or is a fine-tune), so nothing may be guessed.
 */
export type ModelMapping =
  | { kind: 'mapped'; id: string; via: string }
  | { kind: 'none' }
  | { kind: 'unknown' };

const ISO_DATE_SUFFIX = /^(.+)-\d{4}-(\d{2})-(\d{2})$/;
// Legacy snapshots such as gpt-4-0613. Exactly four digits, so -16k and tts-1-hd never match.
const MMDD_SUFFIX = /^(.+)-(\d{2})(\d{2})$/;

/**
 * Resolves an OpenAI model id on `provider`: the exact map key first, then a dated snapshot
 * (`gpt-4o-2024-08-06`, legacy `gpt-4-0613`) by its undated family. Fine-tunes are `unknown`.
 */
export function mapModel(provider: Provider, openaiId: string): ModelMapping {
  const exact = lookUpModel(provider, openaiId);
  if (exact !== undefined) return exact;
  // Fine-tunes are trained on OpenAI's weights and never carry over, whatever their base model.
  if (isFineTuneId(openaiId)) return { kind: 'unknown' };
  const family = snapshotFamily(openaiId);
  const snapshot = family === undefined ? undefined : lookUpModel(provider, family);
  return snapshot ?? { kind: 'unknown' };
}

/** The provider's support for `key`; anything its data does not list is `unknown`. */
export function capabilityFor(provider: Provider, key: CapabilityKey): Capability {
  return (
    provider.capabilities[key] ?? {
      support: 'unknown',
      note: `No source says whether ${provider.name} supports this; check ${provider.docs}`,
    }
  );
}

function lookUpModel(provider: Provider, key: string): ModelMapping | undefined {
  // hasOwn, so that ids such as "constructor" are not found on Object.prototype.
  if (!Object.hasOwn(provider.models, key)) return undefined;
  const target = provider.models[key];
  return target === null || target === undefined
    ? { kind: 'none' }
    : { kind: 'mapped', id: target, via: key };
}

/** `ft:gpt-4o-mini-2024-07-18:org::id`, and the legacy `davinci:ft-org-2023-…` form. */
function isFineTuneId(id: string): boolean {
  return id.startsWith('ft:') || id.includes(':ft-');
}

/** The undated family of a dated snapshot (`gpt-4o-2024-08-06` → `gpt-4o`); undefined for any other id. */
export function snapshotFamily(id: string): string | undefined {
  const match = ISO_DATE_SUFFIX.exec(id) ?? MMDD_SUFFIX.exec(id);
  if (match === null) return undefined;
  const [, family, month, day] = match;
  return family !== undefined && isMonthDay(Number(month), Number(day)) ? family : undefined;
}

function isMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
