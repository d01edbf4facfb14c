import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/index.js';
import { useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, writeFiles } from './project.js';
import { readValues, type ReadValues } from './read-values.js';

const temp = useTempProjects();

/**
 * Odd but valid values (the boundary checks let them through) must come out of `apply` as
 * exactly themselves in every language the tool writes: each written file is read back by the
 * real parser of its language and the value found where it was written.
 */
interface Values {
  url: string;
  /** What `gpt-4o` and `gpt-4o-mini` become. */
  large: string;
  small: string;
  /** A custom provider's id and key variable. */
  id: string;
  keyEnv: string;
}

const VALUE_SETS: Values[] = [
  {
    url: 'https://gw.acme.example:8443/llm/v1;x=1,y~z!*+?tenant=eu-1&api-version=2024-10-21&q=%2Fa%20b',
    large: 'Qwen/Qwen2.5-72B-Instruct@2024:latest',
    small: 'ft:gpt-4o-mini:acme::abc.1-2',
    id: 'acme-gw2',
    keyEnv: '_Acme_Key9',
  },
  // YAML reads these plain scalars as a boolean, a number, null or a date unless they are quoted.
  { url: 'http://[::1]:8080/v1', large: 'true', small: '1e3', id: 'a1', keyEnv: 'K' },
  { url: 'https://llm.example/v1/deployments/x@y/?a=1#top', large: 'null', small: '0x1F', id: 'x-1-y', keyEnv: 'llm_key' },
  { url: 'http://10.0.0.7:11434/v1', large: 'on', small: '1:20', id: 'ollama-lan', keyEnv: 'OLLAMA_KEY' },
  { url: 'https://gw.example/%7Euser/v1/', large: '2024-10-01', small: '123', id: 'tilde', keyEnv: 'TILDE_KEY' },
  { url: 'https://gw.example/v1', large: 'No', small: 'acme:', id: 'colon', keyEnv: 'COLON_KEY' },
];

const BASE = 'https://api.openai.com/v1';

/** One file per language and quote style the tool edits. */
const PROJECT: Record<string, string> = {
  'src/single.ts': [
    "import OpenAI from 'openai';",
    `const client = new OpenAI({ baseURL: '${BASE}', apiKey: process.env.OPENAI_API_KEY });`,
    "export const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });",
    `export const embed = (path: string) => fetch(\`${BASE}/\${path}\`, { headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });`,
    '',
  ].join('\n'),
  'src/double.js': [
    'import OpenAI from "openai";',
    'const client = new OpenAI();',
    'export const ask = () => client.chat.completions.create({ model: "gpt-4o-mini", messages: [] });',
    '',
  ].join('\n'),
  'src/template.ts': [
    'import OpenAI from "openai";',
    `const client = new OpenAI({ baseURL: \`${BASE}\`, apiKey: process.env.OPENAI_API_KEY });`,
    'export const ask = () => client.chat.completions.create({ model: `gpt-4o`, messages: [] });',
    '',
  ].join('\n'),
  'web/Chat.vue': [
    '<template><p title="gpt-4o">{{ reply }}</p></template>',
    '<script setup lang="ts">',
    "import OpenAI from 'openai';",
    'const client = new OpenAI({ dangerouslyAllowBrowser: true });',
    "const reply = await client.chat.completions.create({ model: 'gpt-4o', messages: [] });",
    '</script>',
    '',
  ].join('\n'),
  'app/single.py': [
    'import os',
    'from openai import OpenAI',
    `client = OpenAI(base_url='${BASE}', api_key=os.environ['OPENAI_API_KEY'])`,
    "reply = client.chat.completions.create(model='gpt-4o', messages=[])",
    '',
  ].join('\n'),
  'app/double.py': ['from openai import OpenAI', 'client = OpenAI()', 'reply = client.chat.completions.create(model="gpt-4o-mini", messages=[])', ''].join('\n'),
  'app/triple_raw.py': [
    'from openai import OpenAI',
    `client = OpenAI(base_url=r"${BASE}")`,
    'reply = client.chat.completions.create(model="""gpt-4o""", messages=[])',
    "other = client.chat.completions.create(model=r'gpt-4o-mini', messages=[])",
    '',
  ].join('\n'),
  'app/fstring.py': [
    'import os',
    'import requests',
    '',
    'def call(path):',
    `    url = f"${BASE}/{path}"`,
    '    body = {"model": "gpt-4o", "messages": []}',
    "    return requests.post(url, json=body, headers={'Authorization': f\"Bearer {os.environ['OPENAI_API_KEY']}\"})",
    '',
  ].join('\n'),
  'nb/chat.ipynb': `${JSON.stringify(
    {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Chat'] },
        { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['from openai import OpenAI\n', 'client = OpenAI()\n', 'reply = client.chat.completions.create(model="gpt-4o", messages=[])'] },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  )}\n`,
  '.env': ['OPENAI_API_KEY=', `OPENAI_BASE_URL=${BASE}`, 'OPENAI_MODEL=gpt-4o', 'OPENAI_CHAT_MODEL="gpt-4o-mini"', `OPENAI_API_BASE='${BASE}'`, ''].join('\n'),
  'docker-compose.yml': [
    'services:',
    '  api:',
    '    image: acme/api',
    '    environment:',
    '      OPENAI_API_KEY: ${OPENAI_API_KEY}',
    `      OPENAI_BASE_URL: ${BASE}`,
    '      OPENAI_MODEL: gpt-4o',
    '      OPENAI_CHAT_MODEL: "gpt-4o-mini"',
    "      OPENAI_SMALL_MODEL: 'gpt-4o-mini'",
    '',
  ].join('\n'),
  'k8s/deploy.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          env:',
    '            - name: OPENAI_MODEL',
    '              value: gpt-4o',
    '            - name: OPENAI_BASE_URL',
    `              value: "${BASE}"`,
    '',
  ].join('\n'),
  'config/llm.json': `${JSON.stringify({ model: 'gpt-4o', baseUrl: BASE, env: { OPENAI_MODEL: 'gpt-4o-mini' } }, null, 2)}\n`,
  'pyproject.toml': ['[project]', 'name = "svc"', 'dependencies = ["openai>=1.40"]', ''].join('\n'),
};

