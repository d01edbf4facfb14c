import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalProviderId, PROVIDER_ALIASES, providers } from '../../src/providers/index.js';
import { runCli } from '../helpers/run-cli.js';
import { inputOf, useTempProjects } from '../cli/temp-project.js';

const temp = useTempProjects();
const SDK_V4 = inputOf('sdk-v4-client');

describe('provider aliases', () => {
  it.each([
    ['qwen', 'dashscope'],
    ['Tongyi', 'dashscope'],
    ['bailian', 'dashscope'],
    ['GLM', 'zhipu'],
    ['bigmodel', 'zhipu'],
    ['zai', 'zhipu'],
    ['Kimi', 'moonshot'],
    ['doubao', 'ark'],
    ['volcengine', 'ark'],
    ['ERNIE', 'qianfan'],
    ['baidu', 'qianfan'],
    ['DeepSeek', 'deepseek'],
  ])('%s stands for %s', (name, id) => {
    expect(canonicalProviderId(name)).toBe(id);
  });

  it('only points at built-in providers', () => {
    const ids = providers.map((provider) => provider.id);
    for (const id of Object.values(PROVIDER_ALIASES)) expect(ids).toContain(id);
    for (const alias of Object.keys(PROVIDER_ALIASES)) expect(ids).not.toContain(alias);
  });

  it('plans with --to GLM exactly as with --to zhipu', async () => {
    const alias = await runCli(['plan', SDK_V4, '--to', 'GLM', '--format', 'json']);
    const id = await runCli(['plan', SDK_V4, '--to', 'zhipu', '--format', 'json']);
    expect(alias.code).toBe(0);
    expect(alias.stdout).toBe(id.stdout);
  });

  it('shows a provider by its alias', async () => {
    const { code, stdout } = await runCli(['providers', 'kimi']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Moonshot AI/);
  });

  it('suggests the nearest id or alias for a typo on the command line, with exit 2', async () => {
    const typo = await runCli(['plan', SDK_V4, '--to', 'zhpu']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^error: unknown provider "zhpu" \(did you mean "zhipu"\?\)\nhint: valid providers: azure, zhipu, /);
    expect((await runCli(['plan', SDK_V4, '--to', 'qwn'])).stderr).toMatch(/did you mean "qwen"\?/);
    expect((await runCli(['plan', SDK_V4, '--to', 'nothing-like-it'])).stderr).toMatch(/^error: unknown provider "nothing-like-it"\nhint/);
  });

  it('accepts an alias as the configuration file target, and suggests one for a typo there', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const config = path.join(dir, 'migrate-openai.config.json');
    await writeFile(config, JSON.stringify({ target: 'kimi', region: 'intl' }));
    const ok = await runCli(['plan', dir, '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).target).toBe('moonshot');
    // The file's choices stay in force when --to names the same provider by its id.
    const same = await runCli(['plan', dir, '--to', 'moonshot']);
    expect(same.stderr).toBe('');
    await writeFile(config, JSON.stringify({ target: 'kimii' }));
    const typo = await runCli(['plan', dir]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/target: unknown provider "kimii" \(did you mean "kimi"\?\)/);
  });
});
