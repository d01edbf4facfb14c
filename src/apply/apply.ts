import { compareStrings } from '../core/compare.js';
import path from 'node:path';
import { firstLine, InputError } from '../core/errors.js';
import type { Edit } from '../core/types.js';
import { applyEdits, InvalidEditError } from './splice.js';
import { assertWritableInside, hasChangedSince, writeFileAtomic } from './write.js';

/** One file to rewrite: its text as read (BOM included) and the edits planned against it. */
export interface FileToWrite {
  /** Relative to the root, forward slashes. */
  file: string;
  original: string;
  edits: Edit[];
}

export type ApplySkipReason = 'changed-on-disk' | 'no-longer-parses' | 'outside-root' | 'write-failed';

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
}

interface PendingWrite {
  file: string;
  original: string;
  text: string;
  edits: number;
}

/**
 * Splices and re-parses every file, then writes each one atomically. A file is skipped, with
 * its reason, when the edited text no longer parses, it changed on disk since it was read, it
 * lies outside the root, or the write fails; the other files go on. Outcomes are sorted by file.
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
    const parseError = options.verify(entry.file, text);
    if (parseError !== null) {
      outcomes.push(skip(entry.file, 'no-longer-parses', parseError));
      continue;
    }
    pending.push({ file: entry.file, original: entry.original, text, edits: entry.edits.length });
  }
  for (const write of pending) {
    outcomes.push(await writeOne(root, write, options.dryRun === true));
  }
  return outcomes.sort((a, b) => compareStrings(a.file, b.file));
}

async function writeOne(root: string, write: PendingWrite, isDryRun: boolean): Promise<FileOutcome> {
  const absolute = path.resolve(root, write.file);
  try {
    await assertWritableInside(root, absolute);
  } catch (error) {
    if (error instanceof InputError) return skip(write.file, 'outside-root', error.message);
    return skip(write.file, 'write-failed', firstLine(error));
  }
  try {
    if (await hasChangedSince(absolute, write.original)) {
      return skip(write.file, 'changed-on-disk', `${write.file} changed on disk after it was read`);
    }
    if (!isDryRun) await writeFileAtomic(absolute, write.text);
  } catch (error) {
    return skip(write.file, 'write-failed', firstLine(error));
  }
  return { file: write.file, status: 'changed', edits: write.edits, text: write.text };
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
