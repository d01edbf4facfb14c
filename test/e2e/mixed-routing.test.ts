import { afterEach, describe, expect, it } from 'vitest';
import { capabilityFor, providers } from '../../src/providers/index.js';
import { copyRunnableFixture, envFor, expectedBaseUrl, migrateTo, removeRunnableFixtures, runProgram } from './run-program.js';

/**
 * `fixtures/e2e-mixed-routing` has two clients: one for chat, one only for the Assistants API.
 * After migration, with both the OpenAI key and the target's key set, every request must carry
 * the key of the host it goes to: the target's key never leaves for another host, and the
 * OpenAI key never reaches the target.
 */
const FIXTURE = 'e2e-mixed-routing';
const OPENAI_KEY = 'sk-proj-e2eOpenAIKeyThatMustStayHome0123456789';

afterEach(removeRunnableFixtures);

describe('keys follow their requests in a migrated app with a client left on OpenAI', () => {
  it.each(providers.map((provider) => [provider.id, provider] as const))('%s', async (id, provider) => {
    const root = await copyRunnableFixture(FIXTURE);
    await migrateTo(root, provider);

    const run = await runProgram(root, { ...envFor(provider), OPENAI_API_KEY: OPENAI_KEY });

    const targetKey = `Bearer test-key-${id}`;
    const targetOrigin = new URL(expectedBaseUrl(provider)).origin;
    expect(run.requests).toHaveLength(2);
    for (const request of run.requests) {
      const toTarget = new URL(request.url).origin === targetOrigin;
      expect(request.authorization, request.url).toBe(toTarget ? targetKey : `Bearer ${OPENAI_KEY}`);
    }
    const [chat, thread] = run.requests;
    expect(chat?.url).toBe(`${expectedBaseUrl(provider)}/chat/completions`);
    // A target that offers the API (Azure, with differences) gets the client; the others leave it on OpenAI.
    const assistantsStay = capabilityFor(provider, 'assistants').support === 'unsupported';
    expect(thread?.url).toBe(assistantsStay ? 'https://api.openai.com/v1/threads' : `${expectedBaseUrl(provider)}/threads`);
    expect(run.stdout).toBe('pong\n');
  });
});
