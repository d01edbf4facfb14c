/**
 * The model a framework class sends when the code names none, by package and major version.
 * Each entry cites the release and file it was read from.
 */
export interface FrameworkDefault {
  package: string;
  symbol: string;
  /** Majors the default was read for, lowest to highest, inclusive. */
  majors: [number, number];
  model: string;
  /** How many texts one embeddings request carries by default (embedding classes). */
  batchSize?: number;
}

export const FRAMEWORK_DEFAULTS: readonly FrameworkDefault[] = [
  // @langchain/openai 1.4.0 dist/chat_models/base.js: `model = "gpt-3.5-turbo"` (unchanged since 0.x).
  { package: '@langchain/openai', symbol: 'ChatOpenAI', majors: [0, 1], model: 'gpt-3.5-turbo' },
  // @langchain/openai 1.4.0 dist/embeddings.js: `model = "text-embedding-ada-002"`, `batchSize = 512`.
  { package: '@langchain/openai', symbol: 'OpenAIEmbeddings', majors: [0, 1], model: 'text-embedding-ada-002', batchSize: 512 },
  // @langchain/openai 1.4.0 dist/llms.js: `model = "gpt-3.5-turbo-instruct"`.
  { package: '@langchain/openai', symbol: 'LangChainOpenAI', majors: [0, 1], model: 'gpt-3.5-turbo-instruct' },
  // run-llama/LlamaIndexTS packages/providers/openai/src/llm.ts: `init?.model ?? "gpt-4o"`.
  { package: '@llamaindex/openai', symbol: 'LlamaIndexOpenAI', majors: [0, 0], model: 'gpt-4o' },
  // run-llama/LlamaIndexTS packages/providers/openai/src/embedding.ts: `init?.model ?? "text-embedding-ada-002"`, `embedBatchSize ?? 10`.
  { package: '@llamaindex/openai', symbol: 'OpenAIEmbedding', majors: [0, 0], model: 'text-embedding-ada-002', batchSize: 10 },
];

/** The package a framework module belongs to (`langchain/chat_models/openai` → `langchain`). */
export function packageOf(module: string): string {
  return module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : module.split('/')[0]!;
}

/**
 * The default for `symbol` of `pkg` at the declared `version` range (its lowest major), or the
 * newest known one when the project declares no version. Undefined: not known for that version.
 */
export function findFrameworkDefault(pkg: string, symbol: string, version: string | undefined): FrameworkDefault | undefined {
  const entries = FRAMEWORK_DEFAULTS.filter((entry) => entry.package === pkg && entry.symbol === symbol);
  if (version === undefined) return entries.at(-1);
  const major = /(\d+)/.exec(version)?.[1];
  if (major === undefined) return entries.at(-1);
  return entries.find((entry) => entry.majors[0] <= Number(major) && Number(major) <= entry.majors[1]);
}
