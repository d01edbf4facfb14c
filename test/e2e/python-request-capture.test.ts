import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/index.js';
import { capturedRequests, copyRunnableFixture, envFor, expectedBaseUrl, expectedModel, migrateTo, removeRunnableFixtures } from './run-program.js';
import { pythonWithOpenAI, runPythonProgram } from './run-python.js';

/**
 * Runs `fixtures/e2e-python` with the real `openai` Python package (pinned in
 * test/e2e/python/requirements.txt, installed into .cache/python-venv), before and after
 * migration, and checks the requests its sync and async clients send. The child's environment
 * holds only the target's variables: a key left as OPENAI_API_KEY makes the SDK raise, and a
 * missing base URL shows up as api.openai.com.
 */
const FIXTURE = 'e2e-python';
let python: string;

beforeAll(async () => {
  python = await pythonWithOpenAI();
}, 300_000);
afterEach(removeRunnableFixtures);

describe('the requests the openai Python package sends from fixtures/e2e-python', () => {
  it('go to api.openai.com with OPENAI_API_KEY before migration', async () => {
    const root = await copyRunnableFixture(FIXTURE);

    const run = await runPythonProgram(python, root, { OPENAI_API_KEY: 'test-key-openai' });

    const request = {
      method: 'POST',
      url: 'https://api.openai.com/v1/chat/completions',
      authorization: 'Bearer test-key-openai',
      apiKey: null,
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] },
    };
    expect(run.requests).toEqual([request, request]);
    expect(run.stdout).toBe('pong\npong\n');
  });

  it.each(providers.map((provider) => [provider.id, provider] as const))(
    'go to the %s base URL with its key variable and mapped model after migration',
    async (id, provider) => {
      const root = await copyRunnableFixture(FIXTURE);
      await migrateTo(root, provider);

      const run = await runPythonProgram(python, root, envFor(provider));

      expect(run.requests).toHaveLength(2);
      for (const request of run.requests) {
        expect(request.method).toBe('POST');
        expect(request.url).toBe(`${expectedBaseUrl(provider)}/chat/completions`);
        expect(request.authorization).toBe(`Bearer test-key-${id}`);
        expect(request.body?.model).toBe(expectedModel(provider, 'gpt-4o-mini'));
      }
      expect(run.stdout).toBe('pong\npong\n');
    },
  );

  it('never sends the OpenAI key to the new provider when the target key is unset', async () => {
    const root = await copyRunnableFixture(FIXTURE);
    await migrateTo(root, providers.find((p) => p.id === 'zhipu')!);

    // The key read falls back to "", which the SDK refuses rather than reading OPENAI_API_KEY.
    await expect(runPythonProgram(python, root, { OPENAI_API_KEY: 'sk-openai-secret' })).rejects.toThrow(/Missing credentials/);
    expect(await capturedRequests(root)).toEqual([]);
  });

  it("goes to the Azure deployment URL with the api-key header on Azure's dated API", async () => {
    const root = await copyRunnableFixture(FIXTURE);
    await migrateTo(root, providers.find((p) => p.id === 'azure')!, 'dated');

    const run = await runPythonProgram(python, root, { AZURE_OPENAI_API_KEY: 'test-key-azure', AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com' });

    expect(run.requests).toHaveLength(2);
    for (const request of run.requests) {
      expect(request).toMatchObject({
        url: 'https://contoso.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21',
        apiKey: 'test-key-azure',
        body: { model: 'gpt-4o-mini' },
      });
    }
    expect(run.stdout).toBe('pong\npong\n');
  });
});
