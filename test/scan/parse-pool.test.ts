import { existsSync, promises as fs } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countParseThreads } from '../../src/scan/parse-pool.js';
import { REPO_ROOT, runCli, spawnCli } from '../helpers/run-cli.js';

describe('countParseThreads', () => {
  it.each([
    [0, 2, 1],
    [599, 8, 1],
    [600, 2, 2],
    [2000, 2, 2],
    [2000, 1, 1],
    [2000, 16, 4],
  ])('gives %i candidates on %i cores %i threads', (candidates, cores, threads) => {
    expect(countParseThreads(candidates, cores)).toBe(threads);
  });
});

describe('parsing on worker threads', () => {
  let dir: string;
  let root: string;
  const groups = 210;

  // Enough small candidate files for two threads, with clients and models imported across files.
  beforeAll(async () => {
    if (!existsSync(path.join(REPO_ROOT, 'dist/scan/parse-worker.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    dir = await fs.mkdtemp(path.join(tmpdir(), 'migrate-openai-pool-'));
    root = path.join(dir, 'project');
    await fs.mkdir(path.join(root, 'src'), { recursive: true });
    for (let group = 0; group < groups; group++) {
      const write = (name: string, text: string) => fs.writeFile(path.join(root, 'src', `${name}-${group}.ts`), text);
      await write('client', "import OpenAI from 'openai';\nexport const ai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n");
      await write('models', `export const CHAT_MODEL = '${group % 2 ? 'gpt-4o-mini' : 'gpt-4o'}';\n`);
      await write(
        'use',
        `import { ai } from './client-${group}';\nimport { CHAT_MODEL } from './models-${group}';\n` +
          "export const reply = (text: string) => ai.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: 'user', content: text }] });\n",
      );
    }
  });

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  // The built CLI has its worker script and splits the candidates over threads; run in-process
  // from the TypeScript sources, the same scan has no worker script and parses on one thread.
  it.runIf(availableParallelism() > 1)(
    'writes the same scan and plan JSON as a scan on one thread',
    async () => {
      const out = (name: string) => path.join(dir, name);
      const scan = (file: string) => ['scan', root, '--format', 'json', '--out', out(file)];
      const plan = (file: string) => ['plan', '--to', 'zhipu', root, '--format', 'json', '--out', out(file)];
      const codes = await Promise.all([
        spawnCli(scan('pooled-scan.json')),
        spawnCli(plan('pooled-plan.json')),
        runCli(scan('one-thread-scan.json')),
        runCli(plan('one-thread-plan.json')),
      ]);
      expect(codes.map((result) => result.code)).toEqual([0, 0, 0, 0]);
      const read = (name: string) => fs.readFile(out(name), 'utf8');
      const pooledScan = await read('pooled-scan.json');
      const { summary } = JSON.parse(pooledScan) as { summary: { candidates: number; findings: number } };
      expect(summary.candidates).toBe(groups * 3);
      expect(countParseThreads(summary.candidates, 2)).toBe(2);
      expect(pooledScan).toBe(await read('one-thread-scan.json'));
      expect(await read('pooled-plan.json')).toBe(await read('one-thread-plan.json'));
    },
    180_000,
  );
});
