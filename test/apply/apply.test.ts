import { mkdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyFiles, type ApplyOptions, type FileToWrite } from '../../src/apply/apply.js';
import { InvalidEditError, OverlappingEditsError } from '../../src/apply/splice.js';
import type { Edit } from '../../src/core/types.js';
import { listTempFiles, useTempDirs } from './temp-dir.js';

// The real rename, unless a test makes it fail for one file.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, rename: vi.fn(actual.rename) };
});
const { rename: realRename } = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');

const makeTempDir = useTempDirs();

afterEach(() => {
  vi.mocked(rename).mockClear().mockImplementation(realRename);
});

/** Accepts any text whose parentheses balance. */
function verifyParens(_file: string, text: string): string | null {
  let depth = 0;
  for (const ch of text) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) return "unexpected ')'";
  }
  return depth === 0 ? null : "')' expected";
}

/** Writes `files` under a new root and returns the root. */
async function makeProject(files: Record<string, string>): Promise<string> {
  const root = await makeTempDir();
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return root;
}

/** An edit replacing the first occurrence of `find` in `original`. */
function replaceFirst(file: string, original: string, find: string, text: string): Edit {
  const start = original.indexOf(find);
  if (start < 0) throw new Error(`${find} not in ${file}`);
  return { file, start, end: start + find.length, text, reason: `replace ${find}` };
}

function toWrite(file: string, original: string, find: string, text: string): FileToWrite {
  return { file, original, edits: [replaceFirst(file, original, find, text)] };
}

function options(root: string, extra: Partial<ApplyOptions> = {}): ApplyOptions {
  return { root, verify: verifyParens, ...extra };
}

const CLIENT = "const client = new OpenAI({ model: 'gpt-4o' });\n";
const MIGRATED = "const client = new OpenAI({ model: 'glm-4' });\n";

