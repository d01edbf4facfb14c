import { describe, expect, it } from 'vitest';
import { isModelId } from '../../../src/core/model-ids.js';
import { dotenvFrontend } from '../../../src/scan/frontends/dotenv.js';
import { jsonFrontend } from '../../../src/scan/frontends/json.js';
import { isOpenAISettingName } from '../../../src/scan/frontends/openai-names.js';
import { packageJsonFrontend } from '../../../src/scan/frontends/package-json.js';
import { yamlFrontend } from '../../../src/scan/frontends/yaml.js';
import { expectFindings } from './settings-tester.js';
import { scanFiles } from './typescript-tester.js';

/** What real projects write that mentions OpenAI but is nothing a migration must change. */
describe('hard negatives in code', () => {
  const sdk = { 'src/sdk.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI();\n` };
  it.each([
    ['a prefix check', `export const isGpt4 = (model: string) => model.startsWith('gpt-4');\n`],
    ['an includes check', `if (model.toLowerCase().includes('gpt-4o')) limit = 128_000;\n`],
    ['a prefix check on a gpt-5 id', `export const reasoning = (m: string) => m.startsWith('o3') || m.startsWith('gpt-5');\n`],
    ['a regex capability test', `export const vision = (m: string) => /gpt-4o|vision/.test(m);\n`],
    ['a RegExp built from an id', `export const pattern = new RegExp('gpt-4o-mini');\n`],
    ['an id in another provider\'s catalogue', `export const GROQ_MODELS = ['llama-3.1-70b-versatile', 'openai/gpt-oss-120b'];\n`],
    ['an id in a map of another provider', `export const catalogue = { openrouterModels: ['openai/gpt-4o'] };\n`],
    ['a project knob named OPENAI_*', `const debug = process.env.OPENAI_API_DISABLE_DEBUG !== 'true';\n`],
    ['a batch-size knob named OPENAI_*', `export const size = Number(process.env.OPENAI_EMBEDDING_BATCH_SIZE ?? 64);\n`],
    ['an env name inside an error message', `throw new Error('Missing OPENAI_API_KEY or OPENAI_ACCESS_TOKEN environment variable');\n`],
    ['commented-out code', `// const legacy = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));\nexport {};\n`],
    ['a local module named openai', `import { ask } from './openai.js';\nconst { client: c } = require('../services/openai');\n`],
    ['a tokenizer package', `import { encode } from 'gpt-tokenizer';\nimport { get_encoding } from 'tiktoken';\n`],
    ['prose in a markdown template literal', 'export const PROMPT = `You are ChatGPT, trained by OpenAI.\\nCurrent model: gpt-4o\\n`;\n'],
    ['an app name containing chatgpt', `export const APP_TITLE = 'ChatGPT Web';\nexport const id = 'chatgpt-web';\n`],
  ])('%s', (_name, code) => {
    expect(scanFiles({ ...sdk, 'src/a.ts': code }).filter((f) => f.file === 'src/a.ts')).toEqual([]);
  });
});

describe('hard negatives in settings files', () => {
  it('does not report project knobs named OPENAI_* in .env files', () => {
    expectFindings(dotenvFrontend, '.env.example', 'OPENAI_API_DISABLE_DEBUG=true\nOPENAI_EMBEDDING_BATCH_SIZE=64\nOPENAI_TIMEOUT_MS=30000\n', []);
  });

  it('does not report a spell-checker word list', () => {
    const settings = '{\n  "cspell.words": ["openai", "chatgpt", "gpt-4o-mini", "davinci"],\n  "cSpell.ignoreWords": ["gpt-35-turbo"]\n}\n';
    expectFindings(jsonFrontend, '.vscode/settings.json', settings, []);
    expectFindings(jsonFrontend, 'cspell.json', '{ "words": ["gpt-4o"] }\n', []);
  });

  it('does not take app and package names containing chatgpt for models', () => {
    expectFindings(packageJsonFrontend, 'package.json', '{ "name": "chatgpt-web", "keywords": ["chatgpt-web", "chatgpt"] }\n', []);
    expectFindings(yamlFrontend, 'k8s/deploy.yaml', 'metadata:\n  name: chatgpt-web\n  labels:\n    app: chatgpt-next-lite\n', []);
  });

  it('does not report an OPENAI_* knob named in a compose file', () => {
    expectFindings(yamlFrontend, 'docker-compose.yml', 'services:\n  api:\n    environment:\n      - OPENAI_API_DISABLE_DEBUG=true\n', []);
  });
});

describe('OpenAI setting names and model ids', () => {
  it.each([
    ['OPENAI_API_KEY', true],
    ['AZURE_OPENAI_ENDPOINT', true],
    ['VITE_OPENAI_API_BASE_URL', true],
    ['OPENAI_ACCESS_TOKEN', true],
    ['OPENAI_ASSISTANT_MODEL', true],
    ['OPENAI_ORG_ID', true],
    ['openAiBaseUrl', true],
    ['OPENAI_API_DISABLE_DEBUG', false],
    ['OPENAI_EMBEDDING_BATCH_SIZE', false],
    ['OPENAI_MAX_TOKENS', false],
    ['PORT', false],
  ])('%s is a setting: %s', (name, expected) => {
    expect(isOpenAISettingName(name)).toBe(expected);
  });

  it.each([
    ['chatgpt-4o-latest', true],
    ['chatgpt-web', false],
    ['chatgpt-next-lite', false],
  ])('%s is a model id: %s', (value, expected) => {
    expect(isModelId(value)).toBe(expected);
  });
});
