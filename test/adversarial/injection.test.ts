import { describe, expect, it } from 'vitest';
import { checkHttpUrl, checkModelId, checkModelPattern, ENV_NAME, PROVIDER_ID } from '../../src/core/values.js';
import { providers } from '../../src/providers/index.js';
import { useTempProjects } from '../cli/temp-project.js';
import { linesOf, runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, readTree, writeFiles } from './project.js';

const temp = useTempProjects();

/** Values that would change what migrated code does if they were written into it as they are. */
const HOSTILE_MODEL_IDS = [
  'x"+require("child_process").execSync("id")+"',
  "x'+process.exit(1)+'",
  'x`${process.exit(1)}`',
  '${process.env.OPENAI_API_KEY}',
  'glm\\',
  'glm\n4',
  'glm\u2028evil()',
  'glm 4',
  '*',
  '',
];
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/plain,hello',
  'ftp://example.com/v1',
  'https://example.com/"+evil()+"',
  "https://example.com/'+evil()+'",
  'https://example.com/`${evil()}`',
  'https://example.com/${process.env.OPENAI_API_KEY}',
  'https://exa mple.com/v1',
  'https://example.com/v1\\',
  'https://example.com/v1\n',
  'https://user:secret@example.com/v1',
  '//example.com/v1',
  'https:example.com',
  'https://',
];
const HIDDEN = ['\u202e', '\u2066', '\u200f', '\u0000'];

async function project(extra: Record<string, string> = {}): Promise<string> {
  const dir = await temp.emptyDir();
  await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE, ...extra });
  return dir;
}

/** Runs the CLI and asserts the documented refusal: exit 2, one `error:` line (and maybe a hint), nothing written. */
async function expectRefused(dir: string, argv: string[]): Promise<string> {
  const before = await readTree(dir);
  const result = await runCli([...argv, '--yes', '--allow-dirty'].filter((arg) => argv[0] === 'apply' || !['--yes', '--allow-dirty'].includes(arg)), { cwd: dir });
  expect(result.code, result.stderr).toBe(2);
  const lines = linesOf(result.stderr);
  expect(lines.filter((line) => line.startsWith('error: ')).length, result.stderr).toBeGreaterThanOrEqual(1);
  expect(lines.every((line) => /^(error|hint): /.test(line)), result.stderr).toBe(true);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toMatch(/[\u0000\u202a-\u202e\u2066-\u2069\u200e\u200f]/u);
  expect(await readTree(dir)).toEqual(before);
  return result.stderr;
}

describe('values written into source are checked where they enter', () => {
  it.each(HOSTILE_MODEL_IDS)('refuses --model gpt-4o=%j', async (model) => {
    await expectRefused(await project(), ['apply', '--to', 'zhipu', '--model', `gpt-4o=${model}`]);
  });

  it.each(HOSTILE_MODEL_IDS.filter((model) => model !== '*'))('refuses the model id %j in the configuration file', async (model) => {
    const dir = await project({ 'migrate-openai.config.json': JSON.stringify({ target: 'zhipu', models: { 'gpt-4o': model } }) });
    const stderr = await expectRefused(dir, ['apply']);
    expect(stderr).toContain('models["gpt-4o"]');
  });

  it.each(HOSTILE_MODEL_IDS)('refuses a custom provider whose model map holds %j', async (model) => {
    const provider = { id: 'gateway', name: 'Gateway', baseURL: 'https://llm.example.com/v1', apiKeyEnv: 'GATEWAY_KEY', models: { 'gpt-4o': model } };
    const dir = await project({ 'migrate-openai.config.json': JSON.stringify({ target: 'gateway', providers: [provider] }) });
    await expectRefused(dir, ['apply']);
  });

  it.each(HOSTILE_URLS)('refuses --base-url %j', async (url) => {
    await expectRefused(await project(), ['apply', '--to', 'zhipu', '--base-url', url]);
  });

  it.each(HOSTILE_URLS)('refuses the base URL %j in the configuration file and in a custom provider', async (url) => {
    await expectRefused(await project({ 'migrate-openai.config.json': JSON.stringify({ target: 'zhipu', baseURL: url }) }), ['plan']);
    const provider = { id: 'gateway', name: 'Gateway', baseURL: url, apiKeyEnv: 'GATEWAY_KEY' };
    await expectRefused(await project({ 'migrate-openai.config.json': JSON.stringify({ target: 'gateway', providers: [provider] }) }), ['plan']);
  });

  it.each(['Gateway', 'my gateway', 'gw"', 'gw;rm', '-gw', 'gw--x'])('refuses the provider id %j', async (id) => {
    const provider = { id, name: 'Gateway', baseURL: 'https://llm.example.com/v1', apiKeyEnv: 'GATEWAY_KEY' };
    await expectRefused(await project({ 'migrate-openai.config.json': JSON.stringify({ providers: [provider] }) }), ['plan', '--to', 'zhipu']);
  });

  it.each(['Acme\nOPENAI_BASE_URL=https://evil.example/v1', 'Acme\r# x', 'Acme\u2028x', 'Acme\u0085x', 'Acme\tx', ''])('refuses the provider name %j (it is written into comments of settings files)', async (name) => {
    const provider = { id: 'gateway', name, baseURL: 'https://{host}/v1', urlVariables: { host: 'GATEWAY_HOST' }, apiKeyEnv: 'GATEWAY_KEY' };
    const stderr = await expectRefused(await project({ '.env': 'OPENAI_API_KEY=\n', 'migrate-openai.config.json': JSON.stringify({ target: 'gateway', providers: [provider] }) }), ['apply']);
    expect(stderr).toContain('providers[0].name');
  });

  it.each(['GATEWAY-KEY', '1KEY', 'KEY"', 'KEY;rm -rf', 'KEY ?? evil()', 'process.env.X'])('refuses the environment variable name %j', async (name) => {
    const provider = { id: 'gateway', name: 'Gateway', baseURL: 'https://{host}/v1', apiKeyEnv: 'GATEWAY_KEY', urlVariables: { host: name } };
    await expectRefused(await project({ 'migrate-openai.config.json': JSON.stringify({ providers: [{ ...provider }] }) }), ['plan', '--to', 'zhipu']);
    await expectRefused(await project({ 'migrate-openai.config.json': JSON.stringify({ providers: [{ ...provider, urlVariables: {}, apiKeyEnv: name }] }) }), ['plan', '--to', 'zhipu']);
  });
});

