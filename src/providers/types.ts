/** How support for one OpenAI API or parameter looks on a provider. */
export type SupportLevel = 'supported' | 'partial' | 'unsupported' | 'unknown';

export interface Capability {
  support: SupportLevel;
  /** One line: what differs, and the provider's alternative where it has one. */
  note: string;
}

/**
 * The OpenAI APIs and parameters whose support differs between providers. API keys match the
 * scanner's `api` paths by prefix family (see `capabilityForApi` in the planner); parameter
 * keys name a request parameter and the behaviour that differs.
 */
export type CapabilityKey =
  | 'chat.completions'
  | 'completions'
  | 'responses'
  | 'embeddings'
  | 'images'
  | 'audio.transcriptions'
  | 'audio.translations'
  | 'audio.speech'
  | 'moderations'
  | 'files'
  | 'batches'
  | 'fine-tuning'
  | 'assistants'
  | 'vector-stores'
  | 'realtime'
  | 'uploads'
  | 'containers'
  | 'conversations'
  | 'evals'
  | 'videos'
  | 'tool.web_search'
  | 'tool.file_search'
  | 'tool.code_interpreter'
  | 'tool.mcp'
  | 'param.temperature'
  | 'param.tool_choice'
  | 'param.response_format.json_schema'
  | 'param.n'
  | 'param.dimensions'
  | 'param.stream_options'
  | 'param.parallel_tool_calls'
  | 'param.logprobs'
  | 'param.seed';

export const CAPABILITY_KEYS: readonly CapabilityKey[] = [
  'chat.completions',
  'completions',
  'responses',
  'embeddings',
  'images',
  'audio.transcriptions',
  'audio.translations',
  'audio.speech',
  'moderations',
  'files',
  'batches',
  'fine-tuning',
  'assistants',
  'vector-stores',
  'realtime',
  'uploads',
  'containers',
  'conversations',
  'evals',
  'videos',
  'tool.web_search',
  'tool.file_search',
  'tool.code_interpreter',
  'tool.mcp',
  'param.temperature',
  'param.tool_choice',
  'param.response_format.json_schema',
  'param.n',
  'param.dimensions',
  'param.stream_options',
  'param.parallel_tool_calls',
  'param.logprobs',
  'param.seed',
];

/** A target the tool can migrate to. One object per file under `src/providers/`. */
export interface Provider {
  /** Stable kebab-case id used by `--to`. */
  id: string;
  /** Display name, e.g. 'Zhipu AI (BigModel / GLM)'. */
  name: string;
  /** 'openai-compatible': the plain OpenAI client with a base URL. 'azure': Azure OpenAI. */
  clientStyle: 'openai-compatible' | 'azure';
  /**
   * OpenAI-compatible base URLs by region; `defaultRegion` names the one used without
   * `--region`. For azure the URL contains `{resource}`, filled from an environment variable.
   */
  baseUrls: Record<string, string>;
  defaultRegion: string;
  /**
   * Placeholders in `baseUrls` and the environment variable that fills each one in migrated
   * code, e.g. `{ endpoint: 'AZURE_OPENAI_ENDPOINT' }` for Azure's per-customer endpoint.
   */
  urlVariables?: Record<string, string>;
  /**
   * Azure's dated API through the SDK's `AzureOpenAI` client, chosen with `--region <region>`:
   * the client gets `endpoint` (read from `endpointEnv`) and `apiVersion` instead of `baseURL`.
   */
  azureClient?: { region: string; apiVersion: string; endpointEnv: string };
  /**
   * Keyless Microsoft Entra ID (`--azure-auth entra`): the token scope for the v1 API's plain
   * client and for the dated API's AzureOpenAI client.
   */
  entra?: { scope: string; datedScope: string };
  /** What to put in each variable migrated code reads, for the comments of env templates. */
  envNotes?: Record<string, string>;
  /** The environment variable migrated code reads the key from. */
  apiKeyEnv: string;
  /**
   * The key variable of a region whose platform names it differently (Zhipu: the mainland
   * platform's SDK reads ZHIPUAI_API_KEY, Z.AI's reads ZAI_API_KEY); `apiKeyEnv` elsewhere.
   */
  apiKeyEnvByRegion?: Record<string, string>;
  /** Other variable names the provider's own SDKs or docs use for the key (recognised, not written). */
  apiKeyEnvAliases?: string[];
  /** The provider's OpenAI-compatibility or quick-start documentation. */
  docs: string;
  /** Documentation by region where it differs from `docs` (the Chinese pages of mainland regions). */
  regionDocs?: Record<string, string>;
  /**
   * Where a user creates an API key, by region. A key works only on its own region's
   * endpoint, so each region names its own console.
   */
  keyPages?: Record<string, string>;
  /**
   * What must exist on the provider before the migrated code can call a model, with the page
   * to create it: Azure deployments, Volcengine Ark inference endpoints.
   */
  modelSetup?: { action: string; page: string };
  /** ISO date on which the facts in this file were last checked against the sources. */
  verified: string;
  /** Sources of the facts in this file. */
  sources: string[];
  /**
   * OpenAI model id → provider model id. Keys are undated OpenAI ids; dated snapshots
   * (`gpt-4o-2024-08-06`, `gpt-4-0613`) map like their family. `null` means the provider has
   * no equivalent, which the planner reports instead of guessing.
   */
  models: Record<string, string | null>;
  /**
   * Base models a fine-tuning job may start from: OpenAI base model (dated, or its undated
   * family) → the target's base model. Absent: no fine-tunable model is known.
   */
  fineTunableModels?: Record<string, string>;
  /** The most texts one embeddings request may carry, where the provider documents a limit. */
  embeddingBatchLimit?: number;
  /**
   * The model for chat calls whose messages carry images; `null`: no model takes images. Absent:
   * none is known (Azure's deployments of the same models take images).
   */
  visionModel?: string | null;
  /** Everything not listed is treated as 'unknown'. */
  capabilities: Partial<Record<CapabilityKey, Capability>>;
  /** Only for a custom provider: the configuration file that defines it. */
  definedIn?: string;
}
