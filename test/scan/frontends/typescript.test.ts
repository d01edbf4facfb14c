import { describe, expect, it } from 'vitest';
import { typescriptFrontend } from '../../../src/scan/frontends/typescript/index.js';
import { project, scanFiles, type Expected } from './typescript-tester.js';

const certain = 'certain' as const;

describe('typescript frontend: valid code has no findings', () => {
  it.each([
    ['an express server', `import express from 'express';\nconst app = express();\napp.get('/', (_req, res) => res.send('ok'));\n`],
    ['a model id inside a sentence', `const banner = 'Powered by gpt-4o and friends';\n`],
    ['a model id in a comment', `// we used gpt-4 here once\nexport const x = 1;\n`],
    ['an unrelated chat.completions chain', `const chat = { completions: { create() {} } };\nchat.completions.create();\n`],
    ['an import of a package whose name starts with openai-', `import x from 'openai-edge-compat';\n`],
    ['a short o1 string outside a model position', `const levels = ['o1', 'o2'];\n`],
    ['an env var that is not about OpenAI', `const port = process.env.PORT;\n`],
    ['a short sk- string', `const sku = 'sk-small';\n`],
  ])('%s', (_name, code) => {
    expect(scanFiles({ 'src/a.ts': code })).toEqual([]);
  });
});

describe('typescript frontend: imports', () => {
  it.each<[string, string, Expected[]]>([
    ['default import', `import OpenAI from 'openai';`, [{ kind: 'import', line: 1, column: 1, api: 'openai', confidence: certain }]],
    ['named and aliased import', `import { OpenAI as Client, AzureOpenAI } from 'openai';`, [{ kind: 'import', line: 1, column: 1, api: 'openai', confidence: certain }]],
    ['namespace import', `import * as sdk from 'openai';`, [{ kind: 'import', line: 1, column: 1, api: 'openai', confidence: certain }]],
    ['type-only import', `import type { ChatCompletion } from 'openai/resources/chat/completions';`, [{ kind: 'import', line: 1, column: 1, api: 'openai/resources/chat/completions', confidence: certain }]],
    ['helpers subpath', `import { zodResponseFormat } from 'openai/helpers/zod';`, [{ kind: 'import', line: 1, column: 1, api: 'openai/helpers/zod', confidence: certain }]],
    ['require', `const OpenAI = require('openai');`, [{ kind: 'import', line: 1, column: 16, api: 'openai', confidence: certain }]],
    ['destructured require', `const { OpenAI } = require('openai');`, [{ kind: 'import', line: 1, column: 20, api: 'openai', confidence: certain }]],
    ['dynamic import', `const { default: OpenAI } = await import('openai');`, [{ kind: 'import', line: 1, column: 35, api: 'openai', confidence: certain }]],
    ['import equals', `import OpenAI = require('openai');`, [{ kind: 'import', line: 1, column: 1, api: 'openai', confidence: certain }]],
    ['a framework import', `import { ChatOpenAI } from '@langchain/openai';`, [{ kind: 'framework', line: 1, column: 1, api: '@langchain/openai', confidence: certain }]],
  ])('%s', (_name, code, expected) => {
    expect(project(scanFiles({ 'src/a.ts': code }))).toEqual(expected);
  });
});

describe('typescript frontend: clients', () => {
  it.each<[string, string, Expected[]]>([
    ['new OpenAI()', `import OpenAI from 'openai';\nconst c = new OpenAI();`, [{ kind: 'client', line: 2, column: 11, symbol: 'OpenAI', confidence: certain }]],
    ['an aliased class', `import { OpenAI as Client } from 'openai';\nconst c = new Client({ timeout: 5 });`, [{ kind: 'client', line: 2, column: 11, symbol: 'OpenAI', confidence: certain }]],
    ['AzureOpenAI', `import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ apiVersion: '2024-10-21' });`, [{ kind: 'client', line: 2, column: 11, symbol: 'AzureOpenAI', confidence: certain }]],
    ['a namespace member', `import * as sdk from 'openai';\nconst c = new sdk.OpenAI();`, [{ kind: 'client', line: 2, column: 11, symbol: 'OpenAI', confidence: certain }]],
    ['a CommonJS require', `const OpenAI = require('openai');\nconst c = new OpenAI();`, [{ kind: 'client', line: 2, column: 11, symbol: 'OpenAI', confidence: certain }]],
    ['require(...).default', `const OpenAI = require('openai').default;\nconst c = new OpenAI();`, [{ kind: 'client', line: 2, column: 11, symbol: 'OpenAI', confidence: certain }]],
    [
      'the v3 SDK',
      `import { Configuration, OpenAIApi } from 'openai';\nconst api = new OpenAIApi(new Configuration({ apiKey: 'x' }));`,
      [
        { kind: 'client', line: 2, column: 13, symbol: 'OpenAIApi', confidence: certain },
        { kind: 'client', line: 2, column: 27, symbol: 'Configuration', confidence: certain },
      ],
    ],
  ])('%s', (_name, code, expected) => {
    expect(project(scanFiles({ 'src/a.ts': code }), ['client'])).toEqual(expected);
  });

  it('resolves a class named OpenAI by its module: LlamaIndex, not the SDK', () => {
    const code = `import { OpenAI } from '@llamaindex/openai';\nconst llm = new OpenAI({ model: 'gpt-4o' });`;
    expect(project(scanFiles({ 'src/a.ts': code }), ['client'])).toEqual([
      { kind: 'client', line: 2, column: 13, api: '@llamaindex/openai', symbol: 'LlamaIndexOpenAI', confidence: certain },
    ]);
  });
});

