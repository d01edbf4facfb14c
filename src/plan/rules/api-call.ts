import type { PropertyInfo } from '../../core/types.js';
import { capabilityFor } from '../../providers/index.js';
import type { CapabilityKey, Provider } from '../../providers/types.js';
import type { ManualCode } from '../codes.js';
import { edit, manual, NOTHING, result, type Rule, type RuleContext } from './types.js';
import type { CapabilityGap, Edit, Finding, ManualAction, Severity } from '../../core/types.js';

/** API paths (v4+ and v3 method names) → the capability they need. First match wins. */
const API_CAPABILITIES: [RegExp, CapabilityKey][] = [
  [/^(?:beta\.)?chat\.completions\.|^createChatCompletion$/, 'chat.completions'],
  [/^completions\.|^createCompletion$/, 'completions'],
  [/^(?:beta\.)?responses\./, 'responses'],
  [/^embeddings\.|^createEmbedding$/, 'embeddings'],
  [/^images\.|^createImage/, 'images'],
  [/^audio\.transcriptions\.|^createTranscription$/, 'audio.transcriptions'],
  [/^audio\.translations\.|^createTranslation$/, 'audio.translations'],
  [/^audio\.speech\./, 'audio.speech'],
  [/^moderations\.|^createModeration$/, 'moderations'],
  [/^files\.|^(?:create|list|retrieve|delete|download)File/, 'files'],
  [/^batches\./, 'batches'],
  [/^(?:fineTuning|fine_tuning|fineTunes)\.|FineTune/, 'fine-tuning'],
  [/^beta\.(?:assistants|threads)\./, 'assistants'],
  [/^(?:beta\.)?(?:vectorStores|vector_stores)\./, 'vector-stores'],
  [/^(?:beta\.)?realtime\./, 'realtime'],
  // Python's v0 module API (`openai.ChatCompletion.create`, `acreate` for async).
  [/^ChatCompletion\.a?create$/, 'chat.completions'],
  [/^Completion\.a?create$/, 'completions'],
  [/^Embedding\.a?create$/, 'embeddings'],
  [/^Image\./, 'images'],
  [/^Audio\.a?transcribe/, 'audio.transcriptions'],
  [/^Audio\.a?translate/, 'audio.translations'],
  [/^Moderation\./, 'moderations'],
  [/^File\./, 'files'],
  [/^FineTuningJob\./, 'fine-tuning'],
  // Vercel AI SDK provider methods (`openai.embedding(…)`); `default` is `openai(…)` itself.
  [/^ai-sdk:(?:default|chat|languageModel)$/, 'chat.completions'],
  [/^ai-sdk:responses$/, 'responses'],
  [/^ai-sdk:completion$/, 'completions'],
  [/^ai-sdk:(?:embedding|textEmbedding|textEmbeddingModel|embeddingModel)$/, 'embeddings'],
  [/^ai-sdk:(?:image|imageModel)$/, 'images'],
  [/^ai-sdk:transcription$/, 'audio.transcriptions'],
  [/^ai-sdk:speech$/, 'audio.speech'],
];

/** Request parameters whose behaviour differs, and when a given value triggers the difference. */
const PARAMETERS: { name: string; key: CapabilityKey; applies: (property: PropertyInfo) => boolean }[] = [
  // Values up to 1 are valid on every target; higher or computed values may not be.
  { name: 'temperature', key: 'param.temperature', applies: (p) => !(p.value.kind === 'number' && p.value.value <= 1) },
  { name: 'tool_choice', key: 'param.tool_choice', applies: (p) => !(p.value.kind === 'string' && ['auto', 'none'].includes(p.value.value)) },
  { name: 'response_format', key: 'param.response_format.json_schema', applies: (p) => p.value.text.includes('json_schema') },
  { name: 'n', key: 'param.n', applies: (p) => !(p.value.kind === 'number' && p.value.value <= 1) },
  { name: 'dimensions', key: 'param.dimensions', applies: () => true },
  { name: 'stream_options', key: 'param.stream_options', applies: () => true },
  { name: 'parallel_tool_calls', key: 'param.parallel_tool_calls', applies: () => true },
  { name: 'logprobs', key: 'param.logprobs', applies: (p) => p.value.text !== 'false' },
  { name: 'seed', key: 'param.seed', applies: () => true },
];

const SEVERITY: Record<string, Severity> = { unsupported: 'error', partial: 'warning', unknown: 'warning' };
const API_CODE: Record<string, ManualCode> = { unsupported: 'unsupported-api', partial: 'partial-api', unknown: 'unverified-api' };
const PARAMETER_CODE: Record<string, ManualCode> = {
  unsupported: 'unsupported-parameter',
  partial: 'partial-parameter',
  unknown: 'unverified-parameter',
};

