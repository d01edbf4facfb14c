import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { copyRunnableFixture, migrateTo, removeRunnableFixtures, runProgram } from './run-program.js';

/**
 * Azure's conventions with the real `openai` package: the v1 base URL built from
 * AZURE_OPENAI_ENDPOINT however the portal value ends, and keyless Entra ID, where the SDK
 * calls the token provider `@azure/identity` returns for every request.
 */
const azure = getProviderOrThrow('azure');

afterEach(removeRunnableFixtures);

/**
 * `@azure/identity` stands in as a package beside the program (the SDK under test is real):
 * its token provider answers with a token naming the scope it was asked for.
 */
async function withStandInIdentity(root: string): Promise<void> {
  await mkdir(path.join(root, 'app'));
  await rename(path.join(root, 'main.mjs'), path.join(root, 'app/client.mjs'));
  await writeFile(path.join(root, 'main.mjs'), "import './app/client.mjs';\n");
  const identity = path.join(root, 'app/node_modules/@azure/identity');
  await mkdir(identity, { recursive: true });
  await writeFile(path.join(identity, 'package.json'), '{ "name": "@azure/identity", "type": "module", "exports": "./index.js" }\n');
  await writeFile(
    path.join(identity, 'index.js'),
    'export class DefaultAzureCredential {}\nexport const getBearerTokenProvider = (credential, scope) => async () => `entra-token-for ${scope}`;\n',
  );
}

describe('Azure conventions in the request the openai SDK sends', () => {
  it.each(['https://contoso.openai.azure.com', 'https://contoso.openai.azure.com/', 'https://contoso.services.ai.azure.com/'])(
    'builds the v1 base URL from AZURE_OPENAI_ENDPOINT=%s',
    async (endpoint) => {
      const root = await copyRunnableFixture('e2e-chat');
      await migrateTo(root, azure);

      const run = await runProgram(root, { AZURE_OPENAI_API_KEY: 'test-key-azure', AZURE_OPENAI_ENDPOINT: endpoint });

      expect(run.requests.map((request) => [request.url, request.authorization])).toEqual([
        [`${endpoint.replace(/\/$/, '')}/openai/v1/chat/completions`, 'Bearer test-key-azure'],
      ]);
    },
  );

  it('sends an Entra ID token, and no key, with --azure-auth entra', async () => {
    const root = await copyRunnableFixture('e2e-chat');
    await withStandInIdentity(root);
    await migrateTo(root, azure, undefined, { azureAuth: 'entra' });
    expect(await readFile(path.join(root, 'app/client.mjs'), 'utf8')).toContain("from '@azure/identity'");

    const run = await runProgram(root, { AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com/', OPENAI_API_KEY: 'sk-openai-secret', AZURE_OPENAI_API_KEY: 'test-key-azure' });

    expect(run.requests).toHaveLength(1);
    expect(run.requests[0]).toMatchObject({
      url: 'https://contoso.openai.azure.com/openai/v1/chat/completions',
      authorization: 'Bearer entra-token-for https://ai.azure.com/.default',
      apiKey: null,
    });
    expect(run.stdout).toBe('pong\n');
  });

  it("hands the token provider to AzureOpenAI on Azure's dated API with --azure-auth entra", async () => {
    const root = await copyRunnableFixture('e2e-chat');
    await withStandInIdentity(root);
    await migrateTo(root, azure, 'dated', { azureAuth: 'entra' });

    const run = await runProgram(root, { AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com/', OPENAI_API_KEY: 'sk-openai-secret' });

    expect(run.requests[0]).toMatchObject({
      url: 'https://contoso.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21',
      authorization: 'Bearer entra-token-for https://cognitiveservices.azure.com/.default',
      apiKey: null,
    });
  });
});
