import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { copyRunnableFixture, envFor, migrateTo, removeRunnableFixtures, runProgram } from './run-program.js';

/**
 * The real `@langchain/openai` constructed without a model: the request shows the library's
 * default before migration, and the target's model for it after, as the plan says.
 */
const PROGRAM = [
  "import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';",
  '',
  'const chat = new ChatOpenAI({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 0 });',
  'const embeddings = new OpenAIEmbeddings({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 0 });',
  '',
  'console.log((await chat.invoke(\'ping\')).content);',
  '// The stand-in fetch answers with a chat completion, which is no embeddings reply: only the request matters.',
  'await embeddings.embedQuery(\'ping\').catch(() => undefined);',
  '',
].join('\n');

afterAll(removeRunnableFixtures);

async function project(): Promise<string> {
  const root = await copyRunnableFixture('e2e-langchain');
  await writeFile(path.join(root, 'main.mjs'), PROGRAM);
  return root;
}

describe.concurrent('LangChain defaults in the request', () => {
  it('sends gpt-3.5-turbo and text-embedding-ada-002 when the code names no model', async ({ expect }) => {
    const run = await runProgram(await project(), { OPENAI_API_KEY: 'test-key-openai' });

    expect(run.requests.map((request) => [request.url, request.body?.model])).toEqual([
      ['https://api.openai.com/v1/chat/completions', 'gpt-3.5-turbo'],
      ['https://api.openai.com/v1/embeddings', 'text-embedding-ada-002'],
    ]);
  });

  it.for([
    ['zhipu', 'glm-4-flash', 'embedding-3'],
    ['dashscope', 'qwen-flash', 'text-embedding-v4'],
  ] as const)('sends the %s models for those defaults after migration', async ([id, chat, embedding], { expect }) => {
    const provider = getProviderOrThrow(id);
    const root = await project();
    await migrateTo(root, provider);

    const run = await runProgram(root, envFor(provider));

    expect(run.requests.map((request) => [request.url, request.body?.model, request.authorization])).toEqual([
      [`${provider.baseUrls[provider.defaultRegion]}/chat/completions`, chat, `Bearer test-key-${id}`],
      [`${provider.baseUrls[provider.defaultRegion]}/embeddings`, embedding, `Bearer test-key-${id}`],
    ]);
  });
});
