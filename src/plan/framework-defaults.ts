/**
 * The model a framework class sends when the code names none, by package and major version.
 * Each entry cites the release and file it was read from.
 */
export interface FrameworkDefault {
  package: string;
  /** Python packages are PyPI's (normalised names); the others npm's. */
  ecosystem?: 'pypi';
  symbol: string;
  /** Majors the default was read for, lowest to highest, inclusive. */
  majors: [number, number];
  model: string;
  /** How many texts one embeddings request carries by default (embedding classes). */
  batchSize?: number;
  /** The option that sets that batch size. */
  batchOption?: string;
  /** A chat class whose structured output sends a json_schema response format by default: how to ask for another. */
  structuredOutput?: { method: string; why: string; fix: string };
}

const LANGCHAIN_JS_STRUCTURED = {
  method: 'withStructuredOutput',
  why: "@langchain/openai picks it for model names it does not know as OpenAI's",
  fix: "{ method: 'functionCalling' } (or 'jsonMode')",
};
const LANGCHAIN_PY_STRUCTURED = {
  method: 'with_structured_output',
  why: "langchain-openai's default method since 0.3, whatever the model",
  fix: 'method="function_calling"',
};

export const FRAMEWORK_DEFAULTS: readonly FrameworkDefault[] = [
  // @langchain/openai 1.4.0 dist/chat_models/base.js: `model = "gpt-3.5-turbo"` (unchanged since 0.x).
  { package: '@langchain/openai', symbol: 'ChatOpenAI', majors: [0, 1], model: 'gpt-3.5-turbo', structuredOutput: LANGCHAIN_JS_STRUCTURED },
  // @langchain/openai 1.4.0 dist/embeddings.js: `model = "text-embedding-ada-002"`, `batchSize = 512`.
  { package: '@langchain/openai', symbol: 'OpenAIEmbeddings', majors: [0, 1], model: 'text-embedding-ada-002', batchSize: 512, batchOption: 'batchSize' },
  // @langchain/openai 1.4.0 dist/llms.js: `model = "gpt-3.5-turbo-instruct"`.
  { package: '@langchain/openai', symbol: 'LangChainOpenAI', majors: [0, 1], model: 'gpt-3.5-turbo-instruct' },
  // run-llama/LlamaIndexTS packages/providers/openai/src/llm.ts: `init?.model ?? "gpt-4o"`.
  { package: '@llamaindex/openai', symbol: 'LlamaIndexOpenAI', majors: [0, 0], model: 'gpt-4o' },
  // run-llama/LlamaIndexTS packages/providers/openai/src/embedding.ts: `init?.model ?? "text-embedding-ada-002"`, `embedBatchSize ?? 10`.
  { package: '@llamaindex/openai', symbol: 'OpenAIEmbedding', majors: [0, 0], model: 'text-embedding-ada-002', batchSize: 10, batchOption: 'embedBatchSize' },

  // langchain-ai/langchain libs/partners/openai/langchain_openai/chat_models/base.py (0.3 and 1.x):
  // `model_name: str = Field(default="gpt-3.5-turbo", alias="model")`.
  { package: 'langchain-openai', ecosystem: 'pypi', symbol: 'ChatOpenAI', majors: [0, 1], model: 'gpt-3.5-turbo', structuredOutput: LANGCHAIN_PY_STRUCTURED },
  // langchain_openai/embeddings/base.py: `model: str = "text-embedding-ada-002"`, `chunk_size: int = 1000`
  // ("Maximum number of texts to embed in each batch").
  { package: 'langchain-openai', ecosystem: 'pypi', symbol: 'OpenAIEmbeddings', majors: [0, 1], model: 'text-embedding-ada-002', batchSize: 1000, batchOption: 'chunk_size' },
  // langchain_openai/llms/base.py: `model_name: str = Field(default="gpt-3.5-turbo-instruct", alias="model")`.
  { package: 'langchain-openai', ecosystem: 'pypi', symbol: 'LangChainOpenAI', majors: [0, 1], model: 'gpt-3.5-turbo-instruct' },
  // libs/community/langchain_community/chat_models/openai.py: `model_name: str = Field(default="gpt-3.5-turbo", alias="model")`;
  // `langchain.chat_models.ChatOpenAI` is that class (re-exported by langchain 0.1–0.2, defined alike in 0.0.x).
  { package: 'langchain-community', ecosystem: 'pypi', symbol: 'ChatOpenAI', majors: [0, 0], model: 'gpt-3.5-turbo' },
  { package: 'langchain', ecosystem: 'pypi', symbol: 'ChatOpenAI', majors: [0, 0], model: 'gpt-3.5-turbo' },
  // run-llama/llama_index llama-index-llms-openai llama_index/llms/openai/base.py: `DEFAULT_OPENAI_MODEL = "gpt-3.5-turbo"`,
  // the default of `OpenAI.__init__(model=…)`.
  { package: 'llama-index-llms-openai', ecosystem: 'pypi', symbol: 'LlamaIndexOpenAI', majors: [0, 0], model: 'gpt-3.5-turbo' },
  // llama-index-embeddings-openai llama_index/embeddings/openai/base.py: `OpenAIEmbedding.__init__(…, model=TEXT_EMBED_ADA_002,
  // embed_batch_size: int = 100, …)`.
  { package: 'llama-index-embeddings-openai', ecosystem: 'pypi', symbol: 'OpenAIEmbedding', majors: [0, 0], model: 'text-embedding-ada-002', batchSize: 100, batchOption: 'embed_batch_size' },
];

/**
 * The package a framework module belongs to: `langchain/chat_models/openai` → `langchain`; in
 * Python, the PyPI name (`langchain_openai` → `langchain-openai`, `llama_index.llms.openai` →
 * `llama-index-llms-openai`: LlamaIndex ships each integration as its own package).
 */
export function packageOf(module: string, language?: string): string {
  if (language === 'python') {
    const name = module.startsWith('llama_index.') ? module : module.split('.')[0]!;
    return name.replace(/[._]+/g, '-').toLowerCase();
  }
  return module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : module.split('/')[0]!;
}

/**
 * The default for `symbol` of `pkg` at the declared `version` range (its lowest major), or the
 * newest known one when the project declares no version. Undefined: not known for that version.
 */
export function findFrameworkDefault(pkg: string, symbol: string, version: string | undefined, ecosystem?: 'pypi'): FrameworkDefault | undefined {
  const entries = FRAMEWORK_DEFAULTS.filter((entry) => entry.package === pkg && entry.symbol === symbol && entry.ecosystem === ecosystem);
  if (version === undefined) return entries.at(-1);
  const major = /(\d+)/.exec(version)?.[1];
  if (major === undefined) return entries.at(-1);
  return entries.find((entry) => entry.majors[0] <= Number(major) && Number(major) <= entry.majors[1]);
}
