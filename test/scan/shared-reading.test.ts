import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LARGE_TREE_FILES } from '../../src/scan/read-files.js';
import { scanProject } from '../../src/scan/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

// On a large tree the built CLI reads with a worker and the calling thread sharing one list
// (from the first candidate on, or from the first file on a very large tree); run from the
// sources, everything is read on one thread. Both must find the same.

const BIN = path.join(REPO_ROOT, 'bin/migrate-openai.js');
const execFileAsync = promisify(execFile);

let dir: string;

/** `count` modules in 40 packages: every 97th uses OpenAI, every 211th holds a model id, every 503rd is binary. */
async function writeTree(name: string, count: number): Promise<string> {
  const root = path.join(dir, name);
  for (let index = 0; index < count; index++) {
    const folder = path.join(root, `packages/p${index % 40}/src`);
    await fs.mkdir(folder, { recursive: true });
    let text = `export const value${index} = ${index};\n`;
    if (index % 97 === 0) text = `import OpenAI from 'openai';\nexport const ai${index} = new OpenAI();\nexport const ask${index} = () => ai${index}.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`;
    if (index % 211 === 0) text = `export const model${index} = 'gpt-4o-mini';\n`;
    await fs.writeFile(path.join(folder, `m${index}.ts`), index % 503 === 0 ? Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0, 1, 2]) : text);
  }
  return root;
}

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist/scan/read-worker.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-shared-'));
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

it.each([
  ['from the first candidate on', 4000],
  ['from the first file on', LARGE_TREE_FILES + 500],
])('finds the same with two threads reading %s as with one', async (_, count) => {
  const root = await writeTree(`tree-${count}`, count);
  const { stdout } = await execFileAsync(process.execPath, [BIN, 'scan', root, '--format', 'json', '--no-cache'], { maxBuffer: 64 * 1024 * 1024 });
  const shared = JSON.parse(stdout) as { findings: { file: string; kind: string; line: number; column: number }[]; skipped: { file: string; reason: string }[] };
  const single = await scanProject({ root, paths: [root] });
  const key = (finding: { file: string; kind: string; line: number; column: number }) => `${finding.file}:${finding.line}:${finding.column}:${finding.kind}`;
  expect(shared.findings.map(key)).toEqual(single.findings.map((finding) => key({ ...finding, ...finding.span })));
  expect(shared.findings.length).toBeGreaterThan(100);
  expect(shared.skipped.map((entry) => `${entry.file}:${entry.reason}`)).toEqual(single.skipped.map((entry) => `${entry.file}:${entry.reason}`));
  expect(shared.skipped.length).toBe(Math.ceil(count / 503));
});