describe('typescript frontend: API calls', () => {
  const header = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
  it.each<[string, string, Expected[]]>([
    ['chat.completions.create with a literal model', `await client.chat.completions.create({ model: 'gpt-4o', messages: [] });`, [{ kind: 'api-call', line: 3, column: 7, api: 'chat.completions.create', model: 'gpt-4o', confidence: certain }]],
    ['beta.chat.completions.parse', `await client.beta.chat.completions.parse({ model: 'gpt-4o-2024-08-06' });`, [{ kind: 'api-call', line: 3, column: 7, api: 'beta.chat.completions.parse', model: 'gpt-4o-2024-08-06', confidence: certain }]],
    ['responses.create', `client.responses.create({ model: 'o4-mini', input: 'hi' });`, [{ kind: 'api-call', line: 3, column: 1, api: 'responses.create', model: 'o4-mini', confidence: certain }]],
    ['beta.threads.runs.create with the body second', `client.beta.threads.runs.create(id, { assistant_id: a });`, [{ kind: 'api-call', line: 3, column: 1, api: 'beta.threads.runs.create', confidence: certain }]],
    ['fine_tuning.jobs.create', `client.fine_tuning.jobs.create({ training_file: f, model: 'gpt-4o-mini' });`, [{ kind: 'api-call', line: 3, column: 1, api: 'fine_tuning.jobs.create', model: 'gpt-4o-mini', confidence: certain }]],
    ['a call on new OpenAI() directly', `new OpenAI().embeddings.create({ model: 'text-embedding-3-small', input: 'x' });`, [{ kind: 'api-call', line: 3, column: 1, api: 'embeddings.create', model: 'text-embedding-3-small', confidence: certain }]],
    ['a client from withOptions', `const quick = client.withOptions({ timeout: 1 });\nquick.moderations.create({ input: 'x' });`, [{ kind: 'api-call', line: 4, column: 1, api: 'moderations.create', confidence: certain }]],
  ])('%s', (_name, code, expected) => {
    expect(project(scanFiles({ 'src/a.ts': header + code }), ['api-call'])).toEqual(expected);
  });

  it('finds calls through a class field and a typed constructor parameter', () => {
    const code = [
      `import OpenAI from 'openai';`,
      `class A { private openai = new OpenAI(); run() { return this.openai.images.generate({ model: 'dall-e-3', prompt: 'p' }); } }`,
      `class B { constructor(private readonly client: OpenAI) {} run() { return this.client.audio.transcriptions.create({ model: 'whisper-1', file }); } }`,
      `function f(api: OpenAI) { return api.batches.create({}); }`,
    ].join('\n');
    expect(project(scanFiles({ 'src/a.ts': code }), ['api-call'])).toEqual([
      { kind: 'api-call', line: 2, column: 57, api: 'images.generate', model: 'dall-e-3', confidence: certain },
      { kind: 'api-call', line: 3, column: 74, api: 'audio.transcriptions.create', model: 'whisper-1', confidence: certain },
      { kind: 'api-call', line: 4, column: 34, api: 'batches.create', confidence: certain },
    ]);
  });

  it('finds v3 methods on an OpenAIApi client', () => {
    const code = `import { Configuration, OpenAIApi } from 'openai';\nconst api = new OpenAIApi(new Configuration({}));\napi.createChatCompletion({ model: 'gpt-3.5-turbo', messages });\napi.createEmbedding({ model: 'text-embedding-ada-002', input });`;
    expect(project(scanFiles({ 'src/a.ts': code }), ['api-call'])).toEqual([
      { kind: 'api-call', line: 3, column: 1, api: 'createChatCompletion', model: 'gpt-3.5-turbo', confidence: certain },
      { kind: 'api-call', line: 4, column: 1, api: 'createEmbedding', model: 'text-embedding-ada-002', confidence: certain },
    ]);
  });

  it('follows a client exported from one file and imported in another', () => {
    const files = {
      'src/client.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
      'src/use.ts': `import { openai } from './client.js';\nopenai.chat.completions.create({ model: 'gpt-4o-mini', messages });\n`,
    };
    expect(project(scanFiles(files), ['api-call']).map((f) => ({ ...f }))).toEqual([
      { kind: 'api-call', line: 2, column: 1, api: 'chat.completions.create', model: 'gpt-4o-mini', confidence: certain },
    ]);
  });

  it('follows a default export through a re-exporting index file', () => {
    const files = {
      'src/ai/client.ts': `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport default client;\n`,
      'src/ai/index.ts': `export { default as ai } from './client';\n`,
      'src/use.ts': `import { ai } from './ai';\nai.embeddings.create({ model: 'text-embedding-3-large', input });\n`,
    };
    expect(project(scanFiles(files), ['api-call'])).toEqual([
      { kind: 'api-call', line: 2, column: 1, api: 'embeddings.create', model: 'text-embedding-3-large', confidence: certain },
    ]);
  });

  it('ignores calls on an imported name that is not a client', () => {
    const files = {
      'src/fake.ts': `export const bot = { chat: { completions: { create() {} } } };\n`,
      'src/use.ts': `import { bot } from './fake';\nbot.chat.completions.create({ model: 'gpt-4o' });\n`,
    };
    expect(project(scanFiles(files), ['api-call'])).toEqual([]);
  });
});

