import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempProjects } from './temp-project.js';

const temp = useTempProjects();

async function writeProject(files: Record<string, string>): Promise<string> {
  const dir = await temp.emptyDir();
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

interface ScanJson {
  findings: { file: string; line: number; kind: string; migratedTo?: string }[];
}

const remainingOf = (stdout: string) =>
  (JSON.parse(stdout) as ScanJson).findings.filter((f) => f.migratedTo === undefined).map((f) => `${f.file}:${f.line} ${f.kind}`);

/**
 * A service a team moved to Zhipu by hand: one shared client with the mainland URL (trailing
 * slash) and key, a typed helper taking the client, a LangChain model whose URL comes from the
 * environment with Zhipu's key variable, and the SDKs still declared in package.json.
 * Labelled before running: every finding uses the SDK pointed at Zhipu, so none remains.
 */
const ZHIPU_SERVICE = {
  'package.json': JSON.stringify({ name: 'support-bot', dependencies: { openai: '^5.10.0', '@langchain/openai': '^1.0.0' } }, null, 2),
  'src/llm/client.ts': [
    "import OpenAI from 'openai';",
    '',
    'export const llm = new OpenAI({',
    '  apiKey: process.env.ZHIPUAI_API_KEY,',
    "  baseURL: 'https://open.bigmodel.cn/api/paas/v4/',",
    '});',
    '',
  ].join('\n'),
  'src/llm/chat.ts': [
    "import { llm } from './client.js';",
    '',
    'export async function answer(question: string) {',
    "  const completion = await llm.chat.completions.create({ model: 'glm-4.6', messages: [{ role: 'user', content: question }] });",
    '  return completion.choices[0]?.message.content;',
    '}',
    '',
  ].join('\n'),
  'src/search/embed.ts': [
    "import type OpenAI from 'openai';",
    '',
    'export async function embed(client: OpenAI, input: string) {',
    "  const result = await client.embeddings.create({ model: 'embedding-3', input });",
    '  return result.data[0]?.embedding;',
    '}',
    '',
  ].join('\n'),
  'src/agents/triage.ts': [
    "import { ChatOpenAI } from '@langchain/openai';",
    '',
    'export const triage = new ChatOpenAI({',
    "  model: 'glm-4.5-air',",
    '  apiKey: process.env.ZHIPUAI_API_KEY,',
    '  configuration: { baseURL: process.env.LLM_BASE_URL },',
    '});',
    '',
  ].join('\n'),
};

describe('scan of a migrated project', () => {
  it('reports the SDK pointed at Zhipu as migrated, and --fail-on-findings passes', async () => {
    const dir = await writeProject(ZHIPU_SERVICE);
    const json = await runCli(['scan', dir, '--format', 'json', '--fail-on-findings']);
    expect(json.code).toBe(0);
    const findings = (JSON.parse(json.stdout) as ScanJson).findings;
    expect(findings.length).toBeGreaterThanOrEqual(8);
    expect(findings.filter((f) => f.migratedTo !== 'zhipu')).toEqual([]);
    const text = await runCli(['scan', dir]);
    expect(text.stdout).toContain('  src/llm/client.ts:3:20  client     new OpenAI(…) (migrated to zhipu)');
    expect(text.stdout).toMatch(/No OpenAI usage remains: \d+ already migrated \(the SDK pointed at another provider\), 0 remaining/);
  });

  it('keeps what is not migrated: a client without a key of its own, an OpenAI model id, an OpenAI variable', async () => {
    const dir = await writeProject({
      ...ZHIPU_SERVICE,
      // Without apiKey the SDK reads OPENAI_API_KEY and sends it to Zhipu: not migrated.
      'src/llm/probe.ts': "import OpenAI from 'openai';\nexport const probe = new OpenAI({ baseURL: 'https://open.bigmodel.cn/api/paas/v4' });\n",
      'src/llm/chat.ts': "import { llm } from './client.js';\nexport const ask = () => llm.chat.completions.create({ model: 'gpt-4o', messages: [] });\nexport const org = process.env.OPENAI_ORG_ID;\n",
    });
    const { code, stdout } = await runCli(['scan', dir, '--format', 'json', '--fail-on-findings']);
    expect(code).toBe(1);
    // probe.ts builds a client that is not migrated, so its import is not either; and with one
    // client left on OpenAI's key, calls in files that build no client may go through it.
    expect(remainingOf(stdout)).toEqual([
      'package.json:4 import',
      'package.json:5 framework',
      'src/llm/chat.ts:2 api-call',
      'src/llm/chat.ts:2 model',
      'src/llm/chat.ts:3 env-var',
      'src/llm/probe.ts:1 import',
      'src/llm/probe.ts:2 client',
      'src/search/embed.ts:1 import',
      'src/search/embed.ts:4 api-call',
    ]);
    // The client and LangChain model that are pointed at Zhipu stay migrated.
    expect((JSON.parse(stdout) as ScanJson).findings.filter((f) => f.kind === 'client' && f.migratedTo === 'zhipu').map((f) => f.file)).toEqual(['src/agents/triage.ts', 'src/llm/client.ts']);
  });

  it('counts Azure deployments named like OpenAI models as migrated, and AzureOpenAI clients', async () => {
    const dir = await writeProject({
      'src/client.ts': [
        "import OpenAI, { AzureOpenAI } from 'openai';",
        'export const v1 = new OpenAI({',
        "  baseURL: `${(process.env.AZURE_OPENAI_ENDPOINT ?? '').replace(/\\/+$/, '')}/openai/v1`,",
        "  apiKey: process.env.AZURE_OPENAI_API_KEY ?? '',",
        '});',
        "export const dated = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21' });",
        "export const reply = () => v1.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });",
        '',
      ].join('\n'),
    });
    const { code, stdout } = await runCli(['scan', dir, '--format', 'json', '--fail-on-findings']);
    expect(remainingOf(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  it('knows a custom provider of the configuration file by its base URL', async () => {
    const dir = await writeProject({
      'migrate-openai.config.json': JSON.stringify({ target: 'acme', providers: [{ id: 'acme', name: 'Acme', baseURL: 'https://llm.acme.example/v1', apiKeyEnv: 'ACME_KEY' }] }),
      'src/client.ts': "import OpenAI from 'openai';\nexport const llm = new OpenAI({ baseURL: 'https://llm.acme.example/v1', apiKey: process.env.ACME_KEY });\n",
    });
    const { code, stdout } = await runCli(['scan', dir, '--format', 'json', '--fail-on-findings']);
    expect((JSON.parse(stdout) as ScanJson).findings.map((f) => f.migratedTo)).toEqual(['acme', 'acme']);
    expect(code).toBe(0);
  });

  it('still fails on an untouched OpenAI project', async () => {
    const dir = await writeProject({ 'src/client.ts': "import OpenAI from 'openai';\nexport const llm = new OpenAI();\n" });
    const { code, stdout } = await runCli(['scan', dir, '--fail-on-findings']);
    expect(code).toBe(1);
    expect(stdout).not.toContain('migrated');
  });
});
