import { randomBytes } from 'node:crypto';
import { constants, type BigIntStats, type Stats } from 'node:fs';
import { lstat, open, realpath, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { isInside, toRelative } from '../core/paths.js';

/**
 * The file is not the one that was read: edited, deleted, or replaced (by a symlink too) since.
 * `detail` completes a sentence that starts with the file's name.
 */
export class ChangedOnDiskError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'ChangedOnDiskError';
  }
}

interface FileIdentity {
  dev: bigint;
  ino: bigint;
  ctimeNs: bigint;
}

/** New content waiting in a temp file beside the file it replaces. */
export interface StagedWrite {
  /** The real path of the file: no symlink on the way. */
  target: string;
  temp: string;
  /** The file as read: device, inode and change time (inode numbers are reused at once). */
  identity: FileIdentity;
}

/**
 * Writing a file is two steps, so that a run can prepare every file before it replaces any.
 * `stageWrite` reads the file without following a symlink, checks that it still holds
 * `original`, and writes `text` (UTF-8) to a new temp file in the same folder, created
 * exclusively, flushed, with the original's mode and (where permitted) owner. `commitWrite`
 * then renames the temp file over the path itself, which replaces the directory entry and never
 * writes through a link; right before, it checks that the path is still the file that was read
 * (same device and inode, not a symlink) and that no folder on the way became a symlink.
 * `discardWrite` removes the temp file; it is safe to call after a commit.
 *
 * `target` must be the real path that `assertWritableInside` returned; `original` is the file's
 * text as read (BOM included), or it looks changed.
 */
export async function stageWrite(target: string, text: string, original: string): Promise<StagedWrite> {
  const { stats: existing, identity } = await readUnchanged(target, original);
  const temp = path.join(path.dirname(target), getTempName(path.basename(target)));
  // 'wx' fails rather than reuse a file (or follow a link) that someone else put under that name.
  const handle = await open(temp, 'wx', 0o666);
  try {
    await handle.writeFile(text, 'utf8');
    await copyOwnerAndMode(handle, existing);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return { target, temp, identity };
}

export async function commitWrite(staged: StagedWrite): Promise<void> {
  const current = await lstatIfExists(staged.target);
  if (current?.isSymbolicLink()) throw new ChangedOnDiskError('was replaced by a symlink after it was read');
  if (current === undefined || !isSameFile(identityOf(current), staged.identity)) {
    throw new ChangedOnDiskError(current === undefined ? 'was deleted after it was read' : 'was replaced after it was read');
  }
  const folder = path.dirname(staged.target);
  if ((await realpath(folder)) !== folder) throw new ChangedOnDiskError('is now reached through a symlink');
  await rename(staged.temp, staged.target);
}

export async function discardWrite(staged: StagedWrite): Promise<void> {
  await rm(staged.temp, { force: true });
}

/**
 * Throws an InputError unless `absolutePath` lies inside `root` both as written and once every
 * symlink on the way is resolved, so a link cannot lead a write outside the root. Returns the
 * resolved path: the one to write, so that nothing is resolved again later.
 */
export async function assertWritableInside(root: string, absolutePath: string): Promise<string> {
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
  return realTarget;
}

/** The file's stats when it holds exactly `original` (as UTF-8 bytes, BOM included), read without following a link. */
async function readUnchanged(target: string, original: string): Promise<{ stats: Stats; identity: FileIdentity }> {
  let handle: FileHandle;
  try {
    handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if (hasErrorCode(error, 'ELOOP')) throw new ChangedOnDiskError('was replaced by a symlink after it was read');
    if (hasErrorCode(error, 'ENOENT')) throw new ChangedOnDiskError('was deleted after it was read');
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new ChangedOnDiskError('is no longer a regular file');
    if (!(await handle.readFile()).equals(Buffer.from(original, 'utf8'))) throw new ChangedOnDiskError('changed on disk after it was read');
    return { stats, identity: identityOf(await handle.stat({ bigint: true })) };
  } finally {
    await handle.close();
  }
}

/** `.name.<pid>.<random>.tmp`, with long names cut so the result stays under NAME_MAX (255 bytes). */
function getTempName(name: string): string {
  const stem = Array.from(name).slice(0, 48).join('');
  return `.${stem}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

async function copyOwnerAndMode(handle: FileHandle, original: Stats): Promise<void> {
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

function identityOf(stats: BigIntStats): FileIdentity {
  return { dev: stats.dev, ino: stats.ino, ctimeNs: stats.ctimeNs };
}

function isSameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.ctimeNs === b.ctimeNs;
}

async function lstatIfExists(absolutePath: string): Promise<BigIntStats | undefined> {
  try {
    return await lstat(absolutePath, { bigint: true });
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function hasErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
