import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCache } from '../../src/scan/result-cache.js';
import { modulesLoadedBy } from '../helpers/loaded-modules.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

// Results of unchanged files are kept between runs. Each case runs the built CLI with the cache
// folder in a temporary place, and some record which modules the run loaded.

const BIN = path.join(REPO_ROOT, 'bin/migrate-openai.js');
const execFileAsync = promisify(execFile);

const PARSERS = /\/node_modules\/(typescript|@lezer\/python)\/|\/dist\/scan\/frontends\/(typescript|python)\/index\.js$/;

const app = {
  'src/ai.ts': "import OpenAI from 'openai';\nexport const ai = new OpenAI();\nexport const reply = () => ai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n",
  'src/summarise.ts': "import { ai } from './ai';\nexport const summary = () => ai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });\n",
  'src/util.ts': 'export const answer = 42;\n',
  'jobs/embed.py': 'from openai import OpenAI\nclient = OpenAI()\nclient.embeddings.create(model="text-embedding-3-small", input="hi")\n',
  '.env': 'OPENAI_MODEL=gpt-4o\n',
};

let dir: string;

/** A fresh tree and cache folder for one case. */
async function setUp(name: string, files: Record<string, string> = app): Promise<{ root: string; cache: string }> {
  const root = path.join(dir, name, 'app');
  await writeFiles(root, files);
  return { root, cache: path.join(dir, name, 'cache') };
}

/** The environment of a run with its cache folder at `cache`. */
const cacheEnv = (cache: string): NodeJS.ProcessEnv => ({ MIGRATE_OPENAI_NO_CACHE: undefined, MIGRATE_OPENAI_CACHE_DIR: cache });

async function run(argv: string[], cache: string): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [BIN, ...argv], { env: { ...process.env, NO_COLOR: '1', ...cacheEnv(cache) } });
  return stdout;
}

const scan = (root: string, cache: string, ...flags: string[]) => run(['scan', root, '--format', 'json', ...flags], cache);

async function resultFile(cache: string): Promise<string> {
  const names = (await fs.readdir(cache)).filter((name) => name.startsWith('scan-'));
  expect(names).toEqual([expect.stringMatching(/^scan-[0-9a-f]{16}\.bin$/)]);
  return path.join(cache, names[0]!);
}

async function readStored(cache: string): Promise<StoredCache> {
  return deserialize(await fs.readFile(await resultFile(cache))) as StoredCache;
}

