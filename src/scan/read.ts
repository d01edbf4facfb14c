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
 * one-line message. A file is measured before more than its first 64 KB is read.
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

/** What a file fits in without a stat: nearly every source file. */
const SMALL_FILE_BYTES = 64 * 1024;

/**
 * One buffer per thread that every file is read into: a scan reads thousands of small files,
 * and most of them are dropped by the prefilter without ever leaving it. Grown for a large
 * file, it shrinks back on the next read.
 */
let scratch = Buffer.allocUnsafe(SMALL_FILE_BYTES);

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
    const read = readToEnd(fd, maxBytes);
    if (read.over !== undefined) return skip('too-large', `${read.over} bytes, over the ${maxBytes}-byte limit`);
    bytes = read.bytes;
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

/**
 * Reads the file into the scratch buffer. A file that fills the first read is measured before
 * more is read, so a file over `maxBytes` is refused unread; `over` is the size it was found to
 * have (it may also grow past the limit while being read).
 */
function readToEnd(fd: number, maxBytes: number): { bytes: Buffer; over?: undefined } | { over: number } {
  if (scratch.length > SMALL_FILE_BYTES) scratch = Buffer.allocUnsafe(SMALL_FILE_BYTES);
  let length = readSync(fd, scratch, 0, scratch.length, null);
  if (length < scratch.length) return length > maxBytes ? { over: length } : { bytes: scratch.subarray(0, length) };
  const { size } = fstatSync(fd);
  if (size > maxBytes) return { over: size };
  // One spare byte, so a file that kept its size is read to its end by the call that finds it.
  const grown = Buffer.allocUnsafe(Math.max(size, length) + 1);
  scratch.copy(grown, 0, 0, length);
  scratch = grown;
  for (;;) {
    if (length === scratch.length) {
      if (length > maxBytes) return { over: length };
      const larger = Buffer.allocUnsafe(Math.min(scratch.length * 2, maxBytes + 1));
      scratch.copy(larger, 0, 0, length);
      scratch = larger;
    }
    const read = readSync(fd, scratch, length, scratch.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length > maxBytes ? { over: length } : { bytes: scratch.subarray(0, length) };
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
