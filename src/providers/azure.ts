import type { Provider } from './types.js';

export const azure = {
  id: 'azure',
  name: 'Azure OpenAI',
  clientStyle: 'azure',
  // The endpoint is what the portal shows (https://RESOURCE.openai.azure.com/ or
  // https://RESOURCE.services.ai.azure.com/), the variable AzureOpenAI and Microsoft's samples read.
  baseUrls: {
    v1: '{endpoint}/openai/v1',
    // What the AzureOpenAI client builds from its `endpoint`; shown for reference.
    dated: '{endpoint}/openai',
  },
  defaultRegion: 'v1',
  urlVariables: { endpoint: 'AZURE_OPENAI_ENDPOINT' },
  // Latest GA dated api-version per the 2025-08 lifecycle page (learn.microsoft.com …/api-version-lifecycle).
  azureClient: { region: 'dated', apiVersion: '2024-10-21', endpointEnv: 'AZURE_OPENAI_ENDPOINT' },
  apiKeyEnv: 'AZURE_OPENAI_API_KEY',
  // v1: the 2026-03 lifecycle page's Entra ID examples; dated: the AzureOpenAI samples (2025-08).
  entra: { scope: 'https://ai.azure.com/.default', datedScope: 'https://cognitiveservices.azure.com/.default' },
  envNotes: {
    AZURE_OPENAI_ENDPOINT: 'Azure OpenAI endpoint from the portal (Keys and Endpoint), e.g. https://YOUR-RESOURCE.openai.azure.com/',
    AZURE_OPENAI_API_KEY: 'Azure OpenAI key from the portal (Keys and Endpoint)',
  },
  docs: 'https://learn.microsoft.com/azure/foundry/openai/api-version-lifecycle',
  keyPages: {
    v1: 'https://portal.azure.com/#browse/Microsoft.CognitiveServices%2Faccounts',
    dated: 'https://portal.azure.com/#browse/Microsoft.CognitiveServices%2Faccounts',
  },
  modelSetup: { action: 'create a deployment for each model, with the name listed here', page: 'https://ai.azure.com' },
  verified: '2026-03-19',
  sources: [
    'https://learn.microsoft.com/azure/foundry/openai/api-version-lifecycle',
    'MicrosoftDocs/azure-ai-docs:articles/foundry/openai/includes/api-version-lifecycle-content.md',
    'MicrosoftDocs/azure-ai-docs:articles/ai-foundry/openai/api-version-lifecycle.md',
    'openai/openai-node:src/azure.ts',
    'https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/legacy-models',
    'https://community.openai.com/t/migration-guide-for-assistants-api-to-responses-api-is-now-available/1354626',
    'https://learn.microsoft.com/azure/ai-foundry/openai/how-to/fine-tuning',
  ],
  // Values are default deployment names; customers name their deployments themselves.
  models: {
    'gpt-5': 'gpt-5',
    'gpt-5-mini': 'gpt-5-mini',
    'gpt-5-nano': 'gpt-5-nano',
    'gpt-4.1': 'gpt-4.1',
    'gpt-4.1-mini': 'gpt-4.1-mini',
    'gpt-4.1-nano': 'gpt-4.1-nano',
    'gpt-4o': 'gpt-4o',
    'gpt-4o-mini': 'gpt-4o-mini',
    'chatgpt-4o-latest': 'gpt-4o',
    'gpt-4-turbo': 'gpt-4o',
    'gpt-4': 'gpt-4o',
    'gpt-3.5-turbo': 'gpt-35-turbo',
    'gpt-3.5-turbo-16k': 'gpt-4.1-mini',
    'gpt-3.5-turbo-instruct': 'gpt-35-turbo-instruct',
    o1: 'o1',
    'o1-mini': 'o1-mini',
    o3: 'o3',
    'o3-mini': 'o3-mini',
    'o4-mini': 'o4-mini',
    'text-embedding-3-small': 'text-embedding-3-small',
    'text-embedding-3-large': 'text-embedding-3-large',
    'text-embedding-ada-002': 'text-embedding-ada-002',
    'dall-e-3': 'dall-e-3',
    'dall-e-2': null,
    'gpt-image-1': 'gpt-image-1',
    'whisper-1': 'whisper',
    'tts-1': 'tts',
    'tts-1-hd': 'tts-hd',
    'omni-moderation-latest': null,
    'text-moderation-latest': null,
  },
  // Base models of the fine-tuning how-to (learn.microsoft.com …/openai/how-to/fine-tuning), Azure spelling.
  fineTunableModels: {
    'gpt-4.1': 'gpt-4.1-2025-04-14',
    'gpt-4.1-2025-04-14': 'gpt-4.1-2025-04-14',
    'gpt-4.1-mini': 'gpt-4.1-mini-2025-04-14',
    'gpt-4.1-mini-2025-04-14': 'gpt-4.1-mini-2025-04-14',
    'gpt-4.1-nano': 'gpt-4.1-nano-2025-04-14',
    'gpt-4.1-nano-2025-04-14': 'gpt-4.1-nano-2025-04-14',
    'gpt-4o': 'gpt-4o-2024-08-06',
    'gpt-4o-2024-08-06': 'gpt-4o-2024-08-06',
    'gpt-4o-mini': 'gpt-4o-mini-2024-07-18',
    'gpt-4o-mini-2024-07-18': 'gpt-4o-mini-2024-07-18',
    'o4-mini': 'o4-mini-2025-04-16',
    'o4-mini-2025-04-16': 'o4-mini-2025-04-16',
    'gpt-3.5-turbo-0125': 'gpt-35-turbo-0125',
  },
  capabilities: {
    'chat.completions': {
      support: 'supported',
      note: 'GA on v1 and dated APIs; `model` is the deployment name; o-series need max_completion_tokens.',
    },
    completions: {
      support: 'partial',
      note: 'Dated API only, on an instruct-model deployment; otherwise move to chat.completions.',
    },
    responses: {
      support: 'supported',
      note: 'GA on the v1 API and the recommended API for Azure OpenAI models.',
    },
    embeddings: { support: 'supported', note: 'GA on the v1 API; `model` is the deployment name.' },
    images: {
      support: 'partial',
      note: 'dall-e-3 / gpt-image-1 deployments on the dated API; not listed for v1 (2025-08 table).',
    },
    'audio.transcriptions': {
      support: 'partial',
      note: 'A whisper deployment on the dated API (AzureOpenAI client); not listed for v1 (2025-08).',
    },
    'audio.translations': {
      support: 'partial',
      note: 'A whisper deployment on the dated API (AzureOpenAI client); not listed for v1 (2025-08).',
    },
    'audio.speech': {
      support: 'partial',
      note: 'A tts deployment on the dated API (AzureOpenAI client); not listed for v1 (2025-08).',
    },
    moderations: {
      support: 'unsupported',
      note: 'No moderations endpoint: Azure applies content filtering on every deployment instead.',
    },
    files: { support: 'supported', note: 'GA on the v1 API.' },
    batches: {
      support: 'supported',
      note: 'Since api-version 2024-07-01-preview; requests are routed to a deployment.',
    },
    'fine-tuning': {
      support: 'supported',
      note: 'GA on the v1 API; OpenAI fine-tunes do not carry over and must be retrained on Azure.',
    },
    assistants: {
      support: 'partial',
      note: 'Preview only and retiring with OpenAI’s 2026-08-26 Assistants sunset; move to responses.',
    },
    'vector-stores': { support: 'supported', note: 'GA on the v1 API (/vector_stores).' },
    realtime: {
      support: 'partial',
      note: 'Needs its own realtime deployment (gpt-4o-realtime-preview family); not listed for v1.',
    },
    'param.tool_choice': { support: 'supported', note: 'Same values as OpenAI.' },
    'param.response_format.json_schema': {
      support: 'supported',
      note: 'Structured outputs since 2024-08-01-preview; depends on the deployed model.',
    },
    'param.n': { support: 'supported', note: 'Depends on the deployed model.' },
    'param.dimensions': {
      support: 'supported',
      note: 'On text-embedding-3-* deployments, as on OpenAI.',
    },
    'param.stream_options': {
      support: 'supported',
      note: 'include_usage since api-version 2024-09-01-preview.',
    },
    'param.parallel_tool_calls': {
      support: 'supported',
      note: 'Since api-version 2024-09-01-preview.',
    },
    'param.logprobs': { support: 'supported', note: 'Depends on the deployed model.' },
    'param.seed': { support: 'supported', note: 'Depends on the deployed model.' },
  },
} satisfies Provider;