/** Replaces gpt-4o with planted-model in the kept result of `relative`: a run that shows it used the cache. */
async function plantModel(cache: string, relative: string): Promise<void> {
  const stored = await readStored(cache);
  const entry = stored.entries.find(([file]) => file === relative)![1];
  const result = deserialize(entry.result) as { ok: true; findings: { model?: string }[] };
  for (const finding of result.findings) if (finding.model === 'gpt-4o') finding.model = 'planted-model';
  entry.result = serialize(result);
  await fs.writeFile(await resultFile(cache), serialize(stored), { mode: 0o600 });
}

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist/build-id.json'))) throw new Error('dist/ is missing: run `npm run build` first');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-results-'));
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe.concurrent('result cache', () => {
  it('keeps the results of unchanged code files: the next run prints the same without loading a parser', async () => {
    const { root, cache } = await setUp('reuse');
    const first = await scan(root, cache);
    const file = await resultFile(cache);
    const { mode, mtimeMs } = await fs.stat(file);
    expect(mode & 0o077).toBe(0);
    expect((await readStored(cache)).entries.map(([relative]) => relative).sort()).toEqual(['jobs/embed.py', 'src/ai.ts', 'src/summarise.ts']);

    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json'], { env: cacheEnv(cache) });
    expect(loaded.filter((module) => PARSERS.test(module))).toEqual([]);
    expect(await scan(root, cache)).toBe(first);
    // Linked across files as before: the call in summarise.ts goes through the client of ai.ts.
    expect(JSON.parse(first).findings.some((finding: { file: string; kind: string }) => finding.file === 'src/summarise.ts' && finding.kind === 'api-call')).toBe(true);
    // Nothing changed, so nothing was written.
    expect((await fs.stat(file)).mtimeMs).toBe(mtimeMs);
    // The terminal report says why the run was quick.
    expect(await run(['scan', root], cache)).toMatch(/Done in [\d.]+ m?s; 3 files unchanged since an earlier run, not parsed again\n$/);
    expect(await run(['scan', root, '--no-cache'], cache)).toMatch(/Done in [\d.]+ m?s\n$/);
  });

  it('parses a changed file again, and only that one', async () => {
    const { root, cache } = await setUp('changed');
    await scan(root, cache);
    await plantModel(cache, 'src/ai.ts');
    await fs.writeFile(path.join(root, 'src/summarise.ts'), app['src/summarise.ts'].replace('gpt-4o-mini', 'gpt-4.1-nano'));
    const models = JSON.parse(await scan(root, cache)).findings.filter((finding: { kind: string }) => finding.kind === 'model').map((finding: { model: string }) => finding.model);
    expect(models).toContain('gpt-4.1-nano');
    expect(models).not.toContain('gpt-4o-mini');
    // The unchanged file's result still came from the cache.
    expect(models).toContain('planted-model');
  });

  it('uses what it kept, and --no-cache neither reads nor writes it', async () => {
    const { root, cache } = await setUp('forged');
    const honest = await scan(root, cache);
    await plantModel(cache, 'src/ai.ts');
    const file = await resultFile(cache);
    const { mtimeMs } = await fs.stat(file);

    expect(await scan(root, cache)).toContain('planted-model');
    expect(await scan(root, cache, '--no-cache')).toBe(honest);
    expect(await run(['plan', root, '--to', 'deepseek', '--format', 'json', '--no-cache'], cache)).not.toContain('planted-model');
    expect((await fs.stat(file)).mtimeMs).toBe(mtimeMs);
  });

  it('never keeps a file that holds a key', async () => {
    const { root, cache } = await setUp('secrets', {
      ...app,
      'src/azure.ts': "import { AzureOpenAI } from 'openai';\nexport const azure = new AzureOpenAI({ apiKey: 'f3c9a1b27de84c5f9a0b6e2d4c8f1a7b', endpoint: 'https://contoso.openai.azure.com' });\n",
      'src/legacy.js': "const OpenAI = require('openai');\nmodule.exports = new OpenAI({ apiKey: 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789' });\n",
    });
    await scan(root, cache);
    const kept = (await readStored(cache)).entries.map(([relative]) => relative);
    expect(kept).toContain('src/ai.ts');
    expect(kept).not.toContain('src/azure.ts');
    expect(kept).not.toContain('src/legacy.js');
    const bytes = (await fs.readFile(await resultFile(cache))).toString('latin1');
    expect(bytes).not.toContain('f3c9a1b27de84c5f9a0b6e2d4c8f1a7b');
    expect(bytes).not.toContain('AbCdEfGhIjKlMnOp');
  });

  it('parses a file of over a million characters every time (a notebook with large outputs)', async () => {
    const notebook = {
      cells: [{ cell_type: 'code', metadata: {}, execution_count: 1, source: ['from openai import OpenAI\n', 'client = OpenAI()'], outputs: [{ output_type: 'stream', name: 'stdout', text: ['x'.repeat(1_200_000)] }] }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const { root, cache } = await setUp('large', { ...app, 'notebooks/explore.ipynb': JSON.stringify(notebook) });
    const findings = JSON.parse(await scan(root, cache)).findings.filter((finding: { file: string }) => finding.file === 'notebooks/explore.ipynb');
    expect(findings.length).toBeGreaterThan(0);
    const kept = (await readStored(cache)).entries.map(([relative]) => relative);
    expect(kept).toContain('jobs/embed.py');
    expect(kept).not.toContain('notebooks/explore.ipynb');
  });

  it('forgets files that left the tree, and replaces a damaged cache', async () => {
    const { root, cache } = await setUp('forget');
    const expected = JSON.parse(await scan(root, cache));
    await fs.rm(path.join(root, 'jobs/embed.py'));
    await scan(root, cache);
    expect((await readStored(cache)).entries.map(([relative]) => relative).sort()).toEqual(['src/ai.ts', 'src/summarise.ts']);

    await fs.writeFile(path.join(root, 'jobs/embed.py'), app['jobs/embed.py']);
    await fs.writeFile(await resultFile(cache), 'not a cache', { mode: 0o600 });
    expect(JSON.parse(await scan(root, cache))).toEqual(expected);
    expect((await readStored(cache)).entries).toHaveLength(3);
  });

  it('keeps the entries of the rest of the tree when a run scans part of it or filters files out', async () => {
    const { root, cache } = await setUp('part');
    await scan(root, cache);
    await run(['scan', path.join(root, 'src'), '--root', root, '--format', 'json'], cache);
    expect((await readStored(cache)).entries).toHaveLength(3);
    await scan(root, cache, '--exclude', 'jobs/**');
    expect((await readStored(cache)).entries).toHaveLength(3);
  });

  it('drops the entry of a file that has come to hold a key', async () => {
    const { root, cache } = await setUp('now-secret');
    await scan(root, cache);
    await fs.writeFile(path.join(root, 'src/ai.ts'), app['src/ai.ts'].replace('new OpenAI()', "new OpenAI({ apiKey: 'hunter2-but-longer' })"));
    await scan(root, cache);
    expect((await readStored(cache)).entries.map(([relative]) => relative).sort()).toEqual(['jobs/embed.py', 'src/summarise.ts']);
  });

  it('renews the time of a cache it used without changing, and removes temporary files left for over an hour', async () => {
    const { root, cache } = await setUp('renew');
    await scan(root, cache);
    const file = await resultFile(cache);
    const old = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    await fs.utimes(file, old, old);
    const abandoned = path.join(cache, 'scan-0000000000000000.bin.4242.tmp');
    await fs.writeFile(abandoned, 'half written', { mode: 0o600 });
    await fs.utimes(abandoned, old, old);
    await scan(root, cache);
    expect((await fs.stat(file)).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    // Removed by the next write of a cache file of that kind.
    await fs.appendFile(path.join(root, 'src/util.ts'), "export const model = 'gpt-4o';\n");
    await scan(root, cache);
    expect(existsSync(abandoned)).toBe(false);
  });

  it('removes cache files of its kind beyond the newest few and any older than a month', async () => {
    const { root, cache } = await setUp('prune');
    await fs.mkdir(cache, { recursive: true, mode: 0o700 });
    const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    const names: string[] = [];
    for (let index = 0; index < 40; index++) {
      const name = `scan-${index.toString(16).padStart(16, '0')}.bin`;
      await fs.writeFile(path.join(cache, name), 'x', { mode: 0o600 });
      if (index === 0) await fs.utimes(path.join(cache, name), old, old);
      names.push(name);
    }
    await fs.writeFile(path.join(cache, 'notes.txt'), 'not ours to remove\n');
    await scan(root, cache);
    const left = await fs.readdir(cache);
    expect(left).toContain('notes.txt');
    expect(left).not.toContain(names[0]);
    expect(left.filter((name) => name.startsWith('scan-'))).toHaveLength(32);
  });
});
