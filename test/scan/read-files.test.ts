import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanProject } from '../../src/scan/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

// 2,000 files: the worker takes a share from the first candidate on; over 10,000: it starts
// while the tree is listed and shares from the first file.
describe.each([2000, 10_500])('reading a tree of %i files on a worker thread and the calling one', (files) => {
  let root: string;

  // Enough files for the worker, with candidates of several frontends spread through the
  // tree, a minified bundle and files skipped for each reason the reader knows.
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(tmpdir(), 'migrate-openai-reader-'));
    const write = async (relative: string, content: string | Buffer) => {
      await fs.mkdir(path.dirname(path.join(root, relative)), { recursive: true });
      await fs.writeFile(path.join(root, relative), content);
    };
    for (let index = 0; index < files; index++) {
      const folder = `packages/p${index % 17}/src`;
      if (index % 250 === 0) await write(`${folder}/ai-${index}.ts`, `import OpenAI from 'openai';\nexport const ai${index} = new OpenAI();\nexport const model = 'gpt-4o-mini';\n`);
      else await write(`${folder}/util-${index}.ts`, `export const value${index} = ${index};\n`);
    }
    await write('deploy/compose.yml', 'services:\n  api:\n    environment:\n      OPENAI_MODEL: gpt-4o\n');
    await write('.env', 'OPENAI_API_KEY=\n');
    await write('src/latin1.ts', Buffer.from("// caf\xe9 gpt-4o\n", 'latin1'));
    await write('src/blob.js', Buffer.from([0x67, 0x70, 0x74, 0x2d, 0, 1]));
    await write('public/chunk.js', `${'function f(t,e){return t+e}'.repeat(200)}var c=new OpenAI();\n`);
  });

  afterAll(async () => {
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  // Only the build has the worker script: from the TypeScript sources the same scan reads on
  // the calling thread.
  it('gives the same result as reading on the calling thread', async () => {
    const built = path.join(REPO_ROOT, 'dist/scan/scan.js');
    if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first');
    const { scanProject: scanBuilt } = (await import(pathToFileURL(built).href)) as typeof import('../../src/scan/scan.js');
    const progress: number[] = [];
    const options = { root, paths: [root] };
    const [onWorker, here] = await Promise.all([scanBuilt({ ...options, onProgress: (done) => progress.push(done) }), scanProject(options)]);
    expect(here.stats).toEqual({ discovered: files + 5, candidates: files / 250 + 3, parsed: files / 250 + 2, skipped: 3 });
    expect(here.skipped.map(({ file, reason }) => [file, reason])).toEqual([
      ['public/chunk.js', 'minified'],
      ['src/blob.js', 'binary'],
      ['src/latin1.ts', 'not-utf8'],
    ]);
    expect(new Set(here.findings.map((finding) => finding.language))).toEqual(new Set(['ts', 'yaml', 'env']));
    expect(onWorker).toStrictEqual(here);
    expect(progress.at(-1)).toBe(files + 5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 60_000);
});

describe('a reading worker that fails', () => {
  it('rejects, and reports nothing after that', async () => {
    const built = path.join(REPO_ROOT, 'dist/scan/read-files.js');
    if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first');
    const { readFiles, ReaderThread, LARGE_TREE_FILES } = (await import(pathToFileURL(built).href)) as typeof import('../../src/scan/read-files.js');
    const dir = await fs.mkdtemp(path.join(tmpdir(), 'migrate-openai-reader-fails-'));
    try {
      const file = path.join(dir, 'ai.ts');
      await fs.writeFile(file, "import OpenAI from 'openai';\n");
      const files = Array.from({ length: LARGE_TREE_FILES + 2000 }, (_, index) => ({ absolute: file, relative: `copy-${index}.ts` }));
      const reader = new ReaderThread();
      reader.stop();
      let reported = 0;
      await expect(readFiles(files, () => reported++, { reader })).rejects.toThrow(/the file reader stopped/);
      const atRejection = reported;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(reported).toBe(atRejection);
      expect(reported).toBeLessThan(files.length);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
