import { describeError } from '../core/errors.js';
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { SkipReason, SkippedFile } from '../core/types.js';
import type { DiscoveredFile } from './discover.js';
import { maxBytesFor } from './notebook-limit.js';
import { isCandidateBytes } from './prefilter.js';

/** Files above this size are skipped unread: generated code, data dumps, vendored bundles. */
export const MAX_FILE_BYTES = 1_000_000;

/** How much of a file is searched for a NUL byte, the usual sign of a binary file (as git does). */
const BINARY_SNIFF_BYTES = 8 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; skipped: SkippedFile };

// `ignoreBOM: true` keeps a leading BOM in the text, so offsets and rewritten files keep it too.
// Only bytes that `isUtf8` accepted are decoded.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads a discovered file as UTF-8 text. Never throws for a problem with the file itself: a
 * file that is too large, binary, not UTF-8 or unreadable comes back as a skipped entry with a
 * one-line message. The size is checked before anything is read.
 */
export async function readSourceFile(file: DiscoveredFile, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  return readSourceFileSync(file, maxBytes);
}

/**
 * `readSourceFile` without the promise. A scan reads thousands of small files that are
 * usually in the page cache, where blocking calls cost a quarter of what the thread-pool
 * round trips of `fs/promises` do.
 */
export function readSourceFileSync(file: DiscoveredFile, maxBytes = MAX_FILE_BYTES): ReadResult {
  const read = readTextBytes(file, maxBytes);
  return read.ok ? { ok: true, text: utf8.decode(read.bytes) } : read;
}

/** What the prefilter makes of a file: its text if it is a candidate, else nothing, or why it was skipped. */
export type CandidateRead = { kind: 'candidate'; text: string } | { kind: 'other' } | { kind: 'skipped'; skipped: SkippedFile };

/**
 * Reads a file and applies the prefilter to its bytes; only a candidate is decoded to a
 * string. A file is skipped for the same reasons, with the same messages, as by `readSourceFile`.
 */
export function readCandidate(file: DiscoveredFile, maxBytes = maxBytesFor(file.relative, MAX_FILE_BYTES)): CandidateRead {
  const read = readTextBytes(file, maxBytes);
  if (!read.ok) return { kind: 'skipped', skipped: read.skipped };
  return isCandidateBytes(read.bytes) ? { kind: 'candidate', text: utf8.decode(read.bytes) } : { kind: 'other' };
}

/**
 * One buffer per thread that every file is read into: a scan reads thousands of small files,
 * and most of them are dropped by the prefilter without ever leaving it.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * The file's bytes once they are known to be UTF-8 text of an acceptable size. They are a view
 * of the thread's scratch buffer, valid until the next read: decode or copy them before that.
 */
function readTextBytes(file: DiscoveredFile, maxBytes: number): { ok: true; bytes: Buffer } | { ok: false; skipped: SkippedFile } {
  const skip = (reason: SkipReason, message: string) => ({ ok: false as const, skipped: { file: file.relative, reason, message } });
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    fd = openSync(file.absolute, 'r');
    bytes = readUpTo(fd, maxBytes + 1);
    // Only a file over the limit pays for a stat, to say how large it is.
    if (bytes.length > maxBytes) return skip('too-large', `${Math.max(fstatSync(fd).size, bytes.length)} bytes, over the ${maxBytes}-byte limit`);
  } catch (error) {
    return skip('unreadable', `cannot read the file (${describeError(error)})`);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
  // A UTF-16 BOM first: UTF-16 text is full of NUL bytes and would otherwise pass for binary.
  if (hasUtf16Bom(bytes)) return skip('not-utf8', 'UTF-16 text (byte order mark); only UTF-8 is supported');
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return skip('binary', 'binary file (NUL byte in the first 8 KB)');
  if (!isUtf8(bytes)) return skip('not-utf8', 'not valid UTF-8');
  return { ok: true, bytes };
}

/** Reads to the end of the file or to `limit` bytes, whichever comes first, into the scratch buffer. */
function readUpTo(fd: number, limit: number): Buffer {
  let length = 0;
  for (;;) {
    if (length === scratch.length) {
      if (length >= limit) break;
      const grown = Buffer.allocUnsafe(Math.min(scratch.length * 2, limit));
      scratch.copy(grown, 0, 0, length);
      scratch = grown;
    }
    const read = readSync(fd, scratch, length, Math.min(scratch.length, limit) - length, null);
    if (read === 0) break;
    length += read;
    if (length >= limit) break;
  }
  return scratch.subarray(0, length);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing was written, so a failed close loses nothing.
  }
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}
