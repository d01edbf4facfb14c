import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/index.js';
import { zhipu } from '../../src/providers/zhipu.js';
import { linesOf, runCli } from '../helpers/run-cli.js';

const ALL_IDS = providers.map((provider) => provider.id);

describe('providers', () => {
  it('lists every provider id, one per line, in registry order', async () => {
    const { code, stdout, stderr } = await runCli(['providers']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = linesOf(stdout).slice(0, ALL_IDS.length);
    expect(rows.map((row) => row.split(' ')[0])).toEqual(ALL_IDS);
    expect(stdout).toContain('Show one in full: migrate-openai providers <id>');
  });

  it('shows one provider with its base URLs, regions and key variable', async () => {
    const { code, stdout } = await runCli(['providers', 'zhipu']);
    expect(code).toBe(0);
    const lines = linesOf(stdout);
    expect(lines[0]).toBe(`${zhipu.name} (zhipu)`);
    expect(lines).toContain(`API key:       ${zhipu.apiKeyEnv}; intl: ZAI_API_KEY (also seen: ${zhipu.apiKeyEnvAliases.join(', ')})`);
    expect(lines).toContain(`Base URL:      ${zhipu.baseUrls.cn}  --region cn (default)`);
    expect(lines).toContain(`Base URL:      ${zhipu.baseUrls.intl}  --region intl`);
  });

  it('exits with 2 for an unknown id and lists the valid ones', async () => {
    const { code, stdout, stderr } = await runCli(['providers', 'nope']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(linesOf(stderr)).toEqual(['error: unknown provider "nope"', `hint: valid providers: ${ALL_IDS.join(', ')}`]);
  });

  it('prints the list as JSON with --format json', async () => {
    const { code, stdout } = await runCli(['providers', '--format', 'json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { id: string; apiKeyEnv: string; baseUrl: string }[];
    expect(list.map((entry) => entry.id)).toEqual(ALL_IDS);
    expect(list.find((entry) => entry.id === 'zhipu')).toMatchObject({ apiKeyEnv: zhipu.apiKeyEnv, baseUrl: zhipu.baseUrls.cn });
  });

  it('prints one provider as JSON with --format json', async () => {
    const { code, stdout } = await runCli(['providers', 'zhipu', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(zhipu)));
  });
});
