import { chmod, chown, lstat, mkdir, readFile, readlink, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritableInside, ChangedOnDiskError, commitWrite, stageWrite } from '../../src/apply/write.js';
import { InputError } from '../../src/core/errors.js';
import { listTempFiles, useTempDirs } from './temp-dir.js';

const makeTempDir = useTempDirs();
const isRoot = process.getuid?.() === 0;

/** Replaces the file (through a symlink inside the root, as `applyFiles` does) with `text`. */
async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = await realpath(file);
  await commitWrite(await stageWrite(target, text, await readFile(target, 'utf8')));
}

describe('stageWrite + commitWrite', () => {
  it('replaces the file content', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'client.ts');
    await writeFile(file, 'old content that is longer than the new one\n');
    await writeFileAtomic(file, 'new\n');
    expect(await readFile(file, 'utf8')).toBe('new\n');
  });

  it('writes the text as UTF-8, BOM and CRLF included', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'x');
    await writeFileAtomic(file, '\uFEFFconst café = 1;\r\n');
    expect(await readFile(file)).toEqual(Buffer.from('\uFEFFconst café = 1;\r\n', 'utf8'));
  });

  it.each([
    ['0755', 0o755],
    ['0600', 0o600],
    ['0644', 0o644],
  ])('keeps the original mode %s', async (_name, mode) => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'script.ts');
    await writeFile(file, 'old');
    await chmod(file, mode);
    await writeFileAtomic(file, 'new');
    expect((await stat(file)).mode & 0o7777).toBe(mode);
  });

  it.runIf(isRoot)('keeps the original owner when running as root', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'owned.ts');
    await writeFile(file, 'old');
    await chown(file, 1234, 2345);
    await writeFileAtomic(file, 'new');
    const stats = await stat(file);
    expect([stats.uid, stats.gid]).toEqual([1234, 2345]);
  });

  it('rewrites the target of a symlink resolved beforehand and leaves the link in place', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'real.ts'), 'old');
    await symlink('real.ts', path.join(dir, 'link.ts'));
    await writeFileAtomic(path.join(dir, 'link.ts'), 'new');
    expect((await lstat(path.join(dir, 'link.ts'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(dir, 'link.ts'))).toBe('real.ts');
    expect(await readFile(path.join(dir, 'real.ts'), 'utf8')).toBe('new');
  });

  it('leaves no temp file behind after a successful write', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('refuses a path that is a directory without creating anything', async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, 'target'));
    await expect(stageWrite(path.join(dir, 'target'), 'new', '')).rejects.toThrow(ChangedOnDiskError);
    expect(await listTempFiles(dir)).toEqual([]);
    expect((await stat(path.join(dir, 'target'))).isDirectory()).toBe(true);
  });

  it('rethrows without creating anything when the parent is a file', async () => {
    const dir = await makeTempDir();
    const parent = path.join(dir, 'not-a-dir');
    await writeFile(parent, 'file');
    await expect(stageWrite(path.join(parent, 'a.ts'), 'new', '')).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(await listTempFiles(dir)).toEqual([]);
    expect(await readFile(parent, 'utf8')).toBe('file');
  });

  it('writes a file whose name is too long to be repeated in full in a temp name', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, `${'x'.repeat(240)}.ts`);
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await listTempFiles(dir)).toEqual([]);
  });
});

describe('stageWrite refuses a file that is not the one read', () => {
  it('stages a file that still holds the text as read, BOM and CRLF included', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, '\uFEFFconst a = 1;\r\n');
    await expect(stageWrite(file, 'new', '\uFEFFconst a = 1;\r\n')).resolves.toMatchObject({ target: file });
  });

  it.each([
    ['edited', 'const a = 2;\n', 'changed on disk after it was read'],
    ['given other line endings', 'const a = 1;\r\n', 'changed on disk after it was read'],
  ])('once it has been %s', async (_case, current, detail) => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, current);
    await expect(stageWrite(file, 'new', 'const a = 1;\n')).rejects.toMatchObject({ detail });
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('once it has been deleted', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'x');
    await rm(file);
    await expect(stageWrite(file, 'new', 'x')).rejects.toMatchObject({ detail: 'was deleted after it was read' });
  });

  it('once it has become a symlink, even to a file with the same text', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'other.ts'), 'x');
    await symlink(path.join(dir, 'other.ts'), path.join(dir, 'a.ts'));
    await expect(stageWrite(path.join(dir, 'a.ts'), 'new', 'x')).rejects.toMatchObject({ detail: 'was replaced by a symlink after it was read' });
    expect(await readFile(path.join(dir, 'other.ts'), 'utf8')).toBe('x');
  });
});

describe('assertWritableInside', () => {
  it('accepts a file inside the root', async () => {
    const root = await makeTempDir();
    await mkdir(path.join(root, 'src'));
    await writeFile(path.join(root, 'src', 'a.ts'), 'x');
    await expect(assertWritableInside(root, path.join(root, 'src', 'a.ts'))).resolves.toEqual(expect.any(String));
  });

  it('accepts a symlink whose target is inside the root', async () => {
    const root = await makeTempDir();
    await writeFile(path.join(root, 'real.ts'), 'x');
    await symlink(path.join(root, 'real.ts'), path.join(root, 'link.ts'));
    await expect(assertWritableInside(root, path.join(root, 'link.ts'))).resolves.toEqual(expect.any(String));
  });

  it('refuses a symlink whose target is outside the root, with a one-line InputError', async () => {
    const root = await makeTempDir();
    const outside = await makeTempDir();
    await writeFile(path.join(outside, 'secret.ts'), 'x');
    await symlink(path.join(outside, 'secret.ts'), path.join(root, 'link.ts'));
    const error = await assertWritableInside(root, path.join(root, 'link.ts')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^refusing to write link\.ts: it resolves to .*secret\.ts, outside the root$/);
    expect((error as InputError).message).not.toContain('\n');
  });

  it('refuses a file reached through a directory symlink that leaves the root', async () => {
    const root = await makeTempDir();
    const outside = await makeTempDir();
    await writeFile(path.join(outside, 'a.ts'), 'x');
    await symlink(outside, path.join(root, 'vendor'));
    await expect(assertWritableInside(root, path.join(root, 'vendor', 'a.ts'))).rejects.toThrow(InputError);
  });

  it('refuses a path that climbs out of the root', async () => {
    const root = await makeTempDir();
    await expect(assertWritableInside(root, path.join(root, '..', 'elsewhere.ts'))).rejects.toThrow(
      'refusing to write ../elsewhere.ts: it is outside the root',
    );
  });

  it('accepts a file that does not exist yet inside the root', async () => {
    const root = await makeTempDir();
    await expect(assertWritableInside(root, path.join(root, 'new', 'a.ts'))).resolves.toEqual(expect.any(String));
  });

  it('accepts a root that is itself reached through a symlink', async () => {
    const base = await makeTempDir();
    await mkdir(path.join(base, 'real-root'));
    await writeFile(path.join(base, 'real-root', 'a.ts'), 'x');
    await symlink(path.join(base, 'real-root'), path.join(base, 'root-link'));
    const root = path.join(base, 'root-link');
    await expect(assertWritableInside(root, path.join(root, 'a.ts'))).resolves.toEqual(expect.any(String));
  });
});
