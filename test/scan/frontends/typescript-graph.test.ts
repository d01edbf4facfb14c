import { describe, expect, it } from 'vitest';
import type { FindingKind } from '../../../src/core/types.js';
import { scanFiles } from './typescript-tester.js';

/** `file:line api confidence` of every finding of the kind, for compact tables. */
function calls(files: Record<string, string>, kind: FindingKind = 'api-call'): string[] {
  return scanFiles(files)
    .filter((f) => f.kind === kind)
    .map((f) => `${f.file}:${f.span.line} ${f.api ?? f.model ?? f.name} ${f.confidence}`);
}

const SDK_CJS = `const OpenAI = require('openai');\n`;
const SDK_ESM = `import OpenAI from 'openai';\n`;

describe('typescript frontend: clients that travel through the project', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'CommonJS module.exports = client, required whole',
      {
        'src/config/openai.js': `${SDK_CJS}const openai = new OpenAI();\nmodule.exports = openai;\n`,
        'src/routes/chat.js': `const openai = require('../config/openai');\nopenai.chat.completions.create({ model: 'gpt-4o' });\n`,
      },
      ['src/routes/chat.js:2 chat.completions.create certain'],
    ],
    [
      'CommonJS exports.name = client, destructured by require',
      {
        'lib/ai.js': `${SDK_CJS}exports.ai = new OpenAI();\n`,
        'lib/use.js': `const { ai } = require('./ai');\nai.embeddings.create({ input: 'x' });\n`,
      },
      ['lib/use.js:2 embeddings.create certain'],
    ],
    [
      'CommonJS module.exports = { openai } and a member of the required module',
      {
        'src/clients.js': `${SDK_CJS}const openai = new OpenAI();\nmodule.exports = { openai };\n`,
        'src/use.js': `const clients = require('./clients');\nclients.openai.moderations.create({ input: 'x' });\n`,
      },
      ['src/use.js:2 moderations.create certain'],
    ],
    [
      'a promise of a client exported by an async IIFE, awaited or not',
      {
        'src/ready.js': `const { OpenAI } = require('openai');\nexports.openai = (async () => {\n  const apiKey = await load();\n  return new OpenAI({ apiKey });\n})();\n`,
        'src/use.js': `const { openai } = require('./ready');\nasync function f() {\n  const client = await openai;\n  await client.files.create({});\n  await (await openai).images.generate({});\n  return openai.beta.threads.del('t');\n}\n`,
      },
      ['src/use.js:4 files.create certain', 'src/use.js:5 images.generate certain', 'src/use.js:6 beta.threads.del certain'],
    ],
    [
      'a factory caching its client in a module variable, called or assigned first',
      {
        'src/lib/llm.js': `${SDK_CJS}let client = null;\nfunction getClient() {\n  if (!client) client = new OpenAI();\n  return client;\n}\nmodule.exports = { getClient };\n`,
        'src/use.js': `const { getClient } = require('./lib/llm');\nconst c = getClient();\nc.batches.create({});\ngetClient().moderations.create({ input: 'x' });\n`,
      },
      ['src/use.js:3 batches.create certain', 'src/use.js:4 moderations.create certain'],
    ],
    [
      'an async factory typed Promise<OpenAI> with ??=, imported with a .js suffix from a .ts file',
      {
        'app/lib/llm.ts': `${SDK_ESM}let instance: OpenAI | undefined;\nexport async function getOpenAI(): Promise<OpenAI> {\n  instance ??= new OpenAI();\n  return instance;\n}\n`,
        'app/api/route.ts': `import { getOpenAI } from '../lib/llm.js';\nconst openai = await getOpenAI();\nopenai.chat.completions.create({ model: 'gpt-4o-mini' });\n`,
      },
      ['app/api/route.ts:3 chat.completions.create certain'],
    ],
    [
      'a factory typed as returning OpenAI, imported through a tsconfig path alias',
      {
        'app/lib/llm.ts': `${SDK_ESM}export function createOpenAIClient(): OpenAI {\n  return new OpenAI();\n}\n`,
        'app/api/image/route.ts': `import { createOpenAIClient } from '@/app/lib/llm';\nconst client = createOpenAIClient();\nclient.images.generate({ model: 'dall-e-3', prompt: 'p' });\n`,
      },
      ['app/api/image/route.ts:3 images.generate certain'],
    ],
    [
      "a client imported through SvelteKit's $lib, and a $env module that is not the project's",
      {
        'src/lib/server/openai.ts': `${SDK_ESM}export const openai = new OpenAI();\n`,
        'src/lib/env.ts': `export const openai = { chat: { completions: { create() {} } } };\n`,
        'src/routes/api/chat/+server.ts': `import { openai } from '$lib/server/openai';\nimport { env } from '$env/dynamic/private';\nopenai.chat.completions.create({ model: 'gpt-4o-mini' });\n`,
      },
      ['src/routes/api/chat/+server.ts:3 chat.completions.create certain'],
    ],
    [
      'destructured resources of a client',
      {
        'src/a.ts': `${SDK_ESM}const client = new OpenAI();\nconst { chat, embeddings: vectors } = client;\nchat.completions.create({ model: 'gpt-4o' });\nvectors.create({ input: 'x' });\n`,
      },
      ['src/a.ts:4 chat.completions.create certain', 'src/a.ts:5 embeddings.create certain'],
    ],
    [
      'destructured resources of a client from an imported factory',
      {
        'src/llm.js': `${SDK_CJS}function getClient() { return new OpenAI(); }\nmodule.exports = { getClient };\n`,
        'src/summary.js': `const { getClient } = require('./llm');\nconst { chat } = getClient();\nchat.completions.create({ model: 'gpt-4o-mini' });\n`,
      },
      ['src/summary.js:3 chat.completions.create certain'],
    ],
    [
      'a barrel re-exporting everything, through an index file',
      {
        'src/ai/client.ts': `${SDK_ESM}export const openai = new OpenAI();\n`,
        'src/ai/index.ts': `export * from './client';\n`,
        'src/use.ts': `import { openai } from './ai';\nopenai.responses.create({ model: 'gpt-4.1' });\n`,
      },
      ['src/use.ts:2 responses.create certain'],
    ],
    [
      'a barrel that the prefilter skipped: the name is found at its one exporter',
      {
        'src/ai/client.ts': `${SDK_ESM}export const openai = new OpenAI();\n`,
        'src/use.ts': `import { openai } from './ai';\nopenai.responses.create({ model: 'gpt-4.1' });\n`,
      },
      ['src/use.ts:2 responses.create certain'],
    ],
    [
      'a client injected through a constructor parameter typed OpenAI from a type import',
      {
        'src/embed.ts': `import type OpenAI from 'openai';\nexport class Embedder {\n  constructor(private readonly openai: OpenAI) {}\n  run() { return this.openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }); }\n}\n`,
      },
      ['src/embed.ts:4 embeddings.create certain'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(calls(files)).toEqual(expected);
  });

  it('links a model constant exported by a CommonJS object to the call that sends it', () => {
    const files = {
      'src/constants.js': `module.exports = {\n  CHAT_MODEL: process.env.CHAT_MODEL || 'gpt-4o-mini',\n};\n`,
      'src/client.js': `${SDK_CJS}module.exports = new OpenAI();\n`,
      'src/use.js': `const { CHAT_MODEL } = require('./constants');\nconst openai = require('./client');\nopenai.chat.completions.create({ model: CHAT_MODEL });\n`,
    };
    expect(calls(files, 'model')).toEqual(['src/constants.js:2 gpt-4o-mini certain']);
  });

  const client = { 'src/ai.ts': `${SDK_ESM}export const openai = new OpenAI();\n` };
  const modelsObject = `export const MODELS = {\n  chat: 'gpt-4o-mini',\n  embed: 'text-embedding-3-small',\n} as const;\n`;

  it.each<[string, Record<string, string>, string[], string[]]>([
    [
      'a member of an exported object of models, imported by name',
      { ...client, 'src/models.ts': modelsObject, 'src/use.ts': `import { openai } from './ai';\nimport { MODELS } from './models';\nopenai.chat.completions.create({ model: MODELS.chat });\n` },
      ['src/use.ts:3 gpt-4o-mini certain'],
      ['src/models.ts:2 gpt-4o-mini certain', 'src/models.ts:3 text-embedding-3-small possible'],
    ],
    [
      'the same object reached through `export *` and an alias path',
      { ...client, 'src/config/models.ts': modelsObject, 'src/config/index.ts': `export * from './models';\n`, 'src/use.ts': `import { openai } from './ai';\nimport { MODELS } from '@/config';\nopenai.embeddings.create({ model: MODELS.embed, input: 'x' });\n` },
      ['src/use.ts:3 text-embedding-3-small certain'],
      ['src/config/models.ts:2 gpt-4o-mini possible', 'src/config/models.ts:3 text-embedding-3-small certain'],
    ],
    [
      'an export of a namespace import, and a member of a default-exported object',
      { ...client, 'src/ids.ts': `export const CHAT = 'gpt-4o';\n`, 'src/defaults.ts': `export default { chat: 'o3-mini' };\n`, 'src/use.ts': `import { openai } from './ai';\nimport * as ids from './ids';\nimport defaults from './defaults';\nopenai.chat.completions.create({ model: ids.CHAT });\nopenai.chat.completions.create({ model: defaults.chat });\n` },
      ['src/use.ts:4 gpt-4o certain', 'src/use.ts:5 o3-mini certain'],
      ['src/defaults.ts:1 o3-mini certain', 'src/ids.ts:1 gpt-4o certain'],
    ],
    [
      'a local parameter of the same name, which hides the import',
      { ...client, 'src/models.ts': modelsObject, 'src/use.ts': `import { openai } from './ai';\nimport { MODELS } from './models';\nexport function f(MODELS: { chat: string }) {\n  return openai.chat.completions.create({ model: MODELS.chat });\n}\n` },
      ['src/use.ts:4 undefined certain'],
      ['src/models.ts:2 gpt-4o-mini possible', 'src/models.ts:3 text-embedding-3-small possible'],
    ],
  ])('links %s to the call that sends it', (_name, files, sent, models) => {
    expect(scanFiles(files).filter((f) => f.kind === 'api-call').map((f) => `${f.file}:${f.span.line} ${f.model} ${f.confidence}`)).toEqual(sent);
    expect(calls(files, 'model')).toEqual(models);
  });
});

