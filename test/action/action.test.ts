import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_LIMIT, COMMENT_MARKER, commentBody } from '../../src/action/pr-comment.js';
import { evaluate, interpolate, truthy } from '../helpers/actions-expression.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { useTempProjects } from '../cli/temp-project.js';

const temp = useTempProjects();
const execFileAsync = promisify(execFile);

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
  'continue-on-error'?: boolean;
}
interface ActionFile {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const actionText = await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8');
const action = parse(actionText) as ActionFile;
const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
const workflowText = /```yaml\n(# \.github\/workflows\/openai-migration\.yml\n[\s\S]*?)```/.exec(readme)?.[1] ?? '';

/** A fake GitHub API for issue comments: records every request. */
const requests: { method: string; url: string; body: string }[] = [];
const comments: { id: number; body: string }[] = [];
const server = createServer(async (request: IncomingMessage, response) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  requests.push({ method: request.method!, url: request.url!, body });
  if (request.headers.authorization !== 'Bearer test-token') {
    response.writeHead(403).end('{"message":"Resource not accessible by integration"}');
    return;
  }
  response.setHeader('content-type', 'application/json');
  if (request.method === 'GET') response.end(JSON.stringify(comments));
  else if (request.method === 'POST') {
    comments.push({ id: comments.length + 1, body: (JSON.parse(body) as { body: string }).body });
    response.writeHead(201).end('{}');
  } else {
    const id = Number(/comments\/(\d+)$/.exec(request.url!)![1]);
    comments.find((comment) => comment.id === id)!.body = (JSON.parse(body) as { body: string }).body;
    response.end('{}');
  }
});
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface RunResult {
  /** Steps in order: what ran, what was skipped (its `if` was false) and what is a `uses` step. */
  steps: { name: string; status: 'ran' | 'skipped' | 'uses' | 'build'; code?: number; stdout?: string; with?: Record<string, string> }[];
  outputs: Record<string, string>;
  summary: string;
  failed: boolean;
}

/**
 * Runs the action's composite steps as the runner would: `${{ }}` expressions evaluated, `if`
 * honoured, `run` steps executed by bash with the step's env in the workspace, outputs read
 * back from GITHUB_OUTPUT. `uses` steps are recorded with their evaluated inputs, not run; the
 * build step is not run either, since the suite runs after the same `npm ci` and build.
 */
async function runAction(workspace: string, inputs: Record<string, string>, event: { name: string; payload: object; token?: string }): Promise<RunResult> {
  const runnerTemp = await temp.emptyDir();
  const eventPath = path.join(runnerTemp, 'event.json');
  const summaryPath = path.join(runnerTemp, 'summary.md');
  await writeFile(eventPath, JSON.stringify(event.payload));
  await writeFile(summaryPath, '');
  const github = { event_name: event.name, event: event.payload, token: event.token ?? 'test-token', action_path: REPO_ROOT };
  const resolvedInputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? interpolate(input.default ?? '', { github })]));
  const stepOutputs: Record<string, { outputs: Record<string, string> }> = {};
  const result: RunResult = { steps: [], outputs: {}, summary: '', failed: false };
  for (const step of action.runs.steps) {
    const context = { inputs: resolvedInputs, github, steps: stepOutputs, success: !result.failed };
    const name = step.name ?? step.uses ?? '';
    const condition = step.if ?? 'success()';
    if (!truthy(evaluate(condition.replace(/^\$\{\{\s*|\s*\}\}$/g, ''), context)) || (result.failed && !/always\(\)|failure\(\)/.test(condition))) {
      result.steps.push({ name, status: 'skipped' });
      continue;
    }
    if (step.uses !== undefined) {
      result.steps.push({ name, status: 'uses', with: Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), context)])) });
      continue;
    }
    if (step['working-directory'] !== undefined) {
      result.steps.push({ name, status: 'build' });
      continue;
    }
    expect(step.shell).toBe('bash');
    const outputFile = path.join(runnerTemp, `output-${result.steps.length}`);
    await writeFile(outputFile, '');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GIT_CEILING_DIRECTORIES: process.env.GIT_CEILING_DIRECTORIES,
      GITHUB_ACTION_PATH: REPO_ROOT,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      RUNNER_TEMP: runnerTemp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, interpolate(String(value), context)])),
    };
    let code = 0;
    let stdout = '';
    try {
      ({ stdout } = await execFileAsync('bash', ['-e', '-c', step.run!], { cwd: workspace, env }));
    } catch (error) {
      ({ code, stdout } = error as { code: number; stdout: string });
    }
    result.steps.push({ name, status: 'ran', code, stdout });
    if (step.id !== undefined) {
      const lines = (await readFile(outputFile, 'utf8')).split('\n').filter((line) => line.includes('='));
      stepOutputs[step.id] = { outputs: Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])) };
    }
    if (code !== 0 && step['continue-on-error'] !== true) result.failed = true;
  }
  const context = { inputs: resolvedInputs, github, steps: stepOutputs };
  result.outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, interpolate(output.value, context)]));
  result.summary = await readFile(summaryPath, 'utf8');
  return result;
}

