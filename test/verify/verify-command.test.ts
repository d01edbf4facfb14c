import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { capabilityFor, providers } from '../../src/providers/index.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempProjects } from '../cli/temp-project.js';
import { startStub, type Stub, type StubOptions } from './stub-server.js';

const temp = useTempProjects();
const TARGET_KEY = 'target-key-0123456789';
const OPENAI_KEY = 'sk-proj-openaiSentinelKey0123456789abcdef';

/** A small app: a chat call with tools, a streamed one, a JSON-schema one and an embedding. */
const APP = {
  'src/client.ts': "import OpenAI from 'openai';\nexport const openai = new OpenAI();\n",
  'src/chat.ts': [
    "import { openai } from './client';",
    'export async function reply(text: string) {',
    "  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }], tools: [] });",
    '}',
    'export async function stream(text: string) {',
    "  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }], stream: true });",
    '}',
    'export async function extract(text: string) {',
    "  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }], response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } });",
    '}',
    '',
  ].join('\n'),
  'src/embed.ts': "import { openai } from './client';\nexport const embed = (input: string) => openai.embeddings.create({ model: 'text-embedding-3-small', input });\n",
};

async function appDir(files: Record<string, string> = APP): Promise<string> {
  const dir = await temp.emptyDir();
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

let stub: Stub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function verify(providerId: string, options: Partial<StubOptions> = {}, args: string[] = [], env: Record<string, string> = {}) {
  stub = await startStub({ key: TARGET_KEY, ...options });
  const provider = providers.find((p) => p.id === providerId)!;
  const cwd = await appDir();
  const result = await runCli(['verify', '--to', providerId, '--base-url', stub.baseUrl, '--format', 'json', ...args], {
    cwd,
    env: { NO_COLOR: '1', OPENAI_API_KEY: OPENAI_KEY, [provider.apiKeyEnv]: TARGET_KEY, ...env },
  });
  const json = !result.stdout.startsWith('{') ? undefined : (JSON.parse(result.stdout) as { checks: { probe: string; status: string; model?: string; message: string; httpStatus?: number }[]; access: { status: string; message: string }; requestsSent: number });
  return { ...result, json, requests: stub.requests, cwd };
}

describe('verify against each target', () => {
  for (const provider of providers) {
    it(`probes ${provider.id} with its own key, one request per model and feature`, async () => {
      const { code, json, requests, stdout, stderr } = await verify(provider.id, {}, ['--model', 'gpt-4o-mini=chat-model', '--model', 'gpt-4o=big-model', '--model', 'text-embedding-3-small=embed-model']);
      const hasEmbeddings = capabilityFor(provider, 'embeddings').support !== 'unsupported';
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(requests.map((r) => `${r.method} ${r.path} ${String(r.body?.model ?? '')}`)).toEqual([
        'GET /models ',
        'POST /chat/completions big-model',
        'POST /chat/completions big-model',
        'POST /chat/completions chat-model',
        'POST /chat/completions chat-model',
        'POST /chat/completions chat-model',
        // No check for an API the target lacks: the plan reports that call as an error.
        ...(hasEmbeddings ? ['POST /embeddings embed-model'] : []),
      ]);
      expect(json!.checks.map((c) => `${c.model} ${c.probe} ${c.status}`)).toEqual([
        'big-model basic pass',
        'big-model json_schema pass',
        'chat-model basic pass',
        'chat-model stream pass',
        'chat-model tools pass',
        ...(hasEmbeddings ? ['embed-model basic pass'] : []),
      ]);
      // The target's key on every request, never the OpenAI key, and neither in the output.
      expect(new Set(requests.map((r) => r.authorization))).toEqual(new Set([`Bearer ${TARGET_KEY}`]));
      expect(JSON.stringify(requests)).not.toContain(OPENAI_KEY);
      expect(stdout).not.toContain(TARGET_KEY);
      // Tiny requests: one token, no user content.
      for (const request of requests.filter((r) => r.path === '/chat/completions')) {
        expect(request.body?.max_tokens ?? request.body?.max_completion_tokens).toBeLessThanOrEqual(16);
        expect(JSON.stringify(request.body)).not.toContain('text');
      }
    });
  }
});

describe('verify reports failures at the calls that depend on them', () => {
  it('stops after a refused key, names the variable and exits with 1', async () => {
    const { code, json, requests } = await verify('zhipu', { key: 'another-key' });
    expect(code).toBe(1);
    expect(requests).toHaveLength(1);
    expect(json!.access.status).toBe('fail');
    expect(json!.access.message).toContain('the key in ZHIPUAI_API_KEY was refused (Incorrect API key provided): fix ZHIPUAI_API_KEY');
    expect(json!.access.message).toContain('keys belong to one region (cn, intl)');
    expect(json!.checks.every((c) => c.status === 'not-run')).toBe(true);
  });

  it('marks an unknown model with the provider message in its own error shape', async () => {
    const zhipuError = (_status: number, message: string) => ({ error: { code: '1211', message: `模型不存在: ${message}` } });
    const { code, json } = await verify('zhipu', { missingModels: ['no-such-model'], errorBody: zhipuError }, ['--model', 'gpt-4o=no-such-model']);
    expect(code).toBe(1);
    const failed = json!.checks.filter((c) => c.status === 'fail');
    expect(failed.map((c) => c.probe)).toEqual(['basic', 'json_schema']);
    expect(failed[0]!.message).toBe('model no-such-model not found: 模型不存在: The model no-such-model does not exist');
    expect(failed[0]!.httpStatus).toBe(404);
  });

  it('reads Baidu-style error_msg bodies and names Azure deployments', async () => {
    const baiduError = (_status: number, message: string) => ({ error_code: 336003, error_msg: message });
    const qianfan = await verify('qianfan', { refused: ['json_schema'], errorBody: baiduError });
    expect(qianfan.json!.checks.find((c) => c.probe === 'json_schema')).toMatchObject({ status: 'fail', httpStatus: 400, message: 'json_schema refused: json_schema is not supported' });
    await stub!.close();
    const azure = await verify('azure', { missingModels: ['my-deployment'] }, ['--model', 'gpt-4o-mini=my-deployment']);
    expect(azure.json!.checks.find((c) => c.model === 'my-deployment')!.message).toMatch(/^no deployment named my-deployment/);
  });

  it('retries a 429 once after Retry-After, and reports a longer wait instead of waiting', async () => {
    const short = await verify('deepseek', { busyModels: { 'busy-model': '0' } }, ['--model', 'gpt-4o=busy-model']);
    expect(short.code).toBe(0);
    expect(short.requests.filter((r) => r.body?.model === 'busy-model' && r.body?.response_format === undefined)).toHaveLength(2);
    await stub!.close();
    const long = await verify('deepseek', { busyModels: { 'busy-model': '3600' } }, ['--model', 'gpt-4o=busy-model']);
    expect(long.code).toBe(1);
    expect(long.json!.checks.find((c) => c.status === 'fail')!.message).toBe('rate limited (after one retry): Rate limit reached');
  });

  it('gives up on a request after --timeout', async () => {
    const { code, json } = await verify('moonshot', { silentModels: ['kimi-slow'] }, ['--timeout', '0.3', '--model', 'gpt-4o=kimi-slow']);
    expect(code).toBe(1);
    expect(json!.checks.filter((c) => c.model === 'kimi-slow').map((c) => c.message)).toEqual(['no answer in time', 'no answer in time']);
  });

  it('fails the stream check when the answer is not server-sent events', async () => {
    const { json } = await verify('yi', { noStreaming: true });
    expect(json!.checks.find((c) => c.probe === 'stream')).toMatchObject({ status: 'fail', message: 'answered, but not as a stream of server-sent events' });
  });

  it('compares embedding dimensions with the OpenAI model the code used', async () => {
    const { json } = await verify('dashscope', { dimensions: 1024 });
    expect(json!.checks.find((c) => c.probe === 'basic' && c.message.includes('dimensions'))!.message).toBe(
      '1024 dimensions (text-embedding-3-small: 1536; stored vectors must be re-embedded)',
    );
  });

  it('goes on without a models endpoint', async () => {
    const { code, json } = await verify('hunyuan', { noModelList: true });
    expect(code).toBe(0);
    expect(json!.access).toMatchObject({ status: 'not-run', message: 'no model list (404: Not found); the checks below test the key' });
  });

  it('marks a model the endpoint does not list, in a table', async () => {
    const { code, stdout } = await verify('siliconflow', {}, ['--format', 'text', '--model', 'gpt-4o=listed-model']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[2]).toBe('✓ access: key accepted; 1 model listed');
    expect(lines.find((line) => line.includes('json_schema'))).toMatch(/^✓ pass +chat +listed-model +json_schema +src\/chat\.ts:9 +200 accepted$/);
    expect(lines.find((line) => line.includes('stream'))).toMatch(/ \(not listed\) +stream +src\/chat\.ts:6 /);
  });
});

describe('verify without sending', () => {
  it('--dry-run prints the requests, sends nothing and needs no key', async () => {
    stub = await startStub({ key: TARGET_KEY });
    const cwd = await appDir();
    const { code, stdout } = await runCli(['verify', '--to', 'zhipu', '--base-url', stub.baseUrl, '--dry-run'], { cwd, env: { NO_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stub.requests).toHaveLength(0);
    expect(stdout).toContain(`GET ${stub.baseUrl}/models`);
    expect(stdout).toContain(`POST ${stub.baseUrl}/chat/completions {"model":"glm-4.5-air","messages":[{"role":"user","content":"ping"}],"max_tokens":1,"stream":true}`);
    expect(stdout).toContain('0 requests sent');
  });

  it('exits with 2 and one line when the key variable is not set', async () => {
    const cwd = await appDir();
    const { code, stderr } = await runCli(['verify', '--to', 'deepseek'], { cwd, env: { NO_COLOR: '1', OPENAI_API_KEY: OPENAI_KEY } });
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('error: DEEPSEEK_API_KEY is not set: verify sends your DeepSeek key from it');
  });

  it('exits with 2 when Azure has neither its endpoint variable nor --base-url', async () => {
    const cwd = await appDir();
    const { code, stderr } = await runCli(['verify', '--to', 'azure'], { cwd, env: { NO_COLOR: '1', AZURE_OPENAI_API_KEY: TARGET_KEY } });
    expect(code).toBe(2);
    expect(stderr).toContain('AZURE_OPENAI_ENDPOINT is not set');
  });

  it('checks the calls of a saved plan like those of a scan', async () => {
    const cwd = await appDir();
    const env = { NO_COLOR: '1', ZHIPUAI_API_KEY: TARGET_KEY };
    expect((await runCli(['plan', '--to', 'zhipu', '--format', 'json', '--out', 'plan.json'], { cwd, env })).code).toBe(0);
    // The saved plan names OpenAI models, but it is the tool's output, not the project's settings.
    const rescan = JSON.parse((await runCli(['scan', '--format', 'json'], { cwd, env })).stdout) as { findings: { file: string }[] };
    expect(rescan.findings.filter((f) => f.file === 'plan.json')).toEqual([]);
    const scanned = await runCli(['verify', '--to', 'zhipu', '--dry-run', '--format', 'json'], { cwd, env });
    const saved = await runCli(['verify', '--plan', 'plan.json', '--dry-run', '--format', 'json'], { cwd, env });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe(scanned.stdout);
    const wrong = await runCli(['verify', '--plan', 'plan.json', '--to', 'yi', '--dry-run'], { cwd, env });
    expect(wrong).toMatchObject({ code: 2 });
    expect(wrong.stderr).toContain('plan.json is a plan for zhipu, not yi');
    const broken = await runCli(['verify', '--plan', 'src/chat.ts', '--dry-run'], { cwd, env });
    expect(broken.stderr.split('\n')[0]).toBe('error: src/chat.ts is not JSON');
  });
});
