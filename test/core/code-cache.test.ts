import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

// The TypeScript compiler is compiled with V8's code cache from the second run on. Each case
// runs the built CLI on a tree with one candidate, with the cache folder in a temporary place,
// and without the result cache, which would spare the second run the parser.

const BIN = path.join(REPO_ROOT, 'bin/migrate-openai.js');
const execFileAsync = promisify(execFile);

let dir: string;
let tree: string;

async function scanWithCache(env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [BIN, 'scan', tree, '--format', 'json', '--no-cache'], {
    env: { ...process.env, MIGRATE_OPENAI_NO_CACHE: undefined, NO_COLOR: '1', ...env },
  });
  return stdout;
}

async function cacheFiles(folder: string): Promise<string[]> {
  return existsSync(folder) ? (await fs.readdir(folder)).sort() : [];
}

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-cache-'));
  tree = path.join(dir, 'app');
  await fs.mkdir(tree);
  await fs.writeFile(path.join(tree, 'ai.ts'), "import OpenAI from 'openai';\nexport const ai = new OpenAI();\nawait ai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n");
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('compiled-code cache', () => {
  it('is written by the first run and used, unchanged, by the next; the output is the same', async () => {
    const folder = path.join(dir, 'cache-reuse');
    const first = await scanWithCache({ MIGRATE_OPENAI_CACHE_DIR: folder });
    const files = await cacheFiles(folder);
    expect(files).toEqual([expect.stringMatching(/^typescript-[0-9a-f]{16}\.v8$/)]);
    const file = path.join(folder, files[0]!);
    const { mtimeMs, mode } = await fs.stat(file);
    expect(mode & 0o077).toBe(0);
    const second = await scanWithCache({ MIGRATE_OPENAI_CACHE_DIR: folder });
    expect(second).toBe(first);
    expect(JSON.parse(second).findings.length).toBeGreaterThan(0);
    // An accepted cache is not written again.
    expect((await fs.stat(file)).mtimeMs).toBe(mtimeMs);
  });

  it('replaces a cache that V8 rejects, and the run is not affected', async () => {
    const folder = path.join(dir, 'cache-corrupt');
    const expected = await scanWithCache({ MIGRATE_OPENAI_CACHE_DIR: folder });
    const [name] = await cacheFiles(folder);
    const file = path.join(folder, name!);
    await fs.writeFile(file, Buffer.from('not bytecode'.repeat(100)), { mode: 0o600 });
    expect(await scanWithCache({ MIGRATE_OPENAI_CACHE_DIR: folder })).toBe(expected);
    expect((await fs.stat(file)).size).toBeGreaterThan(100_000);
  });

  it('writes nothing when MIGRATE_OPENAI_NO_CACHE=1', async () => {
    const folder = path.join(dir, 'cache-off');
    await scanWithCache({ MIGRATE_OPENAI_CACHE_DIR: folder, MIGRATE_OPENAI_NO_CACHE: '1' });
    expect(await cacheFiles(folder)).toEqual([]);
  });

  it.skipIf(typeof process.getuid !== 'function')('does not use a folder that other users can write to', async () => {
    const folder = path.join(dir, 'cache-shared');
    await fs.mkdir(folder);
    await fs.chmod(folder, 0o777);
    await scanWithCache({ MIGRATE_OPENAI_CACHE_DIR: folder });
    expect(await cacheFiles(folder)).toEqual([]);
  });

  it('is not created when no candidate needs TypeScript', async () => {
    const folder = path.join(dir, 'cache-idle');
    const empty = path.join(dir, 'no-candidate');
    await fs.mkdir(empty);
    await fs.writeFile(path.join(empty, 'util.ts'), 'export const answer = 42;\n');
    const { stdout } = await execFileAsync(process.execPath, [BIN, 'scan', empty, '--format', 'json'], {
      env: { ...process.env, MIGRATE_OPENAI_NO_CACHE: undefined, MIGRATE_OPENAI_CACHE_DIR: folder },
    });
    expect(JSON.parse(stdout).findings).toEqual([]);
    expect(await cacheFiles(folder)).toEqual([]);
  });
});
