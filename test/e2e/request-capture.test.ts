import { afterEach, describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/index.js';
import {
  copyRunnableFixture,
  envFor,
  expectedBaseUrl,
  expectedModel,
  migrateTo,
  removeRunnableFixtures,
  runProgram,
} from './run-program.js';

/**
 * Runs `fixtures/e2e-chat` with the real `openai` package, before and after migration, and
 * checks the request the SDK builds. `capture-fetch.mjs` stands in for `fetch`, so nothing
 * reaches the network. The child's environment holds only the target's variables: a key left
 * as OPENAI_API_KEY makes the SDK throw, and a missing base URL shows up as api.openai.com.
 */
const FIXTURE = 'e2e-chat';

afterEach(removeRunnableFixtures);

describe('the request the openai SDK sends from fixtures/e2e-chat', () => {
  it('goes to api.openai.com with OPENAI_API_KEY before migration', async () => {
    const root = await copyRunnableFixture(FIXTURE);

    const run = await runProgram(root, { OPENAI_API_KEY: 'test-key-openai' });

    expect(run.requests).toEqual([
      {
        method: 'POST',
        url: 'https://api.openai.com/v1/chat/completions',
        authorization: 'Bearer test-key-openai',
        apiKey: null,
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] },
      },
    ]);
    expect(run.stdout).toBe('pong\n');
  });

  it.each(providers.map((provider) => [provider.id, provider] as const))(
    'goes to the %s base URL with its key variable and mapped model after migration',
    async (id, provider) => {
      const root = await copyRunnableFixture(FIXTURE);
      await migrateTo(root, provider);

      const run = await runProgram(root, envFor(provider));

      expect(run.requests).toHaveLength(1);
      const [request] = run.requests;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe(`${expectedBaseUrl(provider)}/chat/completions`);
      expect(request?.authorization).toBe(`Bearer test-key-${id}`);
      expect(request?.body?.model).toBe(expectedModel(provider, 'gpt-4o-mini'));
      expect(run.stdout).toBe('pong\n');
    },
  );

  it('never sends the OpenAI key to the new provider when the target key is unset', async () => {
    const root = await copyRunnableFixture(FIXTURE);
    await migrateTo(root, providers.find((p) => p.id === 'zhipu')!);

    const run = await runProgram(root, { OPENAI_API_KEY: 'sk-openai-secret' });

    expect(run.requests.map((request) => request.authorization)).not.toContain('Bearer sk-openai-secret');
  });

  it("goes to the Azure deployment URL with the api-key header on Azure's dated API", async () => {
    const root = await copyRunnableFixture(FIXTURE);
    await migrateTo(root, providers.find((p) => p.id === 'azure')!, 'dated');

    const run = await runProgram(root, { AZURE_OPENAI_API_KEY: 'test-key-azure', AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com' });

    expect(run.requests).toHaveLength(1);
    expect(run.requests[0]).toMatchObject({
      url: 'https://contoso.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21',
      apiKey: 'test-key-azure',
      body: { model: 'gpt-4o-mini' },
    });
    expect(run.stdout).toBe('pong\n');
  });
});