const statuses = (result: RunResult) => result.steps.map((step) => `${step.status}: ${step.name}${step.code ? ` (exit ${step.code})` : ''}`);
const pullRequest = (fork = false) => ({ name: 'pull_request', payload: { pull_request: { number: 7, head: { repo: { fork } } } } });

describe('action.yml', () => {
  it('is a valid action for the action-validator schema', () => {
    expect(validateAction(actionText).errors).toEqual([]);
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['to', 'region', 'paths', 'fail-on', 'sarif', 'comment', 'base']));
  });

  it('builds from its own checkout and takes no input into a script unescaped', () => {
    const build = action.runs.steps.find((step) => step['working-directory'] !== undefined)!;
    expect(build['working-directory']).toBe('${{ github.action_path }}');
    expect(build.run).toBe('npm ci --no-audit --no-fund --ignore-scripts && npm run build');
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('reports, uploads SARIF, comments once and gates on a pull request with errors', async () => {
    comments.length = 0;
    const workspace = await temp.copy('unsupported-apis');
    const first = await runAction(workspace, { to: 'deepseek', comment: 'true' }, pullRequest());
    expect(statuses(first)).toEqual([
      'uses: Set up Node.js',
      'build: Build migrate-openai',
      'ran: Migration report',
      'uses: Upload to code scanning',
      'ran: Pull-request comment',
      'ran: Annotations, job summary and gate (exit 1)',
    ]);
    expect(first.failed).toBe(true);
    const upload = first.steps[3]!;
    expect(upload.with).toEqual({ sarif_file: first.outputs.sarif, category: 'migrate-openai' });
    expect(action.runs.steps[3]!['continue-on-error']).toBe(true);
    const sarif = JSON.parse(await readFile(first.outputs.sarif!, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    const markdown = await readFile(first.outputs.markdown!, 'utf8');
    expect(markdown).toMatch(/^# Migration report: OpenAI → DeepSeek/);
    expect(first.steps[5]!.stdout).toMatch(/^::error file=src\//m);
    expect(first.summary).toContain('# Migration report: OpenAI → DeepSeek');
    expect(first.outputs.cli).toBe(path.join(REPO_ROOT, 'bin/migrate-openai.js'));
    expect(first.steps[4]!.stdout).toBe('Pull-request comment created.\n');
    expect(comments).toEqual([{ id: 1, body: `${COMMENT_MARKER}\n${markdown}` }]);
    // The next run updates the same comment instead of adding one.
    const second = await runAction(workspace, { to: 'deepseek', comment: 'true', 'fail-on': 'none' }, pullRequest());
    expect(second.failed).toBe(false);
    expect(comments).toHaveLength(1);
    expect(requests.at(-1)).toMatchObject({ method: 'PATCH', url: '/repos/acme/app/issues/comments/1' });
  });

  it('skips the upload on a fork and warns instead of failing when the comment cannot be written', async () => {
    const workspace = await temp.copy('unsupported-apis');
    const result = await runAction(workspace, { to: 'deepseek', comment: 'true', 'fail-on': 'none' }, { ...pullRequest(true), token: 'read-only' });
    expect(statuses(result)).toEqual([
      'uses: Set up Node.js',
      'build: Build migrate-openai',
      'ran: Migration report',
      'skipped: Upload to code scanning',
      'ran: Pull-request comment',
      'ran: Annotations, job summary and gate',
    ]);
    expect(result.steps[4]!.stdout).toMatch(/^::warning title=migrate-openai comment::could not comment on the pull request \(GET .*HTTP 403\)/);
    expect(result.failed).toBe(false);
  });

  it("reports without SARIF or comment on a push, and the report steps ignore the file's failOn", async () => {
    const workspace = await temp.copy('unsupported-apis');
    await writeFile(path.join(workspace, 'migrate-openai.config.json'), JSON.stringify({ target: 'deepseek', failOn: 'info' }));
    const result = await runAction(workspace, { sarif: 'false', 'fail-on': 'none' }, { name: 'push', payload: {} });
    expect(statuses(result)).toEqual([
      'uses: Set up Node.js',
      'build: Build migrate-openai',
      'ran: Migration report',
      'skipped: Upload to code scanning',
      'skipped: Pull-request comment',
      'ran: Annotations, job summary and gate',
    ]);
    expect(result.outputs.sarif).toBe('');
    // Without `fail-on: none`, the file's failOn gates the last step only.
    const gated = await runAction(workspace, { sarif: 'false', 'fail-on': 'info' }, { name: 'push', payload: {} });
    expect(statuses(gated).at(-1)).toBe('ran: Annotations, job summary and gate (exit 1)');
    expect(gated.steps[2]!.code).toBe(0);
  });

  it('passes paths separated by spaces and new lines', async () => {
    const workspace = await temp.copy('sdk-v4-client');
    const result = await runAction(workspace, { to: 'zhipu', sarif: 'false', paths: 'src/chat.ts\nsrc/models.ts package.json', 'fail-on': 'none' }, { name: 'push', payload: {} });
    expect(result.failed).toBe(false);
    const markdown = await readFile(result.outputs.markdown!, 'utf8');
    expect(markdown).toContain('`src/chat.ts`');
    expect(markdown).not.toContain('`src/client.ts`');
  });

  it('cuts a comment to GitHub’s limit', () => {
    const body = commentBody('x'.repeat(COMMENT_LIMIT * 2));
    expect(body.length).toBe(COMMENT_LIMIT);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toMatch(/the job summary has all of it\.\*\n$/);
  });
});

describe("the README's workflow", () => {
  const workflow = parse(workflowText) as { permissions: Record<string, string>; jobs: { migration: { steps: Step[] } } };
  const steps = workflow.jobs.migration.steps;

  it('is a valid workflow for the action-validator schema', () => {
    expect(workflowText).not.toBe('');
    expect(validateWorkflow(workflowText).errors).toEqual([]);
  });

  it('uses the action, with the permissions its upload and comment need, and no unpublished package', () => {
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      'actions/checkout@v4',
      'OWNER/migrate-openai@v0.1.0',
      'node "${{ steps.migration.outputs.cli }}" plan --to zhipu --check --no-color',
    ]);
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write', 'pull-requests': 'write' });
    expect(workflowText).not.toMatch(/npx migrate-openai|npm i(nstall)? .*migrate-openai/);
    for (const input of Object.keys(steps[1]!.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
  });

  it('runs the last gate even when the action failed', () => {
    expect(steps[2]!.if).toBe("always() && steps.migration.outputs.cli != ''");
    expect(evaluate(steps[2]!.if!, { steps: { migration: { outputs: { cli: '/a/bin/migrate-openai.js' } } }, success: false })).toBe(true);
    expect(evaluate(steps[2]!.if!, { steps: {}, success: false })).toBe(false);
  });
});
