import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commitAll, useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, writeFiles } from './project.js';

const temp = useTempProjects();

// Shaped like real keys (not placeholders): a key of each provider's form, never a real one.
const OPENAI_KEY = 'sk-proj-Q9vX2mR7tL4wZ8bN1cK6hJ3pF5dS0gA2yE7uI9oP4lM8nB6v';
const KEY_LINE = `OPENAI_API_KEY=${OPENAI_KEY}`;

/** `NAME=value` lines of a .env file. */
function envValues(text: string): Map<string, string> {
  return new Map(text.split('\n').flatMap((line) => (/^[A-Z_]+=/.test(line) ? [[line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const] : [])));
}

async function read(dir: string, file: string): Promise<string> {
  return readFile(path.join(dir, file), 'utf8');
}

async function apply(dir: string, ...args: string[]) {
  const result = await runCli(['apply', '--to', 'deepseek', '--yes', '--format', 'json', ...args], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { manual: { file: string; line: number; severity: string; code: string; message: string }[] };
}

/** An app whose .gitignore keeps local settings out of git, committed; `files` are added after the commit. */
async function app(files: Record<string, string>, ignored = '.env\n.env.local\ndocker-compose.override.yml\nconfig.local.json\n'): Promise<string> {
  const dir = await temp.emptyDir();
  await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE, '.gitignore': ignored, '.env.example': 'OPENAI_API_KEY=\n' });
  await commitAll(dir);
  await writeFiles(dir, files);
  return dir;
}

describe('a key in a settings file git cannot restore is never removed', () => {
  it('an ignored .env keeps the OpenAI key line byte for byte; the target variable is added empty, with an action at the line', async () => {
    const env = `PORT=3000\n${KEY_LINE}\nOPENAI_MODEL=gpt-4o\n`;
    const dir = await app({ '.env': env, '.env.local': `# local\nexport ${KEY_LINE}\n` });
    const report = await apply(dir, '.', '.env', '.env.local');

    const after = await read(dir, '.env');
    expect(after).toBe(`PORT=3000\n${KEY_LINE}\n# DeepSeek API key (https://api-docs.deepseek.com)\nDEEPSEEK_API_KEY=\nOPENAI_MODEL=deepseek-v4-pro\n`);
    // The OpenAI key stays under OpenAI's name only: never under the target's.
    expect(envValues(after).get('DEEPSEEK_API_KEY')).toBe('');
    expect((await read(dir, '.env.local')).startsWith(`# local\nexport ${KEY_LINE}\n`)).toBe(true);
    expect(await read(dir, 'src/chat.ts')).toContain('process.env.DEEPSEEK_API_KEY');

    const actions = report.manual.filter((action) => action.file === '.env' || action.file === '.env.local');
    expect(actions.map(({ file, line, severity, code }) => ({ file, line, severity, code }))).toEqual([
      { file: '.env', line: 2, severity: 'warning', code: 'unrecoverable-secret' },
      { file: '.env.local', line: 2, severity: 'warning', code: 'unrecoverable-secret' },
    ]);
    expect(actions[0]!.message).toBe(
      'OPENAI_API_KEY keeps its value, since git cannot restore this file and removing the key could not be undone: put your DeepSeek key in DEEPSEEK_API_KEY (added below), which the migrated code reads, and delete this line once nothing reads OPENAI_API_KEY',
    );
    // The action never prints the key.
    expect(JSON.stringify(report)).not.toContain(OPENAI_KEY);
  });

  it('a second apply changes nothing and keeps saying so', async () => {
    const dir = await app({ '.env': `${KEY_LINE}\n` });
    await apply(dir, '.', '.env');
    const once = await read(dir, '.env');
    const again = await runCli(['plan', '--to', 'deepseek', '--check', '.', '.env'], { cwd: dir });
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('unrecoverable-secret');
    expect(await read(dir, '.env')).toBe(once);
  });

  it('outside a git repository, and in a tracked file changed since the commit, the key stays too', async () => {
    const loose = await temp.emptyDir();
    await writeFiles(loose, { 'src/chat.ts': CLIENT_FILE, '.env': `${KEY_LINE}\n` });
    await apply(loose, '.', '.env');
    expect(await read(loose, '.env')).toContain(KEY_LINE);

    const changed = await app({}, '');
    await writeFiles(changed, { '.env.example': `${KEY_LINE}\n` });
    await apply(changed, '--allow-dirty');
    expect(await read(changed, '.env.example')).toContain(KEY_LINE);
  });

  it('a committed file git can restore still has its key emptied, with the revoke error', async () => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE, '.env.production': `${KEY_LINE}\n` });
    await commitAll(dir);
    const report = await apply(dir);
    expect(await read(dir, '.env.production')).toBe('DEEPSEEK_API_KEY=\n');
    expect(report.manual.find((action) => action.file === '.env.production')?.code).toBe('hardcoded-key');
  });

  it('YAML: compose and Kubernetes entries keep the key, the added entry parses to an empty string', async () => {
    const compose = ['services:', '  api:', '    environment:', `      OPENAI_API_KEY: "${OPENAI_KEY}"`, '  worker:', '    env:', '      - name: OPENAI_API_KEY', `        value: ${OPENAI_KEY}`, ''].join('\n');
    const dir = await app({ 'docker-compose.override.yml': compose });
    await apply(dir, '.', 'docker-compose.override.yml');
    const after = await read(dir, 'docker-compose.override.yml');
    const parsed = parseYaml(after) as { services: { api: { environment: Record<string, string> }; worker: { env: { name: string; value: string }[] } } };
    expect(parsed.services.api.environment).toEqual({ OPENAI_API_KEY: OPENAI_KEY, DEEPSEEK_API_KEY: '' });
    expect(parsed.services.worker.env).toEqual([
      { name: 'OPENAI_API_KEY', value: OPENAI_KEY },
      { name: 'DEEPSEEK_API_KEY', value: '' },
    ]);
  });

  it('JSON: the file is left as it is and the action says where the target key goes', async () => {
    const json = `{\n  "env": { "OPENAI_API_KEY": "${OPENAI_KEY}" }\n}\n`;
    const dir = await app({ 'config.local.json': json });
    const report = await apply(dir, '.', 'config.local.json');
    expect(await read(dir, 'config.local.json')).toBe(json);
    const action = report.manual.find((entry) => entry.file === 'config.local.json');
    expect(action?.code).toBe('unrecoverable-secret');
    expect(action?.message).toContain('put your DeepSeek key in DEEPSEEK_API_KEY, which the migrated code reads');
  });

  it('a key under a name the migration does not rename stays, as an error: code reading it would send it to the target', async () => {
    const dir = await app({ '.env': `LLM_API_KEY=${OPENAI_KEY}\n` });
    const report = await apply(dir, '.', '.env');
    expect(await read(dir, '.env')).toBe(`LLM_API_KEY=${OPENAI_KEY}\n`);
    const action = report.manual.find((entry) => entry.file === '.env');
    expect({ severity: action?.severity, code: action?.code }).toEqual({ severity: 'error', code: 'unrecoverable-secret' });
  });
});

