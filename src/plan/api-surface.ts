import { apiForRestPath } from '../core/rest-apis.js';
import type { ArgumentInfo } from '../core/types.js';
import type { CapabilityKey } from '../providers/types.js';

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
  [/^uploads\./, 'uploads'],
  [/^batches\./, 'batches'],
  [/^(?:fineTuning|fine_tuning|fineTunes)\.|FineTune/, 'fine-tuning'],
  [/^beta\.(?:assistants|threads)\./, 'assistants'],
  [/^(?:beta\.)?(?:vectorStores|vector_stores)\./, 'vector-stores'],
  [/^(?:beta\.)?realtime\./, 'realtime'],
  [/^containers\./, 'containers'],
  [/^conversations\./, 'conversations'],
  [/^evals\./, 'evals'],
  [/^videos\./, 'videos'],
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
  // The `chatgpt` package's ChatGPTAPI posts to chat completions.
  [/^chatgpt:sendMessage$/, 'chat.completions'],
];

/** `https://api.openai.com/v1` (or a regional host) at the start of a URL: the part that maps 1:1. */
export const VERSIONED_BASE = /^https:\/\/(?:(?:us|eu|ae)\.)?api\.openai\.com\/v1(?=\/|$)/;
/** The same for any scheme (`wss://` for Realtime), to tell which API a URL is for. */
const ANY_VERSIONED_BASE = /^(?:[a-z]+:\/\/)?(?:(?:us|eu|ae)\.)?api\.openai\.com\/v1(?=\/|$)/;

export function capabilityForApi(api: string): CapabilityKey | undefined {
  return API_CAPABILITIES.find(([pattern]) => pattern.test(api))?.[1];
}

/** The capability one call needs: a file uploaded for assistants needs the Assistants API. */
export function capabilityForCall(api: string, argument?: ArgumentInfo): CapabilityKey | undefined {
  const key = capabilityForApi(api);
  if (key !== 'files' || argument?.kind !== 'object') return key;
  const purpose = argument.properties.find((p) => p.name === 'purpose')?.value;
  return purpose?.kind === 'string' && purpose.value === 'assistants' ? 'assistants' : key;
}

/** Hosted tools of the Responses API (`tools: [{ type: 'web_search' }]`): the provider runs them, or the call fails. */
const HOSTED_TOOLS: [RegExp, CapabilityKey][] = [
  [/\bweb_search(?:_preview)?\b/, 'tool.web_search'],
  [/\bfile_search\b/, 'tool.file_search'],
  [/\bcode_interpreter\b/, 'tool.code_interpreter'],
  [/['"`]mcp['"`]/, 'tool.mcp'],
];

/** The hosted tools a Responses call asks the provider to run. */
export function hostedToolsOf(api: string, argument?: ArgumentInfo): CapabilityKey[] {
  if (capabilityForApi(api) !== 'responses' || argument?.kind !== 'object') return [];
  const tools = argument.properties.find((p) => p.name === 'tools');
  return tools === undefined ? [] : HOSTED_TOOLS.filter(([pattern]) => pattern.test(tools.value.text)).map(([, key]) => key);
}

/** The SDK method a raw request to an OpenAI URL stands for (`…/v1/containers/x` → `containers.create`). */
export function restApiOf(url: string): string | undefined {
  const prefix = ANY_VERSIONED_BASE.exec(url);
  if (prefix === null) return undefined;
  return apiForRestPath(url.slice(prefix[0].length + 1));
}
