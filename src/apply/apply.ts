import { compareStrings } from '../core/compare.js';
import path from 'node:path';
import { firstLine, InputError } from '../core/errors.js';
import type { Edit } from '../core/types.js';
import { applyEdits, InvalidEditError } from './splice.js';
import { assertWritableInside, ChangedOnDiskError, commitWrite, discardWrite, stageWrite, type StagedWrite } from './write.js';

/** One file to rewrite: its text as read (BOM included) and the edits planned against it. */
export interface FileToWrite {
  /** Relative to the root, forward slashes. */
  file: string;
  original: string;
  edits: Edit[];
}

export type ApplySkipReason = 'changed-on-disk' | 'no-longer-parses' | 'outside-root' | 'write-failed' | 'interrupted';

/** For 'changed', `text` is the new content; with `dryRun`, what would have been written. */
export type FileOutcome =
  | { file: string; status: 'changed'; edits: number; text: string }
  | { file: string; status: 'unchanged' }
  | { file: string; status: 'skipped'; reason: ApplySkipReason; message: string };

export interface ApplyOptions {
  /** The scan root; every `file` is relative to it, and nothing outside it is written. */
  root: string;
  /** Run every check but write nothing. */
  dryRun?: boolean;
  /** Null when `text` parses, else a one-line parse error (the file's frontend `verify`). */
  verify: (file: string, text: string) => string | null;
  /**
   * Once aborted (Ctrl-C, SIGTERM), no further file is replaced: the file being replaced is
   * finished, the others are reported as `interrupted` and left as they were.
   */
  signal?: AbortSignal;
  /** Called at the moments another process could change the tree under a write; lets tests do so. */
  hooks?: { afterCheck?: (file: string) => Promise<void> | void; beforeCommit?: (file: string) => Promise<void> | void };
}

interface PendingWrite {
  file: string;
  original: string;
  text: string;
  edits: number;
}

/**
 * Splices and re-parses every file, then writes them in two passes: first each file's new
 * content goes to a temp file beside it, then the temp files are renamed over the originals.
 * A file is skipped, with its reason, when the edited text no longer parses, it changed on disk
 * since it was read, it lies outside the root, or its write fails; the other files go on. An
 * abort during the first pass replaces nothing; during the second, the files renamed so far
 * stay written. Temp files are always removed. Outcomes are sorted by file.
 *
 * Every splice happens before the first write, so an overlapping or out-of-range edit (a bug,
 * thrown as OverlappingEditsError or InvalidEditError) leaves every file untouched.
 */
export async function applyFiles(files: FileToWrite[], options: ApplyOptions): Promise<FileOutcome[]> {
  const root = path.resolve(options.root);
  const outcomes: FileOutcome[] = [];
  const pending: PendingWrite[] = [];
  for (const entry of files) {
    const text = applyEdits(entry.original, checkEditsBelongTo(entry));
    if (text === entry.original) {
      outcomes.push({ file: entry.file, status: 'unchanged' });
      continue;
    }
    const parseError = verifySafely(options, entry.file, text);
    if (parseError !== null) {
      outcomes.push(skip(entry.file, 'no-longer-parses', parseError));
      continue;
    }
    pending.push({ file: entry.file, original: entry.original, text, edits: entry.edits.length });
  }
  const staged: { write: PendingWrite; staged?: StagedWrite }[] = [];
  try {
    for (const write of pending) {
      if (options.signal?.aborted) outcomes.push(interrupted(write.file));
      else {
        const result = await stageOne(root, write, options);
        if ('status' in result) outcomes.push(result);
        else staged.push({ write, staged: result.staged });
      }
    }
    // Nothing is replaced once the run was interrupted while files were being prepared.
    const isInterrupted = options.signal?.aborted === true;
    for (const entry of staged) {
      if (isInterrupted || options.signal?.aborted) outcomes.push(interrupted(entry.write.file));
      else outcomes.push(await commitOne(entry.write, entry.staged, options));
    }
  } finally {
    await Promise.all(staged.map((entry) => (entry.staged ? discardWrite(entry.staged).catch(() => undefined) : undefined)));
  }
  return outcomes.sort((a, b) => compareStrings(a.file, b.file));
}

/** Checks a file and prepares its new content; `staged` is absent in a dry run. */
async function stageOne(root: string, write: PendingWrite, options: ApplyOptions): Promise<FileOutcome | { staged?: StagedWrite }> {
  let target: string;
  try {
    target = await assertWritableInside(root, path.resolve(root, write.file));
  } catch (error) {
    if (error instanceof InputError) return skip(write.file, 'outside-root', error.message);
    return skip(write.file, 'write-failed', firstLine(error));
  }
  await options.hooks?.afterCheck?.(write.file);
  try {
    if (options.dryRun) {
      // Stage and discard at once: the same checks as a real run, and nothing left behind.
      await discardWrite(await stageWrite(target, write.text, write.original));
      return {};
    }
    return { staged: await stageWrite(target, write.text, write.original) };
  } catch (error) {
    return failure(write.file, error);
  }
}

async function commitOne(write: PendingWrite, staged: StagedWrite | undefined, options: ApplyOptions): Promise<FileOutcome> {
  if (staged !== undefined) {
    await options.hooks?.beforeCommit?.(write.file);
    try {
      await commitWrite(staged);
    } catch (error) {
      return failure(write.file, error);
    }
  }
  return { file: write.file, status: 'changed', edits: write.edits, text: write.text };
}

/** A parser that fails on a file (too deeply nested for its stack) is a file that cannot be written, not a crash. */
function verifySafely(options: ApplyOptions, file: string, text: string): string | null {
  try {
    return options.verify(file, text);
  } catch (error) {
    return `the edited file could not be checked: ${firstLine(error)}`;
  }
}

function failure(file: string, error: unknown): FileOutcome {
  if (error instanceof ChangedOnDiskError) return skip(file, 'changed-on-disk', `${file} ${error.detail}`);
  return skip(file, 'write-failed', firstLine(error));
}

function interrupted(file: string): FileOutcome {
  return skip(file, 'interrupted', `${file} was left as it was: the run was interrupted`);
}

function checkEditsBelongTo(entry: FileToWrite): Edit[] {
  const stray = entry.edits.find((edit) => edit.file !== entry.file);
  if (stray !== undefined) {
    throw new InvalidEditError(`an edit for ${stray.file} was planned against ${entry.file}`, entry.file, stray);
  }
  return entry.edits;
}

function skip(file: string, reason: ApplySkipReason, message: string): FileOutcome {
  return { file, status: 'skipped', reason, message };
}