describe('a key written in code git cannot restore is never removed, and its requests stay with it', () => {
  const LOCAL_CLIENT = `import OpenAI from 'openai';\nexport const local = new OpenAI({ apiKey: '${OPENAI_KEY}' });\nexport const ask = () => local.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });\n`;

  it('an ignored module keeps its client byte for byte (key, URL, model): the OpenAI key never goes to the target', async () => {
    const dir = await app({ 'src/config.local.ts': LOCAL_CLIENT }, 'src/config.local.ts\n');
    const report = await apply(dir, '.', 'src/config.local.ts');
    expect(await read(dir, 'src/config.local.ts')).toBe(LOCAL_CLIENT);
    // The committed client still moves.
    expect(await read(dir, 'src/chat.ts')).toContain('process.env.DEEPSEEK_API_KEY');
    const actions = report.manual.filter((entry) => entry.file === 'src/config.local.ts');
    expect(actions.map(({ line, severity, code }) => ({ line, severity, code }))).toEqual([{ line: 2, severity: 'error', code: 'unrecoverable-secret' }]);
    expect(actions[0]!.message).toContain('its client stays on OpenAI');
    expect(JSON.stringify(report)).not.toContain(OPENAI_KEY);
  });

  it('outside a git repository, a raw request keeps its written key and its OpenAI URL together', async () => {
    const dir = await temp.emptyDir();
    const request = `export const ask = (q: string) =>\n  fetch('https://api.openai.com/v1/chat/completions', {\n    method: 'POST',\n    headers: { Authorization: 'Bearer ${OPENAI_KEY}' },\n    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] }),\n  });\n`;
    await writeFiles(dir, { 'ask.ts': request });
    const report = await apply(dir, '.');
    expect(await read(dir, 'ask.ts')).toBe(request);
    expect(report.manual.some((entry) => entry.file === 'ask.ts' && entry.code === 'unrecoverable-secret' && entry.severity === 'error')).toBe(true);
  });

  it('a committed module git can restore still has its key replaced by a read of the target key', async () => {
    const dir = await app({});
    await writeFiles(dir, { 'src/config.ts': LOCAL_CLIENT });
    await commitAll(dir);
    await apply(dir, '.');
    const after = await read(dir, 'src/config.ts');
    expect(after).not.toContain(OPENAI_KEY);
    expect(after).toContain('process.env.DEEPSEEK_API_KEY');
  });
});