describe('typescript frontend: model ids', () => {
  const header = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
  it.each<[string, string, Expected[]]>([
    ['a literal in the call', `client.chat.completions.create({ model: 'gpt-4.1-mini' });`, [{ kind: 'model', line: 3, column: 41, model: 'gpt-4.1-mini', confidence: certain }]],
    ['a constant in the same file', `const MODEL = 'gpt-4o';\nclient.chat.completions.create({ model: MODEL });`, [{ kind: 'model', line: 3, column: 15, model: 'gpt-4o', confidence: certain }]],
    ['an env default', `const m = process.env.MODEL ?? 'gpt-4o-mini';\nclient.chat.completions.create({ model: m });`, [{ kind: 'model', line: 3, column: 32, model: 'gpt-4o-mini', confidence: certain }]],
    ['both branches of a conditional', `client.chat.completions.create({ model: big ? 'o3' : 'o3-mini' });`, [{ kind: 'model', line: 3, column: 47, model: 'o3', confidence: certain }, { kind: 'model', line: 3, column: 54, model: 'o3-mini', confidence: certain }]],
    ['a shorthand property from a parameter default', `function ask(model = 'gpt-5-mini') { return client.responses.create({ model, input: 'x' }); }`, [{ kind: 'model', line: 3, column: 22, model: 'gpt-5-mini', confidence: certain }]],
    ['a member of a constant object', `const MODELS = { chat: 'chatgpt-4o-latest' } as const;\nclient.chat.completions.create({ model: MODELS.chat });`, [{ kind: 'model', line: 3, column: 24, model: 'chatgpt-4o-latest', confidence: certain }]],
    ['a request object built first', `const req = { model: 'gpt-4-turbo', messages };\nclient.chat.completions.create(req);`, [{ kind: 'model', line: 3, column: 22, model: 'gpt-4-turbo', confidence: certain }]],
    ['a fine-tuned id', `client.chat.completions.create({ model: 'ft:gpt-4o-mini-2024-07-18:acme:support:9xY' });`, [{ kind: 'model', line: 3, column: 41, model: 'ft:gpt-4o-mini-2024-07-18:acme:support:9xY', confidence: certain }]],
    ['a model-named constant not seen in a call', `export const DEFAULT_MODEL = 'gpt-4o';`, [{ kind: 'model', line: 3, column: 30, model: 'gpt-4o', confidence: 'likely' }]],
    ['a model id in an unrelated array', `const options = ['gpt-4o', 'dall-e-3'];`, [{ kind: 'model', line: 3, column: 18, model: 'gpt-4o', confidence: 'possible' }, { kind: 'model', line: 3, column: 28, model: 'dall-e-3', confidence: 'possible' }]],
  ])('%s', (_name, code, expected) => {
    expect(project(scanFiles({ 'src/a.ts': header + code }), ['model'])).toEqual(expected);
  });

  it('marks an imported model constant as certain at its definition', () => {
    const files = {
      'src/config.ts': `export const CHAT_MODEL = process.env.OPENAI_MODEL ?? 'gpt-4o-mini';\nexport const TITLE = 'gpt-4o';\n`,
      'src/use.ts': `import OpenAI from 'openai';\nimport { CHAT_MODEL } from './config';\nconst c = new OpenAI();\nc.chat.completions.create({ model: CHAT_MODEL });\n`,
    };
    const findings = scanFiles(files);
    expect(project(findings, ['model'])).toEqual([
      { kind: 'model', line: 1, column: 55, model: 'gpt-4o-mini', confidence: certain },
      { kind: 'model', line: 2, column: 22, model: 'gpt-4o', confidence: 'possible' },
    ]);
    expect(project(findings, ['api-call'])).toEqual([
      { kind: 'api-call', line: 4, column: 1, api: 'chat.completions.create', model: 'gpt-4o-mini', confidence: certain },
    ]);
  });
});

