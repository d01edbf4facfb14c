import type { Finding, ManualAction } from '../../core/types.js';
import { capabilityFor } from '../../providers/index.js';
import type { CapabilityKey, Provider } from '../../providers/types.js';
import { capabilityForApi } from '../api-surface.js';
import { manual } from './types.js';

/** The call a model literal sits in (`fineTuning.jobs.create({ model })`), if any. */
export function enclosingCall(finding: Finding, fileFindings: readonly Finding[]): Finding | undefined {
  return outermostCallAround(callIndexOf(fileFindings), finding.span);
}

/** The API a model literal is sent to, when it sits inside the call. */
export function enclosingApi(call: Finding | undefined): CapabilityKey | undefined {
  return call?.api === undefined ? undefined : capabilityForApi(call.api);
}

/** Image content parts in the call's own messages or input: `{ type: 'image_url' }`, `{ type: 'input_image' }`. */
const IMAGE_PART = /\btype['"]?\s*:\s*(['"`])(?:image_url|input_image)\1/;

/** A chat or Responses call whose literal messages carry images. */
export function carriesImages(call: Finding | undefined): boolean {
  const argument = call?.detail?.argument;
  if (argument?.kind !== 'object') return false;
  return argument.properties.some((property) => (property.name === 'messages' || property.name === 'input') && IMAGE_PART.test(property.value.text));
}

/** A file's API calls by start, with the largest end so far: built once per file, not searched once per model. */
interface CallIndex {
  calls: Finding[];
  maxEnd: number[];
}

const callIndexes = new WeakMap<readonly Finding[], CallIndex>();

function callIndexOf(fileFindings: readonly Finding[]): CallIndex {
  let index = callIndexes.get(fileFindings);
  if (index === undefined) {
    const calls = fileFindings.filter((other) => other.kind === 'api-call' && other.api !== undefined);
    calls.sort((a, b) => a.span.start - b.span.start);
    const maxEnd: number[] = [];
    for (const call of calls) maxEnd.push(Math.max(maxEnd.at(-1) ?? -1, call.span.end));
    index = { calls, maxEnd };
    callIndexes.set(fileFindings, index);
  }
  return index;
}

/** The first call by start that contains `span`: the first whose end reaches past it, if it starts before. */
function outermostCallAround({ calls, maxEnd }: CallIndex, span: { start: number; end: number }): Finding | undefined {
  let low = 0;
  let high = calls.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (maxEnd[middle]! >= span.end) high = middle;
    else low = middle + 1;
  }
  const call = calls[low];
  return call !== undefined && call.span.start <= span.start ? call : undefined;
}

/** Realtime models (`gpt-realtime`, `gpt-4o-realtime-preview`) are only ever sent to the Realtime API. */
const REALTIME_MODEL = /(?:^|-)realtime(?:-|$)/;

/**
 * A model that goes to an API the target cannot serve is left as written: mapping it would
 * only change which model a failing request names (the API-call rule reports the call).
 * Realtime needs the target to serve the Realtime protocol itself, not a look-alike.
 */
export function isForUnservedApi(model: string, api: CapabilityKey | undefined, provider: Provider): boolean {
  const key = api ?? (REALTIME_MODEL.test(model) ? 'realtime' : undefined);
  if (key === undefined) return false;
  const support = capabilityFor(provider, key).support;
  return key === 'realtime' ? support !== 'supported' : support === 'unsupported';
}

/** Vector stores whose stored vectors a new embedding model invalidates (LangChain JS, LlamaIndex TS). */
const VECTOR_STORE = /\b(MemoryVectorStore|PineconeStore|Chroma|FaissStore|HNSWLib|PGVectorStore|QdrantVectorStore|SupabaseVectorStore|WeaviateStore|RedisVectorStore|MongoDBAtlasVectorSearch|Neo4jVectorStore|ElasticVectorSearch|VectorStoreIndex|FAISS|PGVector|PineconeVectorStore|Qdrant|Milvus)\b/;

/** The vector store the file's code uses, for the re-index warning. */
export function vectorStoreIn(text: string): string | undefined {
  return VECTOR_STORE.exec(text)?.[1];
}

/** The re-index warning for a new embedding model, naming the vector store when the code shows one. */
export function reindexAction(finding: Finding, from: string, to: string, text: string): ManualAction {
  const store = vectorStoreIn(text);
  return manual(
    finding,
    'warning',
    'reindex-embeddings',
    `${to} produces different vectors than ${from} (often of another width, too): re-embed every stored vector${store ? ` in ${store}` : ''} before comparing them with new ones`,
  );
}
