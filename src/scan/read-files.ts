import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from './discover.js';
import { readCandidate, type CandidateRead } from './read.js';

/** A candidate or a skipped file, by its index in the list given to `readFiles`. */
export type ReadEvent = { index: number; read: Exclude<CandidateRead, { kind: 'other' }> };

export interface ReadOptions {
  /** The count of files done so far, as it grows. */
  onProgress?: (done: number) => void;
  /**
   * Whether the calling thread has better things to do than read (parsing the candidates found
   * so far). Once a worker shares the reading, the calling thread takes a share only while this
   * says no.
   */
  isBusy?: () => boolean;
  /** A worker started while the tree was listed (see `LARGE_TREE_FILES`); `readFiles` stops it if unused. */
  reader?: ReaderThread;
}

/**
 * A tree of this many files is read by two threads from its first file, and the worker is worth
 * starting as soon as the listing reaches this size, so that it boots while the rest is listed.
 */
export const LARGE_TREE_FILES = 10_000;

/**
 * A worker shares the reading only when at least this many files are left after the first
 * candidate: starting one costs about as much CPU as reading a thousand small files.
 */
const WORKER_MIN_FILES = 1500;
/** Files a thread takes from the shared list at a time. */
const CLAIM_FILES = 64;
/** The worker reports after this many files, or at the end of a share with a candidate in it. */
const BATCH_FILES = 256;

// Beside the built module. Running from the TypeScript sources (the tests) there is no such
// file, and every file is read on the calling thread.
const WORKER_URL = new URL('./read-worker.js', import.meta.url);

/**
 * Reads `files` and applies the prefilter, reporting each candidate and each skipped file to
 * `onRead`: in the order of `files` while one thread reads, in the order the threads read them
 * once two do.
 *
 * Files are read on the calling thread until the first candidate. If many files are left then,
 * a worker thread starts, and it and the calling thread take the rest in small shares from one
 * counter in shared memory; a large tree is shared so from its first file. While the calling
 * thread is busy loading a parser and parsing, the worker reads nearly everything on the other
 * core; when it is not (the candidates' results came from the result cache), both read. A small
 * tree without candidates never pays for a worker.
 */
export async function readFiles(files: readonly DiscoveredFile[], onRead: (event: ReadEvent) => void, options: ReadOptions = {}): Promise<void> {
  if (options.reader !== undefined) {
    if (files.length >= LARGE_TREE_FILES) return readShared(files, 0, onRead, options, options.reader);
    options.reader.stop();
  }
  const canShare = ReaderThread.isAvailable();
  for (let index = 0; index < files.length; index++) {
    const read = readCandidate(files[index]!);
    if (read.kind !== 'other') onRead({ index, read });
    options.onProgress?.(index + 1);
    if (read.kind === 'candidate' && canShare && files.length - index - 1 >= WORKER_MIN_FILES) {
      return readShared(files, index + 1, onRead, options, new ReaderThread());
    }
  }
}

/**
 * Starts the reading worker while a tree is being listed, once it is known to be large, so that
 * the worker has booted when the reading starts. Stop it when the scan ends, however it ends: a
 * worker nobody used would keep the process alive.
 */
export class EarlyReader {
  private reader: ReaderThread | undefined;
  private asked = false;

  /** Call with the count of files listed so far. */
  listed(count: number): void {
    if (this.asked || count < LARGE_TREE_FILES) return;
    this.asked = true;
    if (ReaderThread.isAvailable()) this.reader = new ReaderThread();
  }

  /** The started worker, if any, for `readFiles`. */
  get thread(): ReaderThread | undefined {
    return this.reader;
  }

  stop(): void {
    this.reader?.stop();
  }
}

/**
 * The reading worker. It may be started before its files are known, while the tree is still
 * being listed; an error or exit before then is kept and reported when it is given its files.
 */
export class ReaderThread {
  private readonly worker = new Worker(WORKER_URL);
  private ended: Error | undefined;
  private onEnd: ((error: Error) => void) | undefined;

  /** Whether there is a worker script (there is none when running from the TypeScript sources). */
  static isAvailable(): boolean {
    return existsSync(fileURLToPath(WORKER_URL));
  }

