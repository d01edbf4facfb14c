import { afterAll, describe, it } from 'vitest';
import { providers } from '../../src/providers/index.js';
import {
  capturedRequests,
  copyRunnableFixture,
  envFor,
  expectedBaseUrl,
  expectedModel,
  migrateTo,
  removeRunnableFixtures,
  runProgram,
} from './run-program.js';

/**
 * Runs `fixtures/e2e-ai-sdk` with the real `ai` and `@ai-sdk/openai` packages and
 * `fixtures/e2e-langchain` with the real `@langchain/openai`, before and after migration, and
 * checks the request each library builds (see `run-program.ts`: nothing reaches the network).
 * Before migration AI SDK 5's `openai('id')` calls the Responses API; the migrated
 * `openai.chat('id')` must call the target's chat completions.
 */
// [library, fixture, the URL it calls before migration]
const FRAMEWORKS = [
  ['the AI SDK', 'e2e-ai-sdk', 'https://api.openai.com/v1/responses'],
  ['LangChain', 'e2e-langchain', 'https://api.openai.com/v1/chat/completions'],
] as const;
const MODEL = 'gpt-4o-mini';

// Each child loads a whole framework, so they run a few at a time (vitest's maxConcurrency).
// Concurrent tests take `expect` from their context, and the copies are removed once all are done.
afterAll(removeRunnableFixtures);

describe.concurrent.each(FRAMEWORKS)('the request %s sends from fixtures/%s', (_library, fixture, openaiUrl) => {
  it(`goes to ${openaiUrl} with OPENAI_API_KEY before migration`, async ({ expect }) => {
    const root = await copyRunnableFixture(fixture);

    const run = await runProgram(root, { OPENAI_API_KEY: 'test-key-openai' });

    expect(run.requests).toHaveLength(1);
    expect(run.requests[0]).toMatchObject({
      method: 'POST',
      url: openaiUrl,
      authorization: 'Bearer test-key-openai',
      apiKey: null,
      body: { model: MODEL },
    });
    expect(run.stdout).toBe('pong\n');
  });

  it.for(providers.map((provider) => [provider.id, provider] as const))(
    'goes to the %s chat completions with its key variable and mapped model after migration',
    async ([id, provider], { expect }) => {
      const root = await copyRunnableFixture(fixture);
      await migrateTo(root, provider);

      const run = await runProgram(root, envFor(provider));

      expect(run.requests).toHaveLength(1);
      const [request] = run.requests;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe(`${expectedBaseUrl(provider)}/chat/completions`);
      expect(request?.authorization).toBe(`Bearer test-key-${id}`);
      expect(request?.body?.model).toBe(expectedModel(provider, MODEL));
      expect(run.stdout).toBe('pong\n');
    },
  );

  it('never sends the OpenAI key to the new provider when the target key is unset', async ({ expect }) => {
    const root = await copyRunnableFixture(fixture);
    await migrateTo(root, providers.find((p) => p.id === 'zhipu')!);

    // Failing before any request is fine too: the `openai` that @langchain/openai uses rejects an empty key.
    await runProgram(root, { OPENAI_API_KEY: 'sk-openai-secret' }).catch(() => undefined);

    expect((await capturedRequests(root)).map((request) => request.authorization)).not.toContain('Bearer sk-openai-secret');
  });
});