/** Where each value must be found after the migration, per file: literal values of code, or settings by key. */
function expectations(values: Values): Record<string, (read: ReadValues) => void> {
  const { url, large, small } = values;
  const literals = (...expected: string[]) => (read: ReadValues) => {
    const { strings } = read as { strings: string[] };
    for (const value of expected) expect(strings, `the literal ${JSON.stringify(value)}`).toContain(value);
    expect(strings.filter((string) => string.includes('api.openai.com') || /^gpt-4o(-mini)?$/.test(string))).toEqual([]);
  };
  const data = (check: (data: never) => void) => (read: ReadValues) => check((read as { data: never }).data);
  return {
    'src/single.ts': literals(url, large, `${url}/`),
    'src/double.js': literals(url, small),
    'src/template.ts': literals(url, large),
    'web/Chat.vue': literals(url, large),
    'app/single.py': literals(url, large),
    'app/double.py': literals(url, small),
    'app/triple_raw.py': literals(url, large, small),
    'app/fstring.py': literals(`${url}/`, large),
    'nb/chat.ipynb': literals(url, large),
    '.env': data((env: Record<string, string>) =>
      expect([env.OPENAI_BASE_URL, env.OPENAI_MODEL, env.OPENAI_CHAT_MODEL, env.OPENAI_API_BASE]).toEqual([url, large, small, url]),
    ),
    'docker-compose.yml': data(([compose]: { services: { api: { environment: Record<string, unknown> } } }[]) => {
      const { OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_CHAT_MODEL, OPENAI_SMALL_MODEL } = compose!.services.api.environment;
      expect([OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_CHAT_MODEL, OPENAI_SMALL_MODEL]).toEqual([url, large, small, small]);
    }),
    'k8s/deploy.yaml': data(([deployment]: { spec: { template: { spec: { containers: { env: { name: string; value: unknown }[] }[] } } } }[]) => {
      expect(deployment!.spec.template.spec.containers[0]!.env.map((item) => item.value)).toEqual([large, url]);
    }),
    'config/llm.json': data((json: { model: unknown; baseUrl: unknown; env: { OPENAI_MODEL: unknown } }) => expect([json.model, json.baseUrl, json.env.OPENAI_MODEL]).toEqual([large, url, small])),
  };
}