describe('typescript frontend: environment variables, URLs and keys', () => {
  it.each<[string, string, Expected[]]>([
    ['process.env member', `const k = process.env.OPENAI_API_KEY;`, [{ kind: 'env-var', line: 1, column: 11, name: 'OPENAI_API_KEY', confidence: certain }]],
    ['process.env element', `const k = process.env['OPENAI_BASE_URL'];`, [{ kind: 'env-var', line: 1, column: 11, name: 'OPENAI_BASE_URL', confidence: certain }]],
    ['destructured from process.env', `const { OPENAI_API_KEY, PORT } = process.env;`, [{ kind: 'env-var', line: 1, column: 9, name: 'OPENAI_API_KEY', confidence: certain }]],
    ['import.meta.env', `const k = import.meta.env.VITE_OPENAI_API_KEY;`, [{ kind: 'env-var', line: 1, column: 11, name: 'VITE_OPENAI_API_KEY', confidence: certain }]],
    ['Deno.env.get', `const k = Deno.env.get('OPENAI_API_KEY');`, [{ kind: 'env-var', line: 1, column: 11, name: 'OPENAI_API_KEY', confidence: certain }]],
    ['a check with in', `if (!('OPENAI_API_KEY' in process.env)) throw new Error();`, [{ kind: 'env-var', line: 1, column: 7, name: 'OPENAI_API_KEY', confidence: certain }]],
    ['Object.hasOwn', `const set = Object.hasOwn(process.env, 'OPENAI_BASE_URL');`, [{ kind: 'env-var', line: 1, column: 13, name: 'OPENAI_BASE_URL', confidence: certain }]],
    ['hasOwnProperty', `const set = process.env.hasOwnProperty('OPENAI_API_KEY');`, [{ kind: 'env-var', line: 1, column: 13, name: 'OPENAI_API_KEY', confidence: certain }]],
    ['NestJS ConfigService get', `import { ConfigService } from '@nestjs/config';\nexport const k = (config: ConfigService) => config.get<string>('OPENAI_API_KEY');`, [{ kind: 'env-var', line: 2, column: 45, name: 'OPENAI_API_KEY', confidence: certain }]],
    ['a get of a config object in a file without @nestjs/config', `export const k = (config: Map<string, string>) => config.get('OPENAI_API_KEY');`, []],
    ['a get on a receiver not named config', `import { ConfigService } from '@nestjs/config';\nexport const k = (cache: Map<string, string>) => cache.get('OPENAI_API_KEY');`, []],
    ['checks of other variables and other objects', `const a = 'DATABASE_URL' in process.env;\nconst b = 'OPENAI_API_KEY' in config;\nconst c = Object.hasOwn(settings, 'OPENAI_API_KEY');`, []],
    ['a base URL string', `const u = 'https://api.openai.com/v1';`, [{ kind: 'base-url', line: 1, column: 12, api: 'https://api.openai.com/v1', confidence: certain }]],
    ['a base URL in a template', 'fetch(`https://api.openai.com/v1/models/${id}`);', [{ kind: 'base-url', line: 1, column: 8, api: 'https://api.openai.com/v1/models/', confidence: certain }]],
  ])('%s', (_name, code, expected) => {
    expect(project(scanFiles({ 'src/a.ts': code }))).toEqual(expected);
  });

  it('reports a hard-coded key with its value redacted from the snippet', () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';
    const [finding, ...rest] = scanFiles({ 'src/a.ts': `const key = '${key}';` });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'api-key', span: { line: 1, column: 14 }, snippet: "const key = 'sk-proj-***';" });
    expect(JSON.stringify(finding)).not.toContain('abcdefghij');
  });

  it('reports a key written in a comment', () => {
    const findings = scanFiles({ 'src/a.ts': `// old key: sk-abcdefghijklmnopqrstuvwxyz0123\nexport {};` });
    expect(project(findings)).toEqual([{ kind: 'api-key', line: 1, column: 13, confidence: certain }]);
  });
});

