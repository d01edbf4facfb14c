import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { renderStarterConfig } from '../../src/config/starter.js';
import { dashscope } from '../../src/providers/dashscope.js';
import { getProviderOrThrow, providers } from '../../src/providers/index.js';
import { readTree } from '../helpers/read-tree.js';
import { linesOf, REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { useTempProjects } from './temp-project.js';

const temp = useTempProjects();
const CONFIG = 'migrate-openai.config.json';
const BUILT_IN_IDS = providers.map((provider) => provider.id);

const acme = {
  id: 'acme',
  name: 'Acme Gateway',
  baseURL: 'https://llm.acme.test/v1',
  apiKeyEnv: 'ACME_API_KEY',
  models: { 'gpt-4o-mini': 'acme-small' },
  capabilities: { 'chat.completions': { support: 'partial', note: 'No streaming.' }, embeddings: { support: 'supported' } },
};

/** A copy of the sdk-v4-client fixture with `config` written as its configuration file. */
async function projectWith(config: unknown): Promise<string> {
  const dir = await temp.copy('sdk-v4-client');
  await writeFile(path.join(dir, CONFIG), JSON.stringify(config, null, 2));
  return dir;
}

describe('a custom provider from the configuration file', () => {
  const config = { target: 'acme', models: { 'gpt-4o-20*': 'acme-large' }, providers: [acme] };

  it('is the target of plan, with its base URL, key variable, models and capabilities', async () => {
    const dir = await projectWith(config);
    const { code, stdout, stderr } = await runCli(['plan', '--format', 'diff', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const added = linesOf(stdout).filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    expect(added).toContain("+  baseURL: 'https://llm.acme.test/v1',");
    expect(added).toContain("+  apiKey: process.env.ACME_API_KEY ?? '',");
    // The provider's own map for the exact id, the file's pattern for the dated snapshot.
    expect(added).toContain("+export const CHAT_MODEL = process.env.CHAT_MODEL ?? 'acme-small';");
    expect(added).toContain("+export const SMART_MODEL = 'acme-large';");

    const json = await runCli(['plan', '--format', 'json', dir]);
    const manual = (JSON.parse(json.stdout) as { manual: { code: string; message: string }[] }).manual;
    expect(manual).toContainEqual(expect.objectContaining({ code: 'partial-api', message: 'chat.completions.create: partly supported on Acme Gateway. No streaming.' }));
  });

  it('is applied, and a second run has nothing left to change', async () => {
    const dir = await projectWith(config);
    const applied = await runCli(['apply', '--yes', dir]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Migrated to Acme Gateway: 3 files changed');
    const client = await readFile(path.join(dir, 'src/client.ts'), 'utf8');
    expect(client).toContain("baseURL: 'https://llm.acme.test/v1'");
    expect((await runCli(['plan', '--check', dir])).code).toBe(0);
  });

  it('is the target of report', async () => {
    const dir = await projectWith(config);
    const { code, stdout } = await runCli(['report', '--format', 'json', dir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ target: 'acme' });
  });

  it('is listed by providers after the built-in ones, and shown in full', async () => {
    const dir = await projectWith(config);
    const list = await runCli(['providers'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(linesOf(list.stdout).slice(0, BUILT_IN_IDS.length + 1).map((row) => row.split(' ')[0])).toEqual([...BUILT_IN_IDS, 'acme']);
    const one = await runCli(['providers', 'acme', '--config', path.join(dir, CONFIG)]);
    expect(one.code).toBe(0);
    expect(linesOf(one.stdout)).toEqual(
      expect.arrayContaining(['Acme Gateway (acme)', 'API key:       ACME_API_KEY', 'Base URL:      https://llm.acme.test/v1  --region default (default)']),
    );
    expect(one.stdout).toMatch(/^Defined in: {4}.*migrate-openai\.config\.json$/m);
  });

  it('is among the valid ids an unknown --to lists', async () => {
    const dir = await projectWith({ providers: [acme] });
    const { code, stderr } = await runCli(['plan', '--to', 'acm', dir]);
    expect(code).toBe(2);
    expect(linesOf(stderr)).toEqual(['error: unknown provider "acm" (did you mean "acme"?)', `hint: valid providers: ${[...BUILT_IN_IDS, 'acme'].join(', ')}`]);
  });
});

describe('precedence: defaults < file < flags', () => {
  it("uses the file's target and region, and a flag's region over it", async () => {
    const dir = await projectWith({ target: 'dashscope', region: 'intl' });
    const fromFile = await runCli(['plan', '--format', 'diff', dir]);
    expect(fromFile.stdout).toContain(dashscope.baseUrls.intl);
    const fromFlag = await runCli(['plan', '--format', 'diff', '--region', 'us', dir]);
    expect(fromFlag.stdout).toContain(dashscope.baseUrls.us);
    expect(fromFlag.stdout).not.toContain(dashscope.baseUrls.intl);
  });

  it('replaces one mapping of the file with --model and keeps the others', async () => {
    const dir = await projectWith({ target: 'zhipu', models: { 'gpt-4o-mini': 'from-file', 'gpt-4o': 'file-4o' } });
    const { stdout } = await runCli(['plan', '--format', 'diff', '--model', 'gpt-4o-mini=from-flag', dir]);
    expect(stdout).toContain("+export const CHAT_MODEL = process.env.CHAT_MODEL ?? 'from-flag';");
    expect(stdout).toContain("+export const SMART_MODEL = 'file-4o';");
  });

  it("notes that the file's choices for its own target are not used with another --to", async () => {
    const dir = await projectWith({ target: 'zhipu', region: 'intl' });
    const { code, stderr, stdout } = await runCli(['plan', '--to', 'deepseek', '--format', 'diff', dir]);
    expect(code).toBe(0);
    expect(stderr).toBe(`note: --to deepseek differs from the target "zhipu" in ${path.join(dir, CONFIG)}: its region is not used\n`);
    expect(stdout).toContain(getProviderOrThrow('deepseek').baseUrls.cn ?? 'https://api.deepseek.com');
  });

  it('uses --base-url over the region URL', async () => {
    const dir = await projectWith({ target: 'zhipu' });
    const { stdout } = await runCli(['plan', '--format', 'diff', '--base-url', 'https://proxy.test/zhipu/v4', dir]);
    expect(stdout).toContain("baseURL: 'https://proxy.test/zhipu/v4'");
  });

  it("gates plan with the file's failOn, and a --fail-on flag over it", async () => {
    const dir = await projectWith({ target: 'deepseek', failOn: 'info' });
    const fromFile = await runCli(['plan', dir]);
    expect(fromFile.code).toBe(1);
    expect((await runCli(['plan', '--fail-on', 'error', dir])).code).toBe(0);
  });

  it("scans with the file's exclude, and never scans the configuration file itself", async () => {
    const dir = await projectWith({ exclude: ['src/models.ts'], models: { 'gpt-4o': 'gpt-4o' } });
    const { stdout } = await runCli(['scan', '--format', 'json', dir]);
    const files = new Set((JSON.parse(stdout) as { findings: { file: string }[] }).findings.map((finding) => finding.file));
    expect(files.has('src/models.ts')).toBe(false);
    expect(files.has('src/client.ts')).toBe(true);
    expect(files.has(CONFIG)).toBe(false);
  });
});

describe('finding and reading the file', () => {
  it('finds the file in a folder above the root, up to the working folder', async () => {
    const dir = await projectWith({ target: 'moonshot' });
    const { code, stdout } = await runCli(['plan', 'src'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Plan for Moonshot');
  });

  it('reads the file --config names', async () => {
    const dir = await temp.copy('sdk-v4-client');
    await mkdir(path.join(dir, 'config'));
    await writeFile(path.join(dir, 'config/migration.json'), JSON.stringify({ target: 'yi' }));
    const { code, stdout } = await runCli(['plan', '--config', 'config/migration.json', '.'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Plan for 01.AI Yi');
  });

  it('exits with 2 when the --config file does not exist', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { code, stdout, stderr } = await runCli(['plan', '--config', 'nope.json', '.'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(linesOf(stderr)).toEqual(['error: configuration file not found: nope.json', 'hint: create one with `migrate-openai init`']);
  });

  it('exits with 2 and one line per problem for a malformed file, before doing anything', async () => {
    const dir = await projectWith({ target: 'zhipu', region: 7, providers: [{ ...acme, id: 'azure' }] });
    const before = await readTree(dir);
    for (const command of [['plan'], ['apply', '--yes'], ['scan'], ['providers', '--config', CONFIG]]) {
      const { code, stdout, stderr } = await runCli([...command, '.'].slice(0, command[0] === 'providers' ? 3 : undefined), { cwd: dir });
      expect(code, command.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(linesOf(stderr)).toEqual([`error: ${CONFIG}: region: expected a region name, got 7`]);
    }
    expect(await readTree(dir)).toEqual(before);
  });

  it('reports invalid JSON with the line and column', async () => {
    const dir = await temp.copy('sdk-v4-client');
    await writeFile(path.join(dir, CONFIG), '{\n  "target": "zhipu", // GLM\n}\n');
    const { code, stderr } = await runCli(['plan', '.'], { cwd: dir });
    expect(code).toBe(2);
    const lines = linesOf(stderr);
    expect(lines[0]).toMatch(new RegExp(`^error: ${CONFIG.replaceAll('.', '\\.')}:2:22: invalid JSON: `));
    expect(lines[1]).toBe('hint: JSON cannot hold comments: put a note in a "$comment" field instead');
  });
});

describe('init', () => {
  it('writes a starting configuration for --to that the validator accepts', async () => {
    const dir = await temp.emptyDir();
    const { code, stdout } = await runCli(['init', '--to', 'zhipu'], { cwd: dir });
    expect(code).toBe(0);
    const schema = path.join(REPO_ROOT, 'schema/migrate-openai.config.schema.json');
    expect(stdout).toBe(`Wrote ${CONFIG} for ${getProviderOrThrow('zhipu').name}, with 0 model mappings from the code. Next: migrate-openai plan\n$schema: ${schema}\n`);
    const text = await readFile(path.join(dir, CONFIG), 'utf8');
    expect(text).toBe(renderStarterConfig(getProviderOrThrow('zhipu'), { schema: path.relative(dir, schema) }));
    expect(await parseConfig(text, CONFIG)).toMatchObject({ target: 'zhipu', region: 'cn', models: {}, exclude: [] });
  });

  it('points $schema at a file that exists without an installed package, and maps the models the code uses', async () => {
    const dir = await temp.copy('sdk-v4-client');
    await writeFile(path.join(dir, 'src/legacy.ts'), "export const OLD = { model: 'gpt-3.5-turbo-instruct' };\n");
    const { code, stdout } = await runCli(['init', '--to', 'glm'], { cwd: dir });
    expect(code).toBe(0);
    const config = JSON.parse(await readFile(path.join(dir, CONFIG), 'utf8')) as { $schema: string; models: Record<string, string> };
    expect(existsSync(path.resolve(dir, config.$schema))).toBe(true);
    expect(config.models).toEqual({ 'gpt-4o-2024-08-06': 'glm-4.6', 'gpt-4o-mini': 'glm-4.5-air' });
    expect(stdout).toContain('with 2 model mappings from the code');
    expect(stdout).toContain('No zhipu model is known for gpt-3.5-turbo-instruct: add it to "models".\n');
    expect(await parseConfig(await readFile(path.join(dir, CONFIG), 'utf8'), CONFIG)).toMatchObject({ target: 'zhipu' });
  });

  it('refers to the project\'s installed package when it has one', async () => {
    const dir = await temp.emptyDir();
    await mkdir(path.join(dir, 'node_modules/migrate-openai/schema'), { recursive: true });
    await writeFile(path.join(dir, 'node_modules/migrate-openai/schema/migrate-openai.config.schema.json'), '{}');
    expect((await runCli(['init', '--to', 'yi'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, CONFIG), 'utf8')).$schema).toBe('./node_modules/migrate-openai/schema/migrate-openai.config.schema.json');
  });

  it('refuses to overwrite an existing file, with exit 2', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, CONFIG), '{"target":"yi"}');
    const { code, stderr } = await runCli(['init', '--to', 'zhipu'], { cwd: dir });
    expect(code).toBe(2);
    expect(linesOf(stderr)).toEqual([`error: ${CONFIG} already exists; not overwritten`, 'hint: edit it, or delete it to start again']);
    expect(await readFile(path.join(dir, CONFIG), 'utf8')).toBe('{"target":"yi"}');
  });

  it('needs --to without a terminal, and lists the ids', async () => {
    const dir = await temp.emptyDir();
    const { code, stderr } = await runCli(['init'], { cwd: dir });
    expect(code).toBe(2);
    expect(linesOf(stderr)).toEqual(['error: missing --to <provider>', `hint: valid providers: ${BUILT_IN_IDS.join(', ')}`]);
    expect(await readTree(dir)).toEqual(new Map());
  });

  it('writes the file --config names', async () => {
    const dir = await temp.emptyDir();
    expect((await runCli(['init', '--to', 'azure', '--config', 'migration.json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'migration.json'), 'utf8'))).toMatchObject({ target: 'azure', region: 'v1', deployments: {} });
  });
});
