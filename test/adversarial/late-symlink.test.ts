import { mkdir, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFiles, type ApplyOptions, type FileToWrite } from '../../src/apply/apply.js';
import { useTempDirs } from '../apply/temp-dir.js';
import { readTree } from '../helpers/read-tree.js';

const makeTempDir = useTempDirs();

const ORIGINAL = 'const model = "gpt-4o";\n';
const OUTSIDE = 'outside the root: must never change\n';

function toWrite(file: string): FileToWrite {
  const start = ORIGINAL.indexOf('gpt-4o');
  return { file, original: ORIGINAL, edits: [{ file, start, end: start + 6, text: 'glm-4.6', reason: 'model' }] };
}

/** A root with src/a.ts and a folder outside it holding a file the attacker aims at. */
async function setUp(): Promise<{ root: string; outside: string }> {
  const root = await makeTempDir();
  const outside = await makeTempDir();
  await mkdir(path.join(root, 'src'));
  await writeFile(path.join(root, 'src', 'a.ts'), ORIGINAL);
  await writeFile(path.join(outside, 'a.ts'), OUTSIDE);
  await writeFile(path.join(outside, 'same.ts'), ORIGINAL);
  return { root, outside };
}

async function tempFilesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.tmp'));
}

/** Every way to swap the path under a write, at the two moments a race could hit. */
const ATTACKS: Record<string, (root: string, outside: string) => Promise<void>> = {
  'the file becomes a symlink out of the root': async (root, outside) => {
    await rm(path.join(root, 'src', 'a.ts'));
    await symlink(path.join(outside, 'a.ts'), path.join(root, 'src', 'a.ts'));
  },
  'the file becomes a symlink to a file with the same text': async (root, outside) => {
    await rm(path.join(root, 'src', 'a.ts'));
    await symlink(path.join(outside, 'same.ts'), path.join(root, 'src', 'a.ts'));
  },
  'its folder becomes a symlink out of the root': async (root, outside) => {
    await rename(path.join(root, 'src'), path.join(root, 'src-moved'));
    await symlink(outside, path.join(root, 'src'));
  },
};

describe('a path swapped after the inside-root check is never written through', () => {
  for (const moment of ['afterCheck', 'beforeCommit'] as const) {
    it.each(Object.keys(ATTACKS))(`${moment}: %s`, async (attack) => {
      const { root, outside } = await setUp();
      const outsideBefore = await readTree(outside);
      const options: ApplyOptions = { root, verify: () => null, hooks: { [moment]: () => ATTACKS[attack]!(root, outside) } };
      const outcomes = await applyFiles([toWrite('src/a.ts')], options);
      expect(outcomes).toMatchObject([{ file: 'src/a.ts', status: 'skipped', reason: 'changed-on-disk' }]);
      expect(await readTree(outside)).toEqual(outsideBefore);
      // After a folder swap the temp file stays in the moved folder, which the run no longer reaches.
      if (!attack.startsWith('its folder')) expect(await tempFilesUnder(root)).toEqual([]);
    });
  }

  it('beforeCommit: the file is replaced by another file with the same text', async () => {
    const { root } = await setUp();
    const replace = async () => {
      await rm(path.join(root, 'src', 'a.ts'));
      await writeFile(path.join(root, 'src', 'a.ts'), ORIGINAL);
    };
    const outcomes = await applyFiles([toWrite('src/a.ts')], { root, verify: () => null, hooks: { beforeCommit: replace } });
    expect(outcomes).toMatchObject([{ status: 'skipped', reason: 'changed-on-disk', message: 'src/a.ts was replaced after it was read' }]);
    expect(await tempFilesUnder(root)).toEqual([]);
  });

  it('still writes when nothing was swapped (the hooks run and change nothing)', async () => {
    const { root } = await setUp();
    const outcomes = await applyFiles([toWrite('src/a.ts')], { root, verify: () => null, hooks: { afterCheck: () => undefined, beforeCommit: () => undefined } });
    expect(outcomes).toMatchObject([{ status: 'changed' }]);
    expect(await readFile(path.join(root, 'src', 'a.ts'), 'utf8')).toBe('const model = "glm-4.6";\n');
  });
});
