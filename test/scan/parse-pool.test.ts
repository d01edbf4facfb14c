import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countParseThreads, ParsePool } from '../../src/scan/parse-pool.js';
import { scanProject } from '../../src/scan/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

it('refuses a task once closed, instead of starting a thread nothing would stop', async () => {
  const pool = new ParsePool();
  await pool.close();
  expect(() => pool.add({ frontend: 'typescript', file: { path: 'a.ts', text: '' } })).toThrow(/closed parse pool/);
});

describe('countParseThreads', () => {
  it.each([
    [0, 4, 1],
    [2999, 8, 1],
    [3000, 4, 2],
    [9000, 4, 3],
    [9000, 16, 4],
    [100000, 2, 1],
    [100000, 1, 1],
  ])('gives %i candidates on %i cores %i threads', (candidates, cores, threads) => {
    expect(countParseThreads(candidates, cores)).toBe(threads);
  });
});

describe('parsing on worker threads', () => {
  let root: string;
  const groups = 100;

  // Small candidate files with clients and models imported across files, so that the link
  // step joins results that came from different threads.
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(tmpdir(), 'migrate-openai-pool-'));
    for (let group = 0; group < groups; group++) {
      const write = (name: string, text: string) => fs.writeFile(path.join(root, `${name}-${group}.ts`), text);
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
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  // Only the build has the worker script: from the TypeScript sources the same scan parses on
  // the calling thread, whatever `threads` says.
  it('gives the same result on three threads as on one', async () => {
    const built = path.join(REPO_ROOT, 'dist/scan/scan.js');
    if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first');
    const { scanProject: scanBuilt } = (await import(pathToFileURL(built).href)) as typeof import('../../src/scan/scan.js');
    const options = { root, paths: [root] };
    const [pooled, single] = await Promise.all([scanBuilt({ ...options, threads: 3 }), scanProject({ ...options, threads: 1 })]);
    expect(single.stats).toEqual({ discovered: groups * 3, candidates: groups * 3, parsed: groups * 3, skipped: 0 });
    expect(single.findings.filter((finding) => finding.kind === 'api-call' && finding.model !== undefined)).toHaveLength(groups);
    expect(pooled).toStrictEqual(single);
  }, 60_000);
});