describe('typescript frontend: files that do not parse', () => {
  it('returns a one-line reason instead of throwing', () => {
    const result = typescriptFrontend.scan({ path: 'src/a.ts', text: 'const x = ;\n' });
    expect(result).toEqual({ ok: false, message: '1:11 Expression expected.' });
  });

  it('verifies edited text the same way', () => {
    expect(typescriptFrontend.verify('a.ts', 'const x = 1;')).toBeNull();
    expect(typescriptFrontend.verify('a.ts', 'const x = {')).toMatch(/^1:12 /);
  });

  it('parses JSX in .tsx and .jsx files', () => {
    const code = `import OpenAI from 'openai';\nexport const A = () => <div title="gpt-4o">hi</div>;\n`;
    expect(typescriptFrontend.scan({ path: 'a.tsx', text: code }).ok).toBe(true);
    expect(typescriptFrontend.scan({ path: 'a.jsx', text: code }).ok).toBe(true);
  });
});

describe('typescript frontend: frameworks', () => {
  it.each<[string, string, Expected[]]>([
    [
      'a LangChain chat model with its model option',
      `import { ChatOpenAI } from '@langchain/openai';\nconst m = new ChatOpenAI({ modelName: 'gpt-4' });`,
      [
        { kind: 'client', line: 2, column: 11, api: '@langchain/openai', symbol: 'ChatOpenAI', confidence: certain },
        { kind: 'model', line: 2, column: 39, model: 'gpt-4', confidence: certain },
      ],
    ],
    [
      'a LangChain model id given positionally',
      `import { ChatOpenAI } from 'langchain/chat_models/openai';\nconst m = new ChatOpenAI('gpt-4o-mini');`,
      [
        { kind: 'client', line: 2, column: 11, api: 'langchain/chat_models/openai', symbol: 'ChatOpenAI', confidence: certain },
        { kind: 'model', line: 2, column: 26, model: 'gpt-4o-mini', confidence: certain },
      ],
    ],
    [
      'AI SDK provider calls, the default one and a method',
      `import { openai } from '@ai-sdk/openai';\nconst a = openai('gpt-4o');\nconst b = openai.embedding('text-embedding-3-small');`,
      [
        { kind: 'api-call', line: 2, column: 11, api: 'ai-sdk:default', model: 'gpt-4o', confidence: certain },
        { kind: 'model', line: 2, column: 18, model: 'gpt-4o', confidence: certain },
        { kind: 'api-call', line: 3, column: 11, api: 'ai-sdk:embedding', model: 'text-embedding-3-small', confidence: certain },
        { kind: 'model', line: 3, column: 28, model: 'text-embedding-3-small', confidence: certain },
      ],
    ],
    [
      'a createOpenAI provider and its chat model',
      `import { createOpenAI } from '@ai-sdk/openai';\nconst p = createOpenAI({});\nconst m = p.chat('o3-mini');`,
      [
        { kind: 'client', line: 2, column: 11, api: '@ai-sdk/openai', symbol: 'createOpenAI', confidence: certain },
        { kind: 'api-call', line: 3, column: 11, api: 'ai-sdk:chat', model: 'o3-mini', confidence: certain },
        { kind: 'model', line: 3, column: 18, model: 'o3-mini', confidence: certain },
      ],
    ],
  ])('%s', (_name, code, expected) => {
    expect(project(scanFiles({ 'src/a.ts': code }), ['client', 'api-call', 'model'])).toEqual(expected);
  });

  it('does not treat a call on an unrelated imported name as an AI SDK provider', () => {
    const files = {
      'src/chat.ts': `export const helper = { chat: (id: string) => id };\n`,
      'src/use.ts': `import { helper } from './chat';\nhelper.chat('gpt-4o');\n`,
    };
    expect(project(scanFiles(files), ['api-call'])).toEqual([]);
  });
});
