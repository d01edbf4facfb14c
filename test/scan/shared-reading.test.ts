import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scanProject } from '../../src/scan/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

// On a large tree the built CLI reads with a worker and the calling thread sharing one list;
// run from the sources, everything is read on one thread. Both must find the same.

const BIN = path.join(REPO_ROOT, 'bin/migrate-openai.js');
const execFileAsync = promisify(execFile);

let root: string;

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist/scan/read-worker.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-shared-'));
  for (let index = 0; index < 4000; index++) {
    const folder = path.join(root, `packages/p${index % 40}/src`);
    await fs.mkdir(folder, { recursive: true });
    let text = `export const value${index} = ${index};\n`;
    if (index % 97 === 0) text = `import OpenAI from 'openai';\nexport const ai${index} = new OpenAI();\nexport const ask${index} = () => ai${index}.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`;
    if (index % 211 === 0) text = `export const model${index} = 'gpt-4o-mini';\n`;
    await fs.writeFile(path.join(folder, `m${index}.ts`), index % 503 === 0 ? Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0, 1, 2]) : text);
  }
});

afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

it('finds the same with two threads reading as with one', async () => {
  const { stdout } = await execFileAsync(process.execPath, [BIN, 'scan', root, '--format', 'json', '--no-cache'], { maxBuffer: 64 * 1024 * 1024 });
  const shared = JSON.parse(stdout) as { findings: { file: string; kind: string; line: number; column: number }[]; skipped: { file: string; reason: string }[] };
  const single = await scanProject({ root, paths: [root] });
  const key = (finding: { file: string; kind: string; line: number; column: number }) => `${finding.file}:${finding.line}:${finding.column}:${finding.kind}`;
  expect(shared.findings.map(key)).toEqual(single.findings.map((finding) => key({ ...finding, ...finding.span })));
  expect(shared.findings.length).toBeGreaterThan(100);
  expect(shared.skipped.map((entry) => `${entry.file}:${entry.reason}`)).toEqual(single.skipped.map((entry) => `${entry.file}:${entry.reason}`));
  expect(shared.skipped.length).toBe(8);
});
