import { chmod, chown, lstat, mkdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritableInside, hasChangedSince, writeFileAtomic } from '../../src/apply/write.js';
import { InputError } from '../../src/core/errors.js';
import { listTempFiles, useTempDirs } from './temp-dir.js';

const makeTempDir = useTempDirs();
const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic', () => {
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

  it('creates the file when it does not exist yet', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'new.ts');
    await writeFileAtomic(file, 'fresh');
    expect(await readFile(file, 'utf8')).toBe('fresh');
  });

  it('rewrites the target of a symlink and leaves the link in place', async () => {
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

  it('removes its temp file and rethrows when the rename fails', async () => {
    const dir = await makeTempDir();
    // Renaming a file over a directory fails (EISDIR), after the temp file has been written.
    const target = path.join(dir, 'target');
    await mkdir(target);
    await writeFile(path.join(dir, 'sibling.ts'), 'untouched');
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await listTempFiles(dir)).toEqual([]);
    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await readFile(path.join(dir, 'sibling.ts'), 'utf8')).toBe('untouched');
  });

  it('rethrows without creating anything when the parent is a file', async () => {
    const dir = await makeTempDir();
    const parent = path.join(dir, 'not-a-dir');
    await writeFile(parent, 'file');
    await expect(writeFileAtomic(path.join(parent, 'a.ts'), 'new')).rejects.toMatchObject({ code: 'ENOTDIR' });
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

describe('hasChangedSince', () => {
  it('is false while the file still holds the text as read', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, '\uFEFFconst a = 1;\r\n');
    expect(await hasChangedSince(file, '\uFEFFconst a = 1;\r\n')).toBe(false);
  });

  it('is true once the file has been edited', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'const a = 1;\n');
    await writeFile(file, 'const a = 2;\n');
    expect(await hasChangedSince(file, 'const a = 1;\n')).toBe(true);
  });

  it('is true when only the line endings changed', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'a\r\nb\r\n');
    expect(await hasChangedSince(file, 'a\nb\n')).toBe(true);
  });

  it('is true when the file has been deleted', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'x');
    await rm(file);
    expect(await hasChangedSince(file, 'x')).toBe(true);
  });
});

describe('assertWritableInside', () => {
  it('accepts a file inside the root', async () => {
    const root = await makeTempDir();
    await mkdir(path.join(root, 'src'));
    await writeFile(path.join(root, 'src', 'a.ts'), 'x');
    await expect(assertWritableInside(root, path.join(root, 'src', 'a.ts'))).resolves.toBeUndefined();
  });

  it('accepts a symlink whose target is inside the root', async () => {
    const root = await makeTempDir();
    await writeFile(path.join(root, 'real.ts'), 'x');
    await symlink(path.join(root, 'real.ts'), path.join(root, 'link.ts'));
    await expect(assertWritableInside(root, path.join(root, 'link.ts'))).resolves.toBeUndefined();
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
    await expect(assertWritableInside(root, path.join(root, 'new', 'a.ts'))).resolves.toBeUndefined();
  });

  it('accepts a root that is itself reached through a symlink', async () => {
    const base = await makeTempDir();
    await mkdir(path.join(base, 'real-root'));
    await writeFile(path.join(base, 'real-root', 'a.ts'), 'x');
    await symlink(path.join(base, 'real-root'), path.join(base, 'root-link'));
    const root = path.join(base, 'root-link');
    await expect(assertWritableInside(root, path.join(root, 'a.ts'))).resolves.toBeUndefined();
  });
});
