import { execFile } from 'node:child_process';
import { readFile, rm, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { planMigration } from '../../src/plan/plan.js';
import { mapModel, providers } from '../../src/providers/index.js';
import type { Provider } from '../../src/providers/types.js';
import { scanProject } from '../../src/scan/scan.js';
import { copyFixture } from '../helpers/read-tree.js';

/**
 * Runs `fixtures/e2e-chat` with the real `openai` package, before and after migration, and
 * checks the request the SDK builds. `capture-fetch.mjs` stands in for `fetch`, so nothing
 * reaches the network. The child's environment holds only the target's variables: a key left
 * as OPENAI_API_KEY makes the SDK throw, and a missing base URL shows up as api.openai.com.
 */
const PROJECT = path.resolve(import.meta.dirname, '../..');
const INPUT = path.join(PROJECT, 'fixtures/e2e-chat/input');
const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'capture-fetch.mjs')).href;
const CAPTURE_FILE = 'captured-requests.jsonl';
// Fills every URL placeholder, such as Azure's `{resource}`.
const URL_VARIABLE_VALUE = 'contoso';
const CHILD_TIMEOUT_MS = 20_000;

const runFile = promisify(execFile);

interface CapturedRequest {
  method: string;
  url: string;
  authorization: string | null;
  apiKey: string | null;
  body: { model?: unknown } | null;
}

interface ProgramRun {
  stdout: string;
  requests: CapturedRequest[];
}

const projects: string[] = [];
afterEach(async () => {
  for (const dir of projects.splice(0)) {
    // Unlink first so the removal can never reach the project's own node_modules.
    await unlink(path.join(dir, 'node_modules')).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

/** A temp copy of the fixture whose `import 'openai'` resolves to this project's dev dependency. */
async function copyRunnableFixture(): Promise<string> {
  const dir = await copyFixture(INPUT);
  projects.push(dir);
  return dir;
}

async function migrateTo(root: string, provider: Provider, region?: string): Promise<void> {
  const scan = await scanProject({ root, paths: [root] });
  await applyPlan(scan, planMigration(scan, provider, { region }));
}

async function runProgram(root: string, env: Record<string, string>): Promise<ProgramRun> {
  await symlink(path.join(PROJECT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const captureFile = path.join(root, CAPTURE_FILE);
  const childEnv = { PATH: process.env.PATH ?? '', CAPTURE_REQUESTS_TO: captureFile, ...env };
  let stdout: string;
  try {
    ({ stdout } = await runFile(process.execPath, ['--import', PRELOAD, 'main.mjs'], {
      cwd: root,
      env: childEnv,
      timeout: CHILD_TIMEOUT_MS,
    }));
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`main.mjs failed: ${String(error)}\n${stderr ?? ''}`);
  }
  const lines = (await readFile(captureFile, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
  return { stdout, requests: lines.map((line) => JSON.parse(line) as CapturedRequest) };
}

/** The variables a migrated program reads: the key, and one per URL placeholder. */
function envFor(provider: Provider): Record<string, string> {
  const env: Record<string, string> = { [provider.apiKeyEnv]: `test-key-${provider.id}` };
  for (const variable of Object.values(provider.urlVariables ?? {})) env[variable] = URL_VARIABLE_VALUE;
  return env;
}

function expectedBaseUrl(provider: Provider): string {
  let url = provider.baseUrls[provider.defaultRegion];
  if (url === undefined) throw new Error(`${provider.id} has no base URL for ${provider.defaultRegion}`);
  for (const placeholder of Object.keys(provider.urlVariables ?? {})) {
    url = url.replaceAll(`{${placeholder}}`, URL_VARIABLE_VALUE);
  }
  return url;
}

function expectedModel(provider: Provider): string {
  const mapping = mapModel(provider, 'gpt-4o-mini');
  if (mapping.kind !== 'mapped') throw new Error(`${provider.id} maps gpt-4o-mini to nothing`);
  return mapping.id;
}

describe('the request the openai SDK sends from fixtures/e2e-chat', () => {
  it('goes to api.openai.com with OPENAI_API_KEY before migration', async () => {
    const root = await copyRunnableFixture();

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
      const root = await copyRunnableFixture();
      await migrateTo(root, provider);

      const run = await runProgram(root, envFor(provider));

      expect(run.requests).toHaveLength(1);
      const [request] = run.requests;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe(`${expectedBaseUrl(provider)}/chat/completions`);
      expect(request?.authorization).toBe(`Bearer test-key-${id}`);
      expect(request?.body?.model).toBe(expectedModel(provider));
      expect(run.stdout).toBe('pong\n');
    },
  );

  it('never sends the OpenAI key to the new provider when the target key is unset', async () => {
    const root = await copyRunnableFixture();
    await migrateTo(root, providers.find((p) => p.id === 'zhipu')!);

    const run = await runProgram(root, { OPENAI_API_KEY: 'sk-openai-secret' });

    expect(run.requests.map((request) => request.authorization)).not.toContain('Bearer sk-openai-secret');
  });

  it("goes to the Azure deployment URL with the api-key header on Azure's dated API", async () => {
    const root = await copyRunnableFixture();
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