export function capabilityForApi(api: string): CapabilityKey | undefined {
  return API_CAPABILITIES.find(([pattern]) => pattern.test(api))?.[1];
}

/** The manual action and gap for an API the target does not fully support, if any. */
export function checkApiSupport(finding: Finding, api: string, provider: Provider): { action: ManualAction; gap: CapabilityGap } | undefined {
  const key = capabilityForApi(api);
  if (key === undefined) return undefined;
  const capability = capabilityFor(provider, key);
  if (capability.support === 'supported') return undefined;
  return {
    gap: { kind: 'api', name: api, support: capability.support, note: capability.note },
    action: manual(finding, SEVERITY[capability.support]!, API_CODE[capability.support]!, `${displayApi(api)}: ${describeSupport(capability.support)} on ${provider.name}. ${capability.note}`, provider.docs),
  };
}

/** Every call to an API or with a parameter the target lacks or only partly supports is reported. */
export const planApiCall: Rule = (finding, ctx) => {
  const api = finding.api;
  if (api === undefined) return NOTHING;
  const { provider } = ctx.target;
  const actions: ManualAction[] = [];
  const gaps: CapabilityGap[] = [];
  const unsupported = checkApiSupport(finding, api, provider);
  if (unsupported) {
    gaps.push(unsupported.gap);
    actions.push(unsupported.action);
  }
  const argument = finding.detail?.argument;
  if (argument?.kind === 'object') {
    for (const parameter of PARAMETERS) {
      const property = argument.properties.find((p) => p.name === parameter.name);
      if (property === undefined || !parameter.applies(property)) continue;
      const capability = capabilityFor(provider, parameter.key);
      if (capability.support === 'supported') continue;
      gaps.push({ kind: 'parameter', name: parameter.name, support: capability.support, note: capability.note });
      actions.push(
        manual(finding, SEVERITY[capability.support]!, PARAMETER_CODE[capability.support]!, `${parameter.name} (${property.value.text.replace(/\s+/g, ' ').slice(0, 60)}): ${describeSupport(capability.support)} on ${provider.name}. ${capability.note}`, provider.docs),
      );
    }
  }
  const legacy = legacyModuleAction(finding, ctx);
  if (legacy) actions.push(legacy);
  const edits = aiSdkChatEdit(finding);
  return gaps.length > 0 ? { ...result(edits, actions), gaps } : result(edits, actions);
};

/**
 * Python's v0 module API (removed in openai 1.0) reaches an OpenAI-compatible target through
 * the module settings the client rule writes, once per file; Azure's dated API it cannot reach.
 */
function legacyModuleAction(finding: Finding, ctx: RuleContext): ManualAction | undefined {
  if (!finding.detail?.isLegacy) return undefined;
  const { provider, azureClient } = ctx.target;
  const docs = 'https://github.com/openai/openai-python/discussions/742';
  if (azureClient) {
    return manual(finding, 'error', 'legacy-sdk', `the openai v0 module API (${finding.api}) cannot use Azure's dated API as migrated: upgrade to openai>=1 and call an AzureOpenAI client`, docs);
  }
  if (ctx.fileFindings.find((f) => f.detail?.isLegacy) !== finding) return undefined;
  return manual(finding, 'warning', 'legacy-sdk', `the openai v0 module API (${finding.api}) was removed in openai 1.0 and is unmaintained; it reaches ${provider.name} through openai.api_base and openai.api_key, but upgrade to openai>=1 to use it reliably`, docs);
}

/**
 * Since AI SDK 5, `openai('id')` calls the Responses API, which most targets lack; the
 * chat-completions model function (`openai.chat('id')`) is what they all serve.
 */
function aiSdkChatEdit(finding: Finding): Edit[] {
  const callee = finding.detail?.callee;
  if (finding.api !== 'ai-sdk:default' || callee === undefined) return [];
  return [edit(finding, { start: callee.end, end: callee.end }, '.chat', 'use the chat-completions API')];
}

/** API paths as a reader knows them: AI SDK provider calls read `openai(…)` / `openai.embedding(…)`. */
function displayApi(api: string): string {
  if (!api.startsWith('ai-sdk:')) return api;
  const method = api.slice('ai-sdk:'.length);
  return method === 'default' ? 'AI SDK provider(…)' : `AI SDK provider.${method}(…)`;
}

function describeSupport(support: string): string {
  return support === 'unsupported' ? 'not available' : support === 'partial' ? 'partly supported' : 'support not verified';
}