/** Applies with `argv` to a fresh copy of the project and checks every written file. */
async function applyAndRead(values: Values, argv: string[], config?: object): Promise<Record<string, string>> {
  const dir = await temp.emptyDir();
  await writeFiles(dir, { ...PROJECT, ...(config ? { 'migrate-openai.config.json': JSON.stringify(config) } : {}) });
  const result = await runCli(['apply', ...argv, '--yes', '--allow-dirty'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  const after = await readTree(dir);
  const written = Object.fromEntries([...after].filter(([file, bytes]) => PROJECT[file] !== undefined && bytes.toString('utf8') !== PROJECT[file]).map(([file, bytes]) => [file, bytes.toString('utf8')]));
  const expected = expectations(values);
  expect(Object.keys(written).sort()).toEqual(Object.keys(expected).sort());
  const read = readValues(written);
  const failures: string[] = [];
  for (const [file, check] of Object.entries(expected)) {
    try {
      const values = read[file]!;
      if (values instanceof Error) throw values;
      check(values);
    } catch (error) {
      failures.push(`${file}: ${(error as Error).message}\n${written[file]}`);
    }
  }
  expect(failures).toEqual([]);
  return written;
}

const capabilities = { 'chat.completions': { support: 'supported' }, embeddings: { support: 'supported' } };

describe('odd but valid values reach every language exactly', () => {
  it.each(VALUE_SETS)('through a custom provider in the configuration file: $url, $large, $small', async (values) => {
    const provider = { id: values.id, name: `Acme "GW" #2 — 'EU' (${values.id})`, baseURL: values.url, apiKeyEnv: values.keyEnv, capabilities, models: { 'gpt-4o': values.large, 'gpt-4o-mini': values.small } };
    const read = readValues(await applyAndRead(values, [], { target: values.id, providers: [provider] }));
    expect((read['.env'] as { data: Record<string, string> }).data).toHaveProperty(values.keyEnv, '');
    expect((read['app/single.py'] as { strings: string[] }).strings).toContain(values.keyEnv);
  });

  const targets = providers.map((provider) => provider.id);
  it.each(targets.map((id, index) => [id, VALUE_SETS[index % VALUE_SETS.length]!] as const))('to %s through --model and --base-url', async (id, values) => {
    await applyAndRead(values, ['--to', id, '--model', `gpt-4o=${values.large}`, '--model', `gpt-4o-mini=${values.small}`, '--base-url', values.url]);
  });

  // The same writers as the flags: every other target, with the value sets shifted.
  it.each(targets.filter((_, index) => index % 2 === 0).map((id, index) => [id, VALUE_SETS[(index + 3) % VALUE_SETS.length]!] as const))('to %s through the configuration file’s baseURL and models', async (id, values) => {
    await applyAndRead(values, [], { target: id, baseURL: values.url, models: { 'gpt-4o': values.large, 'gpt-4o-mini': values.small } });
  });

  it('fills URL placeholders from variables in code, and writes an odd provider name only as a comment', async () => {
    const name = `Acme "GW" #2 — 'EU' 🚀: x`;
    const provider = { id: 'gw', name, baseURL: 'https://{host}:8443/v1/{tenant}?x=%2F', urlVariables: { host: 'GW_HOST', tenant: 'GW_TENANT' }, apiKeyEnv: 'GW_KEY', capabilities };
    const dir = await temp.emptyDir();
    const project = {
      'src/chat.ts': PROJECT['src/double.js']!,
      'app/chat.py': PROJECT['app/double.py']!,
      '.env': 'OPENAI_API_KEY=\n',
      'docker-compose.yml': 'services:\n  api:\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n',
      'migrate-openai.config.json': JSON.stringify({ target: 'gw', providers: [provider] }),
    };
    await writeFiles(dir, project);
    const result = await runCli(['apply', '--yes', '--allow-dirty'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const after = await readTree(dir);
    const written = Object.fromEntries(['src/chat.ts', 'app/chat.py', '.env', 'docker-compose.yml'].map((file) => [file, after.get(file)!.toString('utf8')]));
    const read = readValues(written);
    expect(Object.values(read).filter((values) => values instanceof Error)).toEqual([]);
    for (const file of ['src/chat.ts', 'app/chat.py']) expect((read[file] as { strings: string[] }).strings, file).toEqual(expect.arrayContaining(['https://', ':8443/v1/', '?x=%2F']));
    expect((read['app/chat.py'] as { strings: string[] }).strings).toEqual(expect.arrayContaining(['GW_HOST', 'GW_TENANT', 'GW_KEY']));
    expect((read['.env'] as { data: unknown }).data).toEqual({ GW_KEY: '', GW_HOST: '', GW_TENANT: '' });
    expect((read['docker-compose.yml'] as { data: { services: { api: { environment: unknown } } }[] }).data[0]!.services.api.environment).toEqual({ GW_KEY: '${GW_KEY}', GW_HOST: '${GW_HOST}', GW_TENANT: '${GW_TENANT}' });
    expect(written['.env']).toContain(`# ${name}: GW_HOST\n`);
  });
});
