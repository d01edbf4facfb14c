import { readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyFiles, type FileOutcome, type FileToWrite } from '../../src/apply/apply.js';
import type { CliContext } from '../../src/cli/context.js';
import { run } from '../../src/cli/main.js';
import { EXIT } from '../../src/core/errors.js';
import { useTempProjects } from '../cli/temp-project.js';
import { CLIENT_FILE, writeFiles } from './project.js';

// The real rename; a test may abort the run right after one.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, rename: vi.fn(actual.rename) };
});
const { rename: realRename } = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
afterEach(() => void vi.mocked(rename).mockClear().mockImplementation(realRename));

const temp = useTempProjects();
const FILES = ['src/a.ts', 'src/b.ts', 'src/c.ts'];
const MIGRATED_MODEL = 'glm-4.6';

async function project(): Promise<string> {
  const dir = await temp.emptyDir();
  await writeFiles(dir, Object.fromEntries(FILES.map((file) => [file, CLIENT_FILE])));
  return dir;
}

function toWrite(file: string): FileToWrite {
  const start = CLIENT_FILE.indexOf('gpt-4o');
  return { file, original: CLIENT_FILE, edits: [{ file, start, end: start + 6, text: MIGRATED_MODEL, reason: 'model' }] };
}

async function migrated(dir: string): Promise<string[]> {
  const texts = await Promise.all(FILES.map((file) => readFile(path.join(dir, file), 'utf8')));
  return FILES.filter((_, index) => texts[index]!.includes(MIGRATED_MODEL));
}

async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.tmp'));
}

/** Applies FILES, aborting at `moment` of src/b.ts. */
async function applyAbortingAt(dir: string, moment: 'afterCheck' | 'beforeCommit'): Promise<FileOutcome[]> {
  const controller = new AbortController();
  const abortAtB = (file: string) => (file === 'src/b.ts' ? controller.abort() : undefined);
  return applyFiles(FILES.map(toWrite), { root: dir, verify: () => null, signal: controller.signal, hooks: { [moment]: abortAtB } });
}

describe('an interrupted apply', () => {
  it('replaces nothing when interrupted while files are being prepared, and leaves no temp file', async () => {
    const dir = await project();
    const outcomes = await applyAbortingAt(dir, 'afterCheck');
    expect(outcomes.map((outcome) => outcome.status === 'skipped' && outcome.reason)).toEqual(['interrupted', 'interrupted', 'interrupted']);
    expect(await migrated(dir)).toEqual([]);
    expect(await tempFiles(dir)).toEqual([]);
  });

  it('finishes the file being replaced, then stops; the rest stay as they were', async () => {
    const dir = await project();
    const outcomes = await applyAbortingAt(dir, 'beforeCommit');
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['changed', 'changed', 'skipped']);
    expect(await migrated(dir)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(await tempFiles(dir)).toEqual([]);
  });
});

describe('Ctrl-C or SIGTERM during `apply` (the documented exit codes)', () => {
  function contextFor(dir: string, controller: AbortController): { ctx: CliContext; stderr: () => string } {
    let stderr = '';
    const ctx: CliContext = {
      cwd: dir,
      env: { NO_COLOR: '1' },
      stdout: { write: () => undefined },
      stderr: { write: (text) => void (stderr += text) },
      stdinIsTTY: false,
      now: () => 0,
      exitCode: 0,
      trapInterrupts: () => ({ signal: controller.signal, release: () => undefined }),
    };
    return { ctx, stderr: () => stderr };
  }

  it(`exits ${EXIT.partlyApplied} and lists what was written when some files were replaced`, async () => {
    const dir = await project();
    const controller = new AbortController();
    vi.mocked(rename).mockImplementation(async (from, to) => {
      await realRename(from, to);
      controller.abort();
    });
    const { ctx, stderr } = contextFor(dir, controller);
    const code = await run(['apply', '--to', 'zhipu', '--yes', '--allow-dirty'], ctx);
    expect(code).toBe(EXIT.partlyApplied);
    expect(stderr()).toContain('Interrupted: partly applied. Written: src/a.ts. 2 files left as they were; run apply again to finish.');
    expect(await migrated(dir)).toEqual(['src/a.ts']);
    expect(await tempFiles(dir)).toEqual([]);
  });

  it(`exits ${EXIT.cancelled} and writes nothing when interrupted before any file was replaced`, async () => {
    const dir = await project();
    const controller = new AbortController();
    controller.abort();
    const { ctx, stderr } = contextFor(dir, controller);
    const code = await run(['apply', '--to', 'zhipu', '--yes', '--allow-dirty'], ctx);
    expect(code).toBe(EXIT.cancelled);
    expect(stderr()).toContain('Interrupted: nothing was written.');
    expect(await migrated(dir)).toEqual([]);
    expect(await tempFiles(dir)).toEqual([]);
  });
});
