import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../../src/scan/discover.js';
import { MAX_FILE_BYTES, readCandidate, readSourceFile } from '../../src/scan/read.js';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-read-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeFile(relative: string, content: string | Uint8Array): Promise<DiscoveredFile> {
  const absolute = path.join(dir, relative);
  await fs.mkdir(path.dirname(absolute), { recursive: true });
  await fs.writeFile(absolute, content);
  return { absolute, relative };
}

// chmod 000 blocks reads for everyone but root (and CAP_DAC_OVERRIDE holders).
const isRoot = process.getuid?.() === 0;

describe('readSourceFile', () => {
  it('returns the text of a UTF-8 file', async () => {
    const file = await writeFile('src/a.ts', "const greeting = 'héllo 👋';\r\n");
    expect(await readSourceFile(file)).toEqual({ ok: true, text: "const greeting = 'héllo 👋';\r\n" });
  });

  it('keeps a UTF-8 byte order mark in the text', async () => {
    const file = await writeFile('bom.ts', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export {};\n')]));
    const result = await readSourceFile(file);
    expect(result).toEqual({ ok: true, text: '\uFEFFexport {};\n' });
  });

  it('reads a file of exactly the size limit', async () => {
    const file = await writeFile('limit.ts', 'x'.repeat(100));
    expect(await readSourceFile(file, 100)).toMatchObject({ ok: true });
  });

  it('skips a file over the size limit as too-large', async () => {
    const file = await writeFile('big.ts', 'x'.repeat(101));
    expect(await readSourceFile(file, 100)).toEqual({
      ok: false,
      skipped: { file: 'big.ts', reason: 'too-large', message: '101 bytes, over the 100-byte limit' },
    });
  });

  it('skips a huge file as too-large without reading it', async () => {
    // A sparse 3 GB file: reading it would fail (over Node's buffer limit) or take seconds.
    const file = await writeFile('huge.js', '');
    await fs.truncate(file.absolute, 3 * 1024 ** 3);
    const started = performance.now();
    const result = await readSourceFile(file);
    expect(result).toMatchObject({ ok: false, skipped: { reason: 'too-large' } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(MAX_FILE_BYTES).toBe(1_000_000);
  });

  it('skips a file with a NUL byte in its first 8 KB as binary', async () => {
    const file = await writeFile('image.ts', Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0, 1, 2])]));
    expect(await readSourceFile(file)).toEqual({
      ok: false,
      skipped: { file: 'image.ts', reason: 'binary', message: 'binary file (NUL byte in the first 8 KB)' },
    });
  });

  it('reads a UTF-8 file whose only NUL byte lies past the first 8 KB', async () => {
    const text = `${'a'.repeat(8 * 1024)}\0`;
    const file = await writeFile('late-nul.ts', text);
    expect(await readSourceFile(file)).toEqual({ ok: true, text });
  });

  it('skips a Latin-1 file as not-utf8', async () => {
    const file = await writeFile('latin1.ts', Buffer.from("const s = 'caf\xe9';\n", 'latin1'));
    expect(await readSourceFile(file)).toEqual({
      ok: false,
      skipped: { file: 'latin1.ts', reason: 'not-utf8', message: 'not valid UTF-8' },
    });
  });

  it.each([
    ['little-endian', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('export {};\n', 'utf16le')])],
    ['big-endian', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('export {};\n', 'utf16le').swap16()])],
  ])('skips a UTF-16 %s file with a byte order mark as not-utf8', async (_, bytes) => {
    const file = await writeFile('utf16.ts', bytes);
    expect(await readSourceFile(file)).toMatchObject({ ok: false, skipped: { file: 'utf16.ts', reason: 'not-utf8' } });
  });

  it('skips a folder named like a source file as unreadable, with the error code on one line', async () => {
    const absolute = path.join(dir, 'looks-like-a-file.ts');
    await fs.mkdir(absolute);
    const result = await readSourceFile({ absolute, relative: 'looks-like-a-file.ts' });
    expect(result).toEqual({
      ok: false,
      skipped: { file: 'looks-like-a-file.ts', reason: 'unreadable', message: 'cannot read the file (EISDIR)' },
    });
  });

  it('skips a file deleted since discovery as unreadable', async () => {
    const result = await readSourceFile({ absolute: path.join(dir, 'gone.ts'), relative: 'gone.ts' });
    expect(result).toEqual({
      ok: false,
      skipped: { file: 'gone.ts', reason: 'unreadable', message: 'cannot read the file (ENOENT)' },
    });
  });

  it.skipIf(isRoot)('skips a file without read permission as unreadable (not run as root: root reads it anyway)', async () => {
    const file = await writeFile('secret.ts', 'export {};\n');
    await fs.chmod(file.absolute, 0o000);
    expect(await readSourceFile(file)).toEqual({
      ok: false,
      skipped: { file: 'secret.ts', reason: 'unreadable', message: 'cannot read the file (EACCES)' },
    });
  });
});

describe('readCandidate', () => {
  it('decodes a file that passes the prefilter', async () => {
    const file = await writeFile('ai.ts', "// modèle\nconst model = 'gpt-4o';\n");
    expect(readCandidate(file)).toEqual({ kind: 'candidate', text: "// modèle\nconst model = 'gpt-4o';\n" });
  });

  it('keeps a UTF-8 byte order mark in a candidate', async () => {
    const file = await writeFile('bom.ts', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("import OpenAI from 'openai';\n")]));
    expect(readCandidate(file)).toEqual({ kind: 'candidate', text: "\uFEFFimport OpenAI from 'openai';\n" });
  });

  it('returns no text for a file the prefilter rejects', async () => {
    const file = await writeFile('cart.ts', 'export const total = (items: number[]) => items.reduce((a, b) => a + b, 0);\n');
    expect(readCandidate(file)).toEqual({ kind: 'other' });
  });

  it.each([
    ['a Latin-1 file', Buffer.from("const s = 'caf\xe9';\n", 'latin1'), 'not-utf8'],
    ['a Latin-1 file that mentions OpenAI', Buffer.from("// caf\xe9\nimport OpenAI from 'openai';\n", 'latin1'), 'not-utf8'],
    ['a binary file', Buffer.concat([Buffer.from('gpt-4o'), Buffer.from([0, 1, 2])]), 'binary'],
  ])('skips %s for the same reason as readSourceFile', async (_, bytes, reason) => {
    const file = await writeFile('skipped.ts', bytes);
    expect(readCandidate(file)).toEqual({ kind: 'skipped', skipped: { file: 'skipped.ts', reason, message: expect.any(String) } });
    expect(await readSourceFile(file)).toEqual({ ok: false, skipped: readCandidate(file).kind === 'skipped' ? (readCandidate(file) as { skipped: unknown }).skipped : undefined });
  });

  it('skips a file over the size limit as too-large', async () => {
    const file = await writeFile('big.ts', `// gpt-4o\n${'x'.repeat(100)}`);
    expect(readCandidate(file, 100)).toMatchObject({ kind: 'skipped', skipped: { reason: 'too-large' } });
  });
});
