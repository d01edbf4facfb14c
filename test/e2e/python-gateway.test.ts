import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/index.js';
import { copyRunnableFixture, envFor, expectedBaseUrl, expectedModel, migrateTo, removeRunnableFixtures } from './run-program.js';
import { pythonWithOpenAI, runPythonProgram } from './run-python.js';

/**
 * `fixtures/e2e-python-gateway` sends one request through a client on OpenAI and one through a
 * client on a company gateway, each with a model constant of the same id imported from another
 * module. After migration, run with the real `openai` package, the first goes to the target with
 * its key and mapped model; the second still goes to the gateway with the gateway's key and the
 * model as written.
 */
const FIXTURE = 'e2e-python-gateway';
const GATEWAY = { url: 'http://llm-gateway.internal:4000/v1/chat/completions', key: 'gateway-key-123' };
let python: string;

beforeAll(async () => {
  python = await pythonWithOpenAI();
}, 300_000);
afterEach(removeRunnableFixtures);

describe('a Python gateway client keeps its host, key and model after migration', () => {
  it.each(providers.map((provider) => [provider.id, provider] as const))('%s', async (id, provider) => {
    const root = await copyRunnableFixture(FIXTURE);
    await migrateTo(root, provider);

    const run = await runPythonProgram(python, root, { ...envFor(provider), GATEWAY_KEY: GATEWAY.key });

    const [direct, gateway] = run.requests;
    expect(run.requests).toHaveLength(2);
    expect(direct?.url).toBe(`${expectedBaseUrl(provider)}/chat/completions`);
    expect(direct?.authorization).toBe(`Bearer test-key-${id}`);
    expect(direct?.body?.model).toBe(expectedModel(provider, 'gpt-4o-mini'));
    expect(gateway).toMatchObject({ url: GATEWAY.url, authorization: `Bearer ${GATEWAY.key}`, body: { model: 'gpt-4o-mini' } });
    expect(run.stdout).toBe('pong\npong\n');
  });
});
