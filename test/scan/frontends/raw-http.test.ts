import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotenvFrontend } from '../../../src/scan/frontends/dotenv.js';
import { scanProject } from '../../../src/scan/scan.js';
import { copyFixture } from '../../helpers/read-tree.js';
import { writeFile, mkdir } from 'node:fs/promises';
import { expectFindings } from './settings-tester.js';
import { scanFiles } from './typescript-tester.js';

/** `line kind api/name confidence` of every finding in `file`. */
function findings(files: Record<string, string>, file: string): string[] {
  return scanFiles(files)
    .filter((f) => f.file === file)
    .map((f) => `${f.span.line} ${f.kind} ${f.api ?? f.name ?? f.model} ${f.confidence}`);
}

describe('raw HTTP: REST paths', () => {
  it.each<[string, string, string[]]>([
    ['an endpoint table', `export const Path = {\n  ChatPath: "v1/chat/completions",\n  SpeechPath: "v1/audio/speech",\n  UsagePath: "dashboard/billing/usage",\n};\n`, ['2 api-call chat.completions.create likely', '3 api-call audio.speech.create likely']],
    ['an Azure deployment path', 'export const chat = (d: string, v: string) => `deployments/${d}/chat/completions?api-version=${v}`;\n', ['1 api-call chat.completions.create likely']],
    ['a path joined to a base', 'fetch(`${base}/images/generations`, { method: "POST" });\nfetch(`${base}/embeddings`);\n', ['1 api-call images.generate likely', '2 api-call embeddings.create possible']],
    ['a single word, not a path', `export const tabs = ["embeddings", "completions", "files"];\n`, []],
    ['the newer APIs after a base', 'fetch(`${API}/containers/${id}/files`);\nfetch(`${API}/conversations`);\nfetch(`${API}/uploads`);\nfetch(`${API}/evals`);\nfetch(`${API}/videos`);\n', ['1 api-call containers.create possible', '2 api-call conversations.create possible', '3 api-call uploads.create possible', '4 api-call evals.create possible', '5 api-call videos.create possible']],
    ['a generic path after a base seen to be another service', 'const docker = process.env.DOCKER_URL ?? "http://localhost:2375/v1.43";\nfetch(`${docker}/containers/json`);\nfetch(`${docker}/chat/completions`);\n', ['3 api-call chat.completions.create likely']],
    ['a generic path after an OpenAI base in the file', 'const API = "https://api.openai.com/v1";\nfetch(`${API}/containers`);\n', ['1 base-url https://api.openai.com/v1 certain', '2 api-call containers.create possible']],
  ])('%s', (_name, code, expected) => {
    expect(findings({ 'src/a.ts': code }, 'src/a.ts')).toEqual(expected);
  });
});

describe('raw HTTP: base URLs through generic names', () => {
  const files = {
    'app/config/server.ts': `export const getServerSideConfig = () => ({\n  baseUrl: process.env.BASE_URL,\n  port: process.env.PORT_URL_UNUSED,\n  apiKey: process.env.OPENAI_API_KEY,\n});\n`,
    'app/lib/constant.ts': `export const OPENAI_BASE_URL = "https://api.openai.com";\n`,
    'app/api/common.ts': `import { OPENAI_BASE_URL } from "@/app/lib/constant";\nimport { getServerSideConfig } from "../config/server";\nconst serverConfig = getServerSideConfig();\nexport async function request(path: string) {\n  const baseUrl = serverConfig.baseUrl || OPENAI_BASE_URL;\n  return fetch(\`\${baseUrl}/\${path}\`);\n}\n`,
  };

  it('reports a generic variable read into a value used as the OpenAI base, in another file', () => {
    expect(findings(files, 'app/config/server.ts')).toEqual(['2 env-var BASE_URL likely', '4 env-var OPENAI_API_KEY certain']);
  });

  it('reports the request URL templated from that base', () => {
    expect(findings(files, 'app/api/common.ts')).toEqual(['6 base-url `${baseUrl}/${path}` likely']);
  });

  it('reports a generic variable given as a client base URL', () => {
    const code = `import OpenAI from 'openai';\nexport const client = new OpenAI({ baseURL: process.env.LLM_PROXY_URL ?? 'https://api.openai.com/v1' });\n`;
    expect(findings({ 'src/a.ts': code }, 'src/a.ts')).toContain('2 env-var LLM_PROXY_URL likely');
  });

  it('leaves generic variables that reach nothing of OpenAI alone', () => {
    const code = `export const config = { baseUrl: process.env.BASE_URL };\nfetch(\`\${config.baseUrl}/users\`);\n`;
    expect(findings({ 'src/a.ts': code }, 'src/a.ts')).toEqual([]);
  });

  it('keeps a generic name in a settings file only where the code uses it for OpenAI', async () => {
    const root = await copyFixture(path.resolve(import.meta.dirname, '../../../fixtures/apps/nextjs-chat/project'));
    await mkdir(path.join(root, 'other'), { recursive: true });
    await writeFile(path.join(root, 'other', '.env'), 'OPENAI_API_KEY=\nSTATUS_PAGE_URL=https://status.example.com\n');
    const scan = await scanProject({ root, paths: [root] });
    const names = scan.findings.filter((f) => f.kind === 'env-var' && f.detail?.entry).map((f) => `${f.file} ${f.name} ${f.confidence}`);
    expect(names).toContain('.env.template BASE_URL likely');
    expect(names).toContain('.env.template AZURE_URL likely');
    expect(names.filter((name) => name.includes('STATUS_PAGE_URL'))).toEqual([]);
  });
});

describe('Azure endpoint placeholders', () => {
  it('reports an Azure OpenAI host in a settings value, placeholder or not', () => {
    expectFindings(dotenvFrontend, '.env.example', 'AZURE_OPENAI_ENDPOINT=https://YOUR-RESOURCE.openai.azure.com/\n', [
      { kind: 'env-var', line: 1, column: 1, name: 'AZURE_OPENAI_ENDPOINT' },
      { kind: 'base-url', line: 1, column: 23, api: 'https://YOUR-RESOURCE.openai.azure.com/' },
    ]);
  });

  it('reports an Azure OpenAI host in code', () => {
    expect(findings({ 'src/a.ts': `export const endpoint = 'https://my-resource.openai.azure.com/openai';\n` }, 'src/a.ts')).toEqual([
      '1 base-url https://my-resource.openai.azure.com/openai certain',
    ]);
  });

  it('reports an Azure deployment name used as the model in an env template', () => {
    expectFindings(dotenvFrontend, '.env.example', 'AZURE_OPENAI_DEPLOYMENT=gpt-4o-prod\n', [
      { kind: 'env-var', line: 1, column: 1, name: 'AZURE_OPENAI_DEPLOYMENT' },
      { kind: 'model', line: 1, column: 25, model: 'gpt-4o-prod' },
    ]);
  });
});