describe('NUL and bidirectional control characters are refused everywhere', () => {
  it.each(HIDDEN)('in any command-line argument (%j)', async (hidden) => {
    const dir = await project();
    for (const argv of [
      ['apply', '--to', 'zhipu', '--model', `gpt-4o=glm${hidden}-4.6`],
      ['apply', '--to', `zhi${hidden}pu`],
      ['apply', '--to', 'zhipu', '--region', `c${hidden}n`],
      ['apply', '--to', 'zhipu', `src${hidden}`],
      ['plan', '--to', 'zhipu', '--include', `src/**${hidden}`],
    ]) {
      const stderr = await expectRefused(dir, argv);
      expect(stderr).toMatch(/contains (a NUL character|the bidirectional control character U\+)/);
    }
  });

  it.each(HIDDEN)('in any string of the configuration file, keys and comments included (%j)', async (hidden) => {
    for (const config of [
      { target: 'zhipu', $comment: `a${hidden}b` },
      { target: 'zhipu', models: { [`gpt-4o${hidden}`]: 'glm-4.6' } },
      { providers: [{ id: 'gw', name: `G${hidden}W`, baseURL: 'https://llm.example.com/v1', apiKeyEnv: 'GW_KEY' }] },
    ]) {
      const stderr = await expectRefused(await project({ 'migrate-openai.config.json': JSON.stringify(config) }), ['plan', '--to', 'zhipu']);
      expect(stderr).toMatch(/contains (a NUL character|the bidirectional control character U\+)/);
    }
  });
});

describe('the checks let every real value through', () => {
  it("accepts every built-in provider's model ids, base URLs, id and key variable", () => {
    for (const provider of providers) {
      expect(PROVIDER_ID.test(provider.id), provider.id).toBe(true);
      expect(ENV_NAME.test(provider.apiKeyEnv), provider.apiKeyEnv).toBe(true);
      // Azure's `{endpoint}` placeholder stands for an https origin read from its variable.
      for (const url of Object.values(provider.baseUrls)) expect(checkHttpUrl(url.replace('{endpoint}', 'https://contoso.openai.azure.com')), url).toBeUndefined();
      for (const [openai, target] of Object.entries(provider.models)) {
        expect(checkModelPattern(openai), openai).toBeUndefined();
        if (target !== null) expect(checkModelId(target), target).toBeUndefined();
      }
    }
  });

  it.each(['Qwen/Qwen2.5-72B-Instruct', 'ft:gpt-4o-mini-2024-07-18:acme::abc123', 'ep-20240611-abcde', 'claude-3@20240229', 'glm-4.5-air'])(
    'accepts the model id %j',
    async (model) => {
      const dir = await project();
      const result = await runCli(['plan', '--to', 'zhipu', '--model', `gpt-4o=${model}`, '--format', 'diff'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`model: "${model}"`);
    },
  );

  it.each(['http://localhost:8080/v1', 'https://{host}.example.com/v1', 'https://llm.example.com:8443/api/v1?tenant=a&x=%20'])('accepts the base URL %j', async (url) => {
    expect(checkHttpUrl(url)).toBeUndefined();
  });
});