  constructor() {
    const end = (error: Error) => {
      this.ended ??= error;
      this.onEnd?.(error);
    };
    this.worker.on('error', end);
    this.worker.on('exit', (code) => end(new Error(`the file reader stopped (exit code ${code})`)));
  }

  /** Sends the request; `onEnd` hears of the worker's end (an error, or its exit once done). */
  read(request: WorkerRequest, onReply: (reply: WorkerReply) => void, onEnd: (error: Error) => void): void {
    if (this.ended !== undefined) {
      onEnd(this.ended);
      return;
    }
    this.onEnd = onEnd;
    this.worker.on('message', onReply);
    this.worker.postMessage(request);
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/**
 * The files as two strings of NUL-separated paths (no path holds a NUL): one string crosses to
 * the worker in a copy, where 20,000 small objects cost a structured clone of ~15 ms.
 */
type WorkerRequest = { absolute: string; relative: string; next: SharedArrayBuffer };
type WorkerReply = { count: number; events: ReadEvent[] } | { error: string };

/** Reads the files in `range` of `files` on this thread. */
function readRange(files: readonly DiscoveredFile[], start: number, end: number, events: ReadEvent[]): void {
  for (let index = start; index < end; index++) {
    const read = readCandidate(files[index]!);
    if (read.kind !== 'other') events.push({ index, read });
  }
}

/** Reads `files` from index `first` on the worker thread and, while it is not busy, on this one. */
function readShared(
  files: readonly DiscoveredFile[],
  first: number,
  onRead: (event: ReadEvent) => void,
  { onProgress, isBusy }: ReadOptions,
  reader: ReaderThread,
): Promise<void> {
  // The index of the first file no thread has taken yet.
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  next[0] = first;
  let done = first;
  return new Promise((resolve, reject) => {
    // Once settled, late replies and this thread's next share are dropped: nothing is reported
    // to a caller that has moved on.
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reader.stop();
      reject(error);
    };
    const report = (events: readonly ReadEvent[], count: number) => {
      if (settled) return;
      events.forEach(onRead);
      done += count;
      onProgress?.(done);
      if (done === files.length) {
        settled = true;
        resolve();
      }
    };
    reader.read(
      {
        absolute: files.map((file) => file.absolute).join('\0'),
        relative: files.map((file) => file.relative).join('\0'),
        next: next.buffer as SharedArrayBuffer,
      },
      (reply) => {
        if ('error' in reply) fail(new Error(reply.error));
        else report(reply.events, reply.count);
      },
      (error) => {
        if (done < files.length) fail(error);
      },
    );

    // This thread's share, a few files at a time between the other work of the event loop.
    const readHere = () => {
      if (settled || Atomics.load(next, 0) >= files.length) return;
      if (!isBusy?.()) {
        const start = Atomics.add(next, 0, CLAIM_FILES);
        const end = Math.min(files.length, start + CLAIM_FILES);
        if (start >= end) return;
        const events: ReadEvent[] = [];
        try {
          readRange(files, start, end, events);
        } catch (error) {
          fail(error);
          return;
        }
        report(events, end - start);
      }
      setImmediate(readHere);
    };
    setImmediate(readHere);
  });
}

/** The worker side: takes shares of the files until none is left, replying in batches. */
export function serveReadRequests(port: { once(event: 'message', listener: (request: WorkerRequest) => void): void; postMessage(reply: WorkerReply): void }): void {
  port.once('message', ({ absolute, relative, next: shared }) => {
    const next = new Int32Array(shared);
    const relatives = relative.split('\0');
    const files = absolute.split('\0').map((path, index) => ({ absolute: path, relative: relatives[index]! }));
    try {
      let events: ReadEvent[] = [];
      let count = 0;
      for (let start = Atomics.add(next, 0, CLAIM_FILES); start < files.length; start = Atomics.add(next, 0, CLAIM_FILES)) {
        const end = Math.min(files.length, start + CLAIM_FILES);
        readRange(files, start, end, events);
        count += end - start;
        if (events.some((event) => event.read.kind === 'candidate') || count >= BATCH_FILES) {
          port.postMessage({ count, events });
          events = [];
          count = 0;
        }
      }
      if (count > 0) port.postMessage({ count, events });
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  });
}
