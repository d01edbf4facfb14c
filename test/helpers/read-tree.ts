import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Every file under `dir` (relative, forward slashes) with its bytes, sorted by path. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const visit = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const absolute = path.join(current, entry.name);
      if (entry.isDirectory()) await visit(absolute);
      else if (entry.isFile()) files.set(path.relative(dir, absolute).split(path.sep).join('/'), await readFile(absolute));
    }
  };
  await visit(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Copies a fixture's `input/` into a fresh temp folder and returns that folder. */
export async function copyFixture(inputDir: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'migrate-openai-fixture-'));
  await cp(inputDir, dir, { recursive: true });
  return dir;
}
