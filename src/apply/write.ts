import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { isInside, toRelative } from '../core/paths.js';

/**
 * Replaces the file at `absolutePath` with `text` (UTF-8) so that readers see either the old
 * or the new content, never a mix: the text goes to a temp file in the same directory, is
 * flushed to disk, then renamed over the original. A symlink is followed, so its target is
 * rewritten and the link stays a link. The original's mode (and, where permitted, owner) is
 * kept. On failure the temp file is removed and the original is untouched.
 */
export async function writeFileAtomic(absolutePath: string, text: string): Promise<void> {
  const target = await realpathOrSelf(absolutePath);
  const existing = await statIfExists(target);
  const temp = path.join(path.dirname(target), getTempName(path.basename(target)));
  let isTempCreated = false;
  try {
    // 'wx' fails rather than reuse a file that someone else created under the same name.
    const handle = await open(temp, 'wx', 0o666);
    isTempCreated = true;
    try {
      await handle.writeFile(text, 'utf8');
      if (existing !== undefined) await copyOwnerAndMode(handle, existing);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    // The write's own error is the one worth reporting; a failed clean-up must not replace it.
    if (isTempCreated) await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * True when the file no longer holds exactly `originalText` (compared as UTF-8 bytes), or is
 * gone. `originalText` must be the file as read, BOM included, or every BOM file looks changed.
 */
export async function hasChangedSince(absolutePath: string, originalText: string): Promise<boolean> {
  let current: Buffer;
  try {
    current = await readFile(absolutePath);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return true;
    throw error;
  }
  return !current.equals(Buffer.from(originalText, 'utf8'));
}

/**
 * Throws an InputError unless `absolutePath` lies inside `root` both as written and once every
 * symlink on the way is resolved, so a link cannot lead a write outside the root.
 */
export async function assertWritableInside(root: string, absolutePath: string): Promise<void> {
  const shown = toRelative(root, absolutePath);
  if (!isInside(path.resolve(root), path.resolve(absolutePath))) {
    throw new InputError(`refusing to write ${shown}: it is outside the root`);
  }
  const realRoot = await realpath(root);
  const realTarget = await resolveExistingPart(absolutePath);
  if (!isInside(realRoot, realTarget)) {
    throw new InputError(
      `refusing to write ${shown}: it resolves to ${realTarget}, outside the root`,
      'A symlink leads out of the root; migrate its target from a root that contains it.',
    );
  }
}

/** `.name.<pid>.<random>.tmp`, with long names cut so the result stays under NAME_MAX (255 bytes). */
function getTempName(name: string): string {
  const stem = Array.from(name).slice(0, 48).join('');
  return `.${stem}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

async function copyOwnerAndMode(
  handle: Awaited<ReturnType<typeof open>>,
  original: Stats,
): Promise<void> {
  const isOwnedByOther =
    process.getuid !== undefined &&
    process.getgid !== undefined &&
    (original.uid !== process.getuid() || original.gid !== process.getgid());
  if (isOwnedByOther) {
    // Only root (or a member of the group) may hand the file back; anyone else ends up owning
    // the rewritten file, as with any editor's save.
    await handle.chown(original.uid, original.gid).catch((error: unknown) => {
      if (!hasErrorCode(error, 'EPERM')) throw error;
    });
  }
  // After chown, which may clear set-id bits.
  await handle.chmod(original.mode & 0o7777);
}

async function realpathOrSelf(absolutePath: string): Promise<string> {
  try {
    return await realpath(absolutePath);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return absolutePath;
    throw error;
  }
}

/** The real path of the longest existing prefix of `absolutePath`, plus the rest as written. */
async function resolveExistingPart(absolutePath: string): Promise<string> {
  try {
    return await realpath(absolutePath);
  } catch (error) {
    const parent = path.dirname(absolutePath);
    if (!hasErrorCode(error, 'ENOENT') || parent === absolutePath) throw error;
    return path.join(await resolveExistingPart(parent), path.basename(absolutePath));
  }
}

async function statIfExists(absolutePath: string): Promise<Stats | undefined> {
  try {
    return await stat(absolutePath);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function hasErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