describe('typescript frontend: distinctive SDK chains on receivers nothing resolves', () => {
  const service = `class AssistantService {\n  constructor(openai) { this.openai = openai; }\n  ask(id) { return this.openai.beta.threads.runs.createAndPoll(id, {}); }\n  list() { return this.threads.create({}); }\n}\n`;

  it.each<[string, Record<string, string>, string[]]>([
    ['an Assistants chain on an injected, untyped field: likely', { 'src/sdk.js': `${SDK_CJS}module.exports = new OpenAI();\n`, 'src/service.js': service }, ['src/service.js:3 beta.threads.runs.createAndPoll likely']],
    ['the same with no OpenAI import anywhere in the project: not reported', { 'src/service.js': service }, []],
    [
      'chat.completions.create on a parameter, vector store files on a property path',
      { 'src/sdk.ts': `${SDK_ESM}export const sdk = new OpenAI();\n`, 'src/h.ts': `export function h(llm) {\n  llm.chat.completions.create({ model: 'gpt-4o' });\n  return deps.ai.vectorStores.files.createAndPoll('vs', { file_id: 'f' });\n}\n` },
      ['src/h.ts:2 chat.completions.create likely', 'src/h.ts:3 vectorStores.files.createAndPoll likely'],
    ],
    [
      'common chains count only on a receiver named for OpenAI or an LLM',
      { 'src/sdk.ts': `${SDK_ESM}export const sdk = new OpenAI();\n`, 'src/h.ts': `export async function h(db, openaiClient) {\n  await db.files.create({});\n  await openaiClient.files.create({});\n  await db.embeddings.create({});\n}\n` },
      ['src/h.ts:3 files.create likely'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(calls(files)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a mock object literal', `const mockOpenAI = { beta: { threads: { create: jest.fn() } } };\nawait mockOpenAI.beta.threads.create();\n`],
    ['a double named as one', `await fakeClient.chat.completions.create({ model: 'gpt-4o' });\n`],
    ['a vi.fn() value', `const client = vi.fn();\nclient.chat.completions.create({});\n`],
    ['a chain continued by a mock method', `client.beta.threads.runs.createAndPoll.mockResolvedValue({ status: 'completed' });\n`],
    ['a chain only passed to expect', `expect(client.beta.threads.messages.create).toHaveBeenCalled();\n`],
    ['a Mongoose model with a create method', `await this.threads.create({ userId });\n`],
  ])('does not report calls on %s', (_name, code) => {
    expect(calls({ 'src/sdk.ts': `${SDK_ESM}export const sdk = new OpenAI();\n`, 'test/a.test.ts': code })).toEqual([]);
  });
});
