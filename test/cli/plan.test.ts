import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashscope } from '../../src/providers/dashscope.js';
import { providers } from '../../src/providers/index.js';
import { readTree } from '../helpers/read-tree.js';
import { linesOf, runCli } from '../helpers/run-cli.js';
import { commitAll, expectedOf, git, inputOf, useTempProjects } from './temp-project.js';

const temp = useTempProjects();
const SDK_V4 = inputOf('sdk-v4-client');
const ALL_IDS = providers.map((provider) => provider.id).join(', ');

describe('plan', () => {
  it('fails --check with 1 and names the apply command while files still need migrating, and passes after apply', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const before = await runCli(['plan', '--check', '--to', 'deepseek', dir]);
    expect(before.code).toBe(1);
    expect(before.stderr).toBe('3 files still need migrating: run `migrate-openai apply --to deepseek`\n');

    expect((await runCli(['apply', '--to', 'deepseek', '--yes', dir])).code).toBe(0);
    const after = await runCli(['plan', '--check', '--to', 'deepseek', dir]);
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
  });

  it('writes a --diff patch that git applies, giving the migrated files', async () => {
    const repo = await temp.copy('sdk-v4-client');
    await commitAll(repo);
    const patch = path.join(await temp.emptyDir(), 'out.patch');
    const { code } = await runCli(['plan', '--to', 'deepseek', '--diff', patch, repo]);
    expect(code).toBe(0);

    await git(repo, 'apply', '--check', patch);
    await git(repo, 'apply', patch);
    const migrated = await readTree(repo);
    const expected = await readTree(expectedOf('sdk-v4-client', 'deepseek'));
    expect(expected.size).toBeGreaterThan(0);
    for (const [file, bytes] of expected) expect(migrated.get(file)?.toString('utf8'), file).toBe(bytes.toString('utf8'));
  });

  it('prints the edits, manual actions and summary with --format json', async () => {
    const { code, stdout } = await runCli(['plan', '--to', 'deepseek', '--format', 'json', SDK_V4]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as {
      schemaVersion: number;
      target: string;
      plan: { target: string; filesChanged: number; edits: number };
      edits: { file: string; line: number; text: string }[];
      manual: { code: string }[];
    };
    expect(document.schemaVersion).toBe(1);
    expect(document.target).toBe('deepseek');
    expect(document.plan.target).toBe('deepseek');
    expect(document.plan.filesChanged).toBe(3);
    expect(document.edits.length).toBeGreaterThan(0);
    expect(document.plan.edits).toBe(document.edits.length);
    expect(document.edits[0]).toEqual(expect.objectContaining({ file: expect.any(String), line: expect.any(Number), text: expect.any(String) }));
    expect(Array.isArray(document.manual)).toBe(true);
  });

  it('maps a model with --model openai=target over the provider table', async () => {
    const plain = await runCli(['plan', '--to', 'deepseek', '--format', 'diff', SDK_V4]);
    const { code, stdout } = await runCli(['plan', '--to', 'deepseek', '--format', 'diff', '--model', 'gpt-4o-mini=my-model', SDK_V4]);
    expect(code).toBe(0);
    expect(plain.stdout).not.toContain('my-model');
    expect(linesOf(stdout)).toContainEqual(expect.stringMatching(/^\+.*'my-model'/));
  });

  it('exits with 2 and shows the expected form for a --model without "="', async () => {
    const { code, stdout, stderr } = await runCli(['plan', '--to', 'deepseek', '--model', 'x', SDK_V4]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(linesOf(stderr)).toEqual(['error: invalid --model "x"', 'hint: expected <openai-id>=<target-id>, e.g. --model gpt-4o=glm-4.6']);
  });

  it('uses the --region base URL instead of the default one', async () => {
    const byDefault = await runCli(['plan', '--to', 'dashscope', '--format', 'diff', SDK_V4]);
    const intl = await runCli(['plan', '--to', 'dashscope', '--region', 'intl', '--format', 'diff', SDK_V4]);
    expect(intl.code).toBe(0);
    expect(byDefault.stdout).toContain(dashscope.baseUrls.cn);
    expect(intl.stdout).toContain(dashscope.baseUrls.intl);
    expect(intl.stdout).not.toContain(dashscope.baseUrls.cn);
  });

  it('exits with 2 for an unknown region and lists the regions of the provider', async () => {
    const { code, stderr } = await runCli(['plan', '--to', 'dashscope', '--region', 'mars', SDK_V4]);
    expect(code).toBe(2);
    expect(linesOf(stderr)).toEqual([
      'error: unknown region "mars" for dashscope',
      `hint: regions of dashscope: ${Object.keys(dashscope.baseUrls).join(', ')}`,
    ]);
  });

  it('exits with 2 for an unknown provider and lists the valid ids', async () => {
    const { code, stdout, stderr } = await runCli(['plan', '--to', 'nope', SDK_V4]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(linesOf(stderr)).toEqual(['error: unknown provider "nope"', `hint: valid providers: ${ALL_IDS}`]);
  });

  it('exits with 2 without --to when there is no terminal to ask on, and lists the valid ids', async () => {
    const { code, stdout, stderr } = await runCli(['plan', SDK_V4], { stdinIsTTY: false });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(linesOf(stderr)).toEqual(['error: missing --to <provider>', `hint: valid providers: ${ALL_IDS}`]);
  });
});
