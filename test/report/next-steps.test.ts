import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/index.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const GOLDEN = path.join(REPO_ROOT, 'fixtures/next-steps');
const INPUT = path.join(REPO_ROOT, 'fixtures/sdk-v4-client/input');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Every provider, plus the regions whose key page, docs or variables differ. */
const TARGETS = [...providers.map((provider) => provider.id), 'zhipu@intl', 'dashscope@intl', 'moonshot@intl', 'azure@dated'];

async function compare(file: string, actual: string): Promise<void> {
  if (UPDATE) {
    await writeFile(file, actual);
    return;
  }
  const expected = existsSync(file) ? await readFile(file, 'utf8') : '';
  if (expected !== actual) expect.fail(`${path.relative(REPO_ROOT, file)} differs:\n${createTwoFilesPatch('expected', 'actual', expected, actual)}`);
}

async function plan(target: string, format: string): Promise<string> {
  const [id, region] = target.split('@') as [string, string | undefined];
  const { code, stdout } = await runCli(['plan', INPUT, '--to', id, ...(region ? ['--region', region] : []), '--format', format]);
  expect(code).toBe(0);
  return stdout;
}

describe('Next steps', () => {
  it.each(TARGETS)('ends the plan for %s in text and Markdown', async (target) => {
    const text = await plan(target, 'text');
    const block = text.slice(text.indexOf('\nNext steps\n') + 1, text.indexOf('Done in'));
    expect(block).toMatch(/^Next steps\n {2}1\. Set /);
    for (const line of block.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    await compare(path.join(GOLDEN, `${target}.txt`), block);
    const markdown = await plan(target, 'markdown');
    await compare(path.join(GOLDEN, `${target}.md`), markdown.slice(markdown.indexOf('## Next steps')));
  });

  it('names no key to set when keyless Entra ID took its place in every client', async () => {
    const input = path.join(REPO_ROOT, 'fixtures/azure-entra-key-templates/input');
    const { code, stdout } = await runCli(['plan', input, '--to', 'azure', '--azure-auth', 'entra', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { nextSteps: { variables: { name: string }[]; keyPage?: string }; plan: { environment: string[] } };
    expect(json.nextSteps.variables.map((variable) => variable.name)).toEqual(['AZURE_OPENAI_ENDPOINT']);
    expect(json.nextSteps.keyPage).toBeUndefined();
    expect(json.plan.environment).toEqual(['AZURE_OPENAI_ENDPOINT']);
  });

  it('never tells to delete an OpenAI variable that code left on OpenAI still reads', async () => {
    const input = path.join(REPO_ROOT, 'fixtures/raw-fetch-shared-base/input');
    const { code, stdout } = await runCli(['plan', input, '--to', 'deepseek', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { nextSteps: { openaiSecrets: string[] } };
    expect(json.nextSteps.openaiSecrets).toEqual([]);
    const text = (await runCli(['plan', input, '--to', 'deepseek'])).stdout;
    expect(text).not.toContain('delete the OpenAI secrets');
  });

  it('names a key page for every region of every provider, and only regions it has', () => {
    for (const provider of providers) {
      expect(Object.keys(provider.keyPages ?? {}).sort(), provider.id).toEqual(Object.keys(provider.baseUrls).sort());
      for (const region of Object.keys(provider.regionDocs ?? {})) expect(Object.keys(provider.baseUrls), provider.id).toContain(region);
    }
  });

  it('gives the JSON plan the same steps, and every manual action a docs link', async () => {
    const json = JSON.parse(await plan('zhipu@intl', 'json')) as { nextSteps: { keyPage: string; docs: string; otherRegions: string[] }; manual: { docs?: string }[] };
    expect(json.nextSteps).toMatchObject({ keyPage: 'https://z.ai/manage-apikey/apikey-list', docs: 'https://docs.z.ai', otherRegions: ['cn'] });
    expect(json.manual.length).toBeGreaterThan(0);
    expect(json.manual.filter((action) => action.docs === undefined)).toEqual([]);
    // The region's page replaces the provider's main (Chinese) page.
    expect(json.manual.map((action) => action.docs)).not.toContain('https://docs.bigmodel.cn/cn/guide/develop/openai/introduction');
  });

  it('puts the docs link of every manual action in SARIF (helpUri), Markdown and text', async () => {
    const sarif = JSON.parse(await plan('deepseek', 'sarif')) as { runs: { tool: { driver: { rules: { helpUri?: string }[] } } }[] };
    const rules = sarif.runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((rule) => rule.helpUri === undefined)).toEqual([]);
    const markdown = await plan('deepseek', 'markdown');
    for (const line of markdown.split('\n').filter((l) => l.startsWith('- [ ] '))) expect(line).toMatch(/ · \[docs\]\(https:\/\/\S+\)$/);
    const text = await plan('deepseek', 'text');
    const actions = text.split('\n').filter((line) => /^ {2}\S+:\d+ +(error|warning|info) /.test(line)).length;
    expect(actions).toBeGreaterThan(0);
    expect(text.split('\n').filter((line) => /^ {6}docs: https:\/\//.test(line))).toHaveLength(actions);
  });
});
