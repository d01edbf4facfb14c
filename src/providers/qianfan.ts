import type { Provider } from './types.js';

export const qianfan = {
  id: 'qianfan',
  name: 'Baidu Qianfan (ERNIE)',
  clientStyle: 'openai-compatible',
  baseUrls: { cn: 'https://qianfan.baidubce.com/v2' },
  defaultRegion: 'cn',
  apiKeyEnv: 'QIANFAN_API_KEY',
  apiKeyEnvAliases: ['QIANFAN_BEARER_TOKEN'],
  docs: 'https://cloud.baidu.com/doc/WENXINWORKSHOP/s/Zm2ycv77m',
  keyPages: { cn: 'https://console.bce.baidu.com/iam/#/iam/apikey/list' },
  verified: '2026-04-25',
  sources: [
    'https://cloud.baidu.com/doc/WENXINWORKSHOP/s/Zm2ycv77m',
    'https://cloud.baidu.com/doc/WENXINWORKSHOP/s/Fm2vrveyu',
    'https://cloud.baidu.com/doc/qianfan-api/s/3m7of64lb',
    'https://cloud.baidu.com/doc/qianfan-api/s/Fm7u3ropn',
    'https://cloud.baidu.com/doc/qianfan/s/rmh4stp0j',
    'MrYuPengfei/VirtualPartners:doc/ChatAPI-help.md',
  ],
  models: {
    'gpt-5': 'ernie-5.0-thinking-latest',
    'gpt-5-mini': 'ernie-4.5-turbo-32k',
    'gpt-5-nano': 'ernie-4.5-turbo-32k',
    'gpt-4.1': 'ernie-4.5-turbo-128k',
    'gpt-4.1-mini': 'ernie-4.5-turbo-32k',
    'gpt-4.1-nano': 'ernie-4.5-turbo-32k',
    'gpt-4o': 'ernie-4.5-turbo-128k',
    'gpt-4o-mini': 'ernie-4.5-turbo-32k',
    'chatgpt-4o-latest': 'ernie-4.5-turbo-128k',
    'gpt-4-turbo': 'ernie-4.5-turbo-128k',
    'gpt-4': 'ernie-4.5-turbo-32k',
    'gpt-3.5-turbo': 'ernie-3.5-8k',
    'gpt-3.5-turbo-16k': 'ernie-3.5-128k',
    'gpt-3.5-turbo-instruct': null,
    o1: 'ernie-5.0-thinking-latest',
    'o1-mini': 'ernie-x1-turbo-32k',
    o3: 'ernie-5.0-thinking-latest',
    'o3-mini': 'ernie-x1-turbo-32k',
    'o4-mini': 'ernie-x1-turbo-32k',
    'text-embedding-3-small': 'embedding-v1',
    'text-embedding-3-large': 'tao-8k',
    'text-embedding-ada-002': 'embedding-v1',
    'dall-e-3': null,
    'dall-e-2': null,
    'gpt-image-1': null,
    'whisper-1': null,
    'tts-1': null,
    'tts-1-hd': null,
    'omni-moderation-latest': null,
    'text-moderation-latest': null,
  },
  // /v2/embeddings: embedding-v1 and bge-large-* take at most 16 texts per request (QF5).
  embeddingBatchLimit: 16,
  // Chat calls with image parts (providers.md, vision rows).
  visionModel: 'ernie-4.5-turbo-vl-32k',
  capabilities: {
    'chat.completions': {
      support: 'partial',
      note: 'Strict order: first system/user, user/assistant alternate, last user (or tool); fix history.',
    },
    responses: {
      support: 'unsupported',
      note: 'Not offered on the OpenAI-compatible v2 API; use chat.completions.',
    },
    embeddings: {
      support: 'partial',
      note: '≤16 short texts per call (tao-8k: one), float only, different widths: batch and re-index.',
    },
    images: {
      support: 'unknown',
      note: 'Image models exist on Qianfan, but no OpenAI-shaped images endpoint is documented.',
    },
    'audio.transcriptions': {
      support: 'unknown',
      note: 'None documented on the OpenAI-compatible v2 API; assume unavailable.',
    },
    'audio.translations': {
      support: 'unknown',
      note: 'None documented on the OpenAI-compatible v2 API; assume unavailable.',
    },
    'audio.speech': {
      support: 'unknown',
      note: 'None documented on the OpenAI-compatible v2 API; assume unavailable.',
    },
    moderations: {
      support: 'unsupported',
      note: 'No OpenAI-compatible moderations endpoint; moderate with another service.',
    },
    files: {
      support: 'unknown',
      note: 'None documented on the OpenAI-compatible v2 API; assume unavailable.',
    },
    batches: {
      support: 'unknown',
      note: 'None documented on the OpenAI-compatible v2 API; assume unavailable.',
    },
    'fine-tuning': {
      support: 'unknown',
      note: 'No OpenAI-shaped fine-tuning documented; OpenAI fine-tunes do not carry over.',
    },
    assistants: {
      support: 'unsupported',
      note: 'No Assistants API; rebuild on chat.completions with tools.',
    },
    realtime: {
      support: 'unknown',
      note: 'None documented on the OpenAI-compatible v2 API; assume unavailable.',
    },
    'param.tool_choice': {
      support: 'unknown',
      note: 'Undocumented; tools work on ERNIE 4.x/3.5 only, not on ERNIE Speed/Tiny or hosted DeepSeek.',
    },
    'param.response_format.json_schema': {
      support: 'unknown',
      note: 'JSON modes are not confirmed; ask for JSON in the prompt and validate the reply.',
    },
    'param.dimensions': {
      support: 'unknown',
      note: 'Not documented for /v2/embeddings; each embedding model has a fixed width.',
    },
  },
} satisfies Provider;
