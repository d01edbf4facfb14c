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
}

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
 * counter in shared memory. While the calling thread is busy loading a parser and parsing, the
 * worker reads nearly everything on the other core; when it is not (the candidates' results
 * came from the result cache), both read. A tree without candidates never pays for a worker.
 */
export async function readFiles(files: readonly DiscoveredFile[], onRead: (event: ReadEvent) => void, options: ReadOptions = {}): Promise<void> {
  const canShare = existsSync(fileURLToPath(WORKER_URL));
  for (let index = 0; index < files.length; index++) {
    const read = readCandidate(files[index]!);
    if (read.kind !== 'other') onRead({ index, read });
    options.onProgress?.(index + 1);
    if (read.kind === 'candidate' && canShare && files.length - index - 1 >= WORKER_MIN_FILES) {
      await readShared(files, index + 1, onRead, options);
      return;
    }
  }
}

type WorkerRequest = { files: readonly DiscoveredFile[]; next: SharedArrayBuffer };
type WorkerReply = { count: number; events: ReadEvent[] } | { error: string };

/** Reads the files in `range` of `files` on this thread. */
function readRange(files: readonly DiscoveredFile[], start: number, end: number, events: ReadEvent[]): void {
  for (let index = start; index < end; index++) {
    const read = readCandidate(files[index]!);
    if (read.kind !== 'other') events.push({ index, read });
  }
}

/** Reads `files` from index `first` on a worker thread and, while it is not busy, on this one. */
function readShared(files: readonly DiscoveredFile[], first: number, onRead: (event: ReadEvent) => void, { onProgress, isBusy }: ReadOptions): Promise<void> {
  // The index of the first file no thread has taken yet.
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  next[0] = first;
  let done = first;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    const fail = (error: unknown) => {
      void worker.terminate();
      reject(error);
    };
    const report = (events: readonly ReadEvent[], count: number) => {
      events.forEach(onRead);
      done += count;
      onProgress?.(done);
      if (done === files.length) resolve();
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) fail(new Error(reply.error));
      else report(reply.events, reply.count);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (done < files.length) fail(new Error(`the file reader stopped (exit code ${code})`));
    });
    worker.postMessage({ files, next: next.buffer as SharedArrayBuffer } satisfies WorkerRequest);

    // This thread's share, a few files at a time between the other work of the event loop.
    const readHere = () => {
      if (Atomics.load(next, 0) >= files.length) return;
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
  port.once('message', ({ files, next: shared }) => {
    const next = new Int32Array(shared);
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