describe('applyFiles', () => {
  it('writes the edited text and reports it as changed with its edit count', async () => {
    const root = await makeProject({ 'src/client.ts': CLIENT });
    const outcomes = await applyFiles([toWrite('src/client.ts', CLIENT, 'gpt-4o', 'glm-4')], options(root));
    expect(outcomes).toEqual([{ file: 'src/client.ts', status: 'changed', edits: 1, text: MIGRATED }]);
    expect(await readFile(path.join(root, 'src/client.ts'), 'utf8')).toBe(MIGRATED);
    expect(await listTempFiles(path.join(root, 'src'))).toEqual([]);
  });

  it('reports unchanged when the edits reproduce the original text', async () => {
    const root = await makeProject({ 'a.ts': CLIENT });
    const files = [
      toWrite('a.ts', CLIENT, 'gpt-4o', 'gpt-4o'),
      { file: 'b.ts', original: 'not on disk', edits: [] },
    ];
    expect(await applyFiles(files, options(root))).toEqual([
      { file: 'a.ts', status: 'unchanged' },
      { file: 'b.ts', status: 'unchanged' },
    ]);
  });

  it('skips a file that no longer parses and leaves it untouched', async () => {
    const root = await makeProject({ 'a.ts': CLIENT });
    const outcomes = await applyFiles([toWrite('a.ts', CLIENT, '});', '}')], options(root));
    expect(outcomes).toEqual([{ file: 'a.ts', status: 'skipped', reason: 'no-longer-parses', message: "')' expected" }]);
    expect(await readFile(path.join(root, 'a.ts'), 'utf8')).toBe(CLIENT);
  });

  it('skips a file that changed on disk after it was read and keeps the newer content', async () => {
    const root = await makeProject({ 'a.ts': CLIENT });
    await writeFile(path.join(root, 'a.ts'), `// edited meanwhile\n${CLIENT}`);
    const outcomes = await applyFiles([toWrite('a.ts', CLIENT, 'gpt-4o', 'glm-4')], options(root));
    expect(outcomes).toEqual([
      { file: 'a.ts', status: 'skipped', reason: 'changed-on-disk', message: 'a.ts changed on disk after it was read' },
    ]);
    expect(await readFile(path.join(root, 'a.ts'), 'utf8')).toBe(`// edited meanwhile\n${CLIENT}`);
  });

  it('skips a file deleted since it was read without recreating it', async () => {
    const root = await makeProject({});
    const outcomes = await applyFiles([toWrite('gone.ts', CLIENT, 'gpt-4o', 'glm-4')], options(root));
    expect(outcomes).toMatchObject([{ file: 'gone.ts', status: 'skipped', reason: 'changed-on-disk' }]);
    await expect(readFile(path.join(root, 'gone.ts'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('skips a symlink whose target is outside the root and leaves the target untouched', async () => {
    const root = await makeProject({});
    const outside = await makeProject({ 'shared.ts': CLIENT });
    await symlink(path.join(outside, 'shared.ts'), path.join(root, 'shared.ts'));
    const outcomes = await applyFiles([toWrite('shared.ts', CLIENT, 'gpt-4o', 'glm-4')], options(root));
    expect(outcomes).toMatchObject([{ file: 'shared.ts', status: 'skipped', reason: 'outside-root' }]);
    expect((outcomes[0] as { message: string }).message).toMatch(/^refusing to write shared\.ts: it resolves to /);
    expect(await readFile(path.join(outside, 'shared.ts'), 'utf8')).toBe(CLIENT);
  });

  it('skips a path that climbs out of the root', async () => {
    const parent = await makeProject({ 'root/.keep': '', 'escape.ts': CLIENT });
    const root = path.join(parent, 'root');
    const outcomes = await applyFiles([toWrite('../escape.ts', CLIENT, 'gpt-4o', 'glm-4')], options(root));
    expect(outcomes).toEqual([
      {
        file: '../escape.ts',
        status: 'skipped',
        reason: 'outside-root',
        message: 'refusing to write ../escape.ts: it is outside the root',
      },
    ]);
    expect(await readFile(path.join(parent, 'escape.ts'), 'utf8')).toBe(CLIENT);
  });

  it('writes through a symlink that stays inside the root', async () => {
    const root = await makeProject({ 'src/real.ts': CLIENT });
    await symlink('real.ts', path.join(root, 'src', 'link.ts'));
    const outcomes = await applyFiles([toWrite('src/link.ts', CLIENT, 'gpt-4o', 'glm-4')], options(root));
    expect(outcomes).toMatchObject([{ file: 'src/link.ts', status: 'changed' }]);
    expect(await readFile(path.join(root, 'src', 'real.ts'), 'utf8')).toBe(MIGRATED);
  });

  it('reports write-failed for a file whose write fails and still writes the others', async () => {
    const root = await makeProject({ 'a.ts': CLIENT, 'b.ts': CLIENT, 'c.ts': CLIENT });
    vi.mocked(rename).mockImplementation(async (from, to) => {
      if (path.basename(String(to)) === 'b.ts') throw new Error('EIO: i/o error, rename (simulated)');
      return realRename(from, to);
    });
    const files = ['c.ts', 'b.ts', 'a.ts'].map((file) => toWrite(file, CLIENT, 'gpt-4o', 'glm-4'));
    const outcomes = await applyFiles(files, options(root));
    expect(outcomes).toEqual([
      { file: 'a.ts', status: 'changed', edits: 1, text: MIGRATED },
      { file: 'b.ts', status: 'skipped', reason: 'write-failed', message: 'EIO: i/o error, rename (simulated)' },
      { file: 'c.ts', status: 'changed', edits: 1, text: MIGRATED },
    ]);
    expect(await readFile(path.join(root, 'a.ts'), 'utf8')).toBe(MIGRATED);
    expect(await readFile(path.join(root, 'b.ts'), 'utf8')).toBe(CLIENT);
    expect(await readFile(path.join(root, 'c.ts'), 'utf8')).toBe(MIGRATED);
    expect(await listTempFiles(root)).toEqual([]);
  });

  it('writes nothing in dry-run mode but reports what would change', async () => {
    const root = await makeProject({ 'a.ts': CLIENT, 'b.ts': CLIENT });
    await writeFile(path.join(root, 'b.ts'), 'edited meanwhile');
    const files = [toWrite('a.ts', CLIENT, 'gpt-4o', 'glm-4'), toWrite('b.ts', CLIENT, 'gpt-4o', 'glm-4')];
    const outcomes = await applyFiles(files, options(root, { dryRun: true }));
    expect(outcomes).toMatchObject([
      { file: 'a.ts', status: 'changed', edits: 1, text: MIGRATED },
      { file: 'b.ts', status: 'skipped', reason: 'changed-on-disk' },
    ]);
    expect(await readFile(path.join(root, 'a.ts'), 'utf8')).toBe(CLIENT);
    expect(vi.mocked(rename)).not.toHaveBeenCalled();
  });

  it('sorts outcomes by file whatever the input order', async () => {
    const root = await makeProject({ 'b.ts': CLIENT, 'a/z.ts': CLIENT, 'B.ts': CLIENT });
    const files = ['b.ts', 'a/z.ts', 'B.ts'].map((file) => toWrite(file, CLIENT, 'gpt-4o', 'glm-4'));
    const outcomes = await applyFiles(files, options(root));
    expect(outcomes.map((outcome) => outcome.file)).toEqual(['B.ts', 'a/z.ts', 'b.ts']);
  });

  it('keeps CRLF line endings and the BOM of a rewritten file', async () => {
    const original = "\uFEFFimport OpenAI from 'openai';\r\nconst model = 'gpt-4o';\r\n";
    const root = await makeProject({ 'a.ts': original });
    await applyFiles([toWrite('a.ts', original, 'gpt-4o', 'glm-4')], options(root));
    expect(await readFile(path.join(root, 'a.ts'))).toEqual(
      Buffer.from("\uFEFFimport OpenAI from 'openai';\r\nconst model = 'glm-4';\r\n", 'utf8'),
    );
  });

  it('writes nothing at all when any file has overlapping edits', async () => {
    const root = await makeProject({ 'a.ts': CLIENT, 'b.ts': CLIENT });
    const overlapping: FileToWrite = {
      file: 'b.ts',
      original: CLIENT,
      edits: [replaceFirst('b.ts', CLIENT, 'gpt-4o', 'x'), replaceFirst('b.ts', CLIENT, "'gpt-4o'", 'y')],
    };
    const files = [toWrite('a.ts', CLIENT, 'gpt-4o', 'glm-4'), overlapping];
    await expect(applyFiles(files, options(root))).rejects.toThrow(OverlappingEditsError);
    expect(await readFile(path.join(root, 'a.ts'), 'utf8')).toBe(CLIENT);
  });

  it('throws InvalidEditError for an edit planned for another file', async () => {
    const root = await makeProject({ 'a.ts': CLIENT });
    const files = [{ file: 'a.ts', original: CLIENT, edits: [replaceFirst('b.ts', CLIENT, 'gpt-4o', 'glm-4')] }];
    await expect(applyFiles(files, options(root))).rejects.toThrow(InvalidEditError);
    expect(await readFile(path.join(root, 'a.ts'), 'utf8')).toBe(CLIENT);
  });
});
