import { execFile } from 'node:child_process';
import { readFile, rm, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { planMigration } from '../../src/plan/plan.js';
import type { PlanOptions } from '../../src/plan/target.js';
import { mapModel } from '../../src/providers/index.js';
import type { Provider } from '../../src/providers/types.js';
import { scanProject } from '../../src/scan/scan.js';
import { copyFixture } from '../helpers/read-tree.js';

/**
 * Shared by the end-to-end tests: copy a runnable fixture, migrate it, and run its `main.mjs`
 * with this project's dev dependencies and `capture-fetch.mjs` in place of `fetch`, so the
 * request the real SDK builds is recorded and nothing reaches the network. The child's
 * environment holds only PATH and the variables the caller passes.
 */
const PROJECT = path.resolve(import.meta.dirname, '../..');
const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'capture-fetch.mjs')).href;
const CAPTURE_FILE = 'captured-requests.jsonl';
// Fills every URL placeholder: Azure's endpoint as the portal shows it, trailing slash included,
// which the migrated code must not double.
const URL_VARIABLE_VALUE = 'https://contoso.openai.azure.com/';
const CHILD_TIMEOUT_MS = 20_000;

const runFile = promisify(execFile);

export interface CapturedRequest {
  method: string;
  url: string;
  authorization: string | null;
  apiKey: string | null;
  body: { model?: unknown } | null;
}

export interface ProgramRun {
  stdout: string;
  requests: CapturedRequest[];
}

const projects: string[] = [];

/** Removes every copy made by `copyRunnableFixture`: register it with `afterEach`, or `afterAll` if tests run concurrently. */
export async function removeRunnableFixtures(): Promise<void> {
  for (const dir of projects.splice(0)) {
    // Unlink first so the removal can never reach the project's own node_modules.
    await unlink(path.join(dir, 'node_modules')).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/** A temp copy of `fixtures/<name>/input`; `runProgram` links it to this project's dev dependencies. */
export async function copyRunnableFixture(name: string): Promise<string> {
  const dir = await copyFixture(path.join(PROJECT, 'fixtures', name, 'input'));
  projects.push(dir);
  return dir;
}

export async function migrateTo(root: string, provider: Provider, region?: string, options: Omit<PlanOptions, 'region'> = {}): Promise<void> {
  const scan = await scanProject({ root, paths: [root] });
  await applyPlan(scan, planMigration(scan, provider, { region, ...options }));
}

/**
 * Runs `main.mjs` in `root` with its imports resolved to this project's node_modules (linked
 * only now, so that a migration before the run never scans them); a non-zero exit throws with
 * the child's stderr.
 */
export async function runProgram(root: string, env: Record<string, string>): Promise<ProgramRun> {
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
  return { stdout, requests: await capturedRequests(root) };
}

/** The requests a run in `root` sent before it ended, also when it failed. */
export async function capturedRequests(root: string): Promise<CapturedRequest[]> {
  const lines = (await readFile(path.join(root, CAPTURE_FILE), 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
  return lines.map((line) => JSON.parse(line) as CapturedRequest);
}

/** The variables a migrated program reads: the key, and one per URL placeholder. */
export function envFor(provider: Provider): Record<string, string> {
  const env: Record<string, string> = { [provider.apiKeyEnv]: `test-key-${provider.id}` };
  for (const variable of Object.values(provider.urlVariables ?? {})) env[variable] = URL_VARIABLE_VALUE;
  return env;
}

export function expectedBaseUrl(provider: Provider): string {
  let url = provider.baseUrls[provider.defaultRegion];
  if (url === undefined) throw new Error(`${provider.id} has no base URL for ${provider.defaultRegion}`);
  for (const placeholder of Object.keys(provider.urlVariables ?? {})) {
    url = url.replaceAll(`{${placeholder}}`, URL_VARIABLE_VALUE.replace(/\/+$/, ''));
  }
  return url;
}

export function expectedModel(provider: Provider, openaiId: string): string {
  const mapping = mapModel(provider, openaiId);
  if (mapping.kind !== 'mapped') throw new Error(`${provider.id} maps ${openaiId} to nothing`);
  return mapping.id;
}
