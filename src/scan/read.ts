import { open, type FileHandle } from 'node:fs/promises';
import type { SkipReason, SkippedFile } from '../core/types.js';
import type { DiscoveredFile } from './discover.js';

/** Files above this size are skipped unread: generated code, data dumps, vendored bundles. */
export const MAX_FILE_BYTES = 1_000_000;

/** How much of a file is searched for a NUL byte, the usual sign of a binary file (as git does). */
const BINARY_SNIFF_BYTES = 8 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; skipped: SkippedFile };

// `ignoreBOM: true` keeps a leading BOM in the text, so offsets and rewritten files keep it too.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a discovered file as UTF-8 text. Never throws for a problem with the file itself: a
 * file that is too large, binary, not UTF-8 or unreadable comes back as a skipped entry with a
 * one-line message. The size is checked before anything is read.
 */
export async function readSourceFile(file: DiscoveredFile, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const skip = (reason: SkipReason, message: string): ReadResult => ({
    ok: false,
    skipped: { file: file.relative, reason, message },
  });
  let handle: FileHandle | undefined;
  let bytes: Buffer;
  try {
    handle = await open(file.absolute, 'r');
    // fstat on the open handle, so the size belongs to the file that is then read.
    const { size } = await handle.stat();
    if (size > maxBytes) return skip('too-large', `${size} bytes, over the ${maxBytes}-byte limit`);
    bytes = await handle.readFile();
  } catch (error) {
    return skip('unreadable', `cannot read the file (${describeError(error)})`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
  // The file may have grown between the stat and the read.
  if (bytes.length > maxBytes) return skip('too-large', `${bytes.length} bytes, over the ${maxBytes}-byte limit`);
  // A UTF-16 BOM first: UTF-16 text is full of NUL bytes and would otherwise pass for binary.
  if (hasUtf16Bom(bytes)) return skip('not-utf8', 'UTF-16 text (byte order mark); only UTF-8 is supported');
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return skip('binary', 'binary file (NUL byte in the first 8 KB)');
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return skip('not-utf8', 'not valid UTF-8');
  }
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** The error code (EACCES, EISDIR …) when there is one, else the first line of the message. */
function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return code;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0] ?? 'unknown error';
}
