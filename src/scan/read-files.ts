import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from './discover.js';
import { readCandidate, type CandidateRead } from './read.js';

/** A candidate or a skipped file, by its index in the list given to `readFiles`. */
export type ReadEvent = { index: number; read: Exclude<CandidateRead, { kind: 'other' }> };

/**
 * A worker takes over the reading only when at least this many files are left after the first
 * candidate: starting one costs about as much CPU as reading a thousand small files.
 */
const WORKER_MIN_FILES = 1500;
/** A worker reports after this many files, or at once when it finds a candidate. */
const BATCH_FILES = 256;

// Beside the built module. Running from the TypeScript sources (the tests) there is no such
// file, and every file is read on the calling thread.
const WORKER_URL = new URL('./read-worker.js', import.meta.url);

/**
 * Reads `files` and applies the prefilter, reporting each candidate and each skipped file to
 * `onRead` in the order of `files`, and the count of files done to `onProgress`.
 *
 * Files are read on the calling thread until the first candidate. If many files are left
 * then, a worker thread reads them, so that the calling thread is free to load the parser that
 * candidate needs (a few hundred milliseconds of CPU for TypeScript) while the rest of the
 * tree is read on the other core. A tree without candidates never pays for a worker.
 */
export async function readFiles(
  files: readonly DiscoveredFile[],
  onRead: (event: ReadEvent) => void,
  onProgress?: (done: number) => void,
): Promise<void> {
  const canHandOver = existsSync(fileURLToPath(WORKER_URL));
  for (let index = 0; index < files.length; index++) {
    const read = readCandidate(files[index]!);
    if (read.kind !== 'other') onRead({ index, read });
    onProgress?.(index + 1);
    if (read.kind === 'candidate' && canHandOver && files.length - index - 1 >= WORKER_MIN_FILES) {
      await readOnWorker(files, index + 1, onRead, onProgress);
      return;
    }
  }
}

type WorkerRequest = { files: readonly DiscoveredFile[]; first: number; batch: number };
export type WorkerReply = { done: number; events: ReadEvent[] } | { error: string };

/** Reads `files` from index `first` on a worker thread. */
function readOnWorker(
  files: readonly DiscoveredFile[],
  first: number,
  onRead: (event: ReadEvent) => void,
  onProgress?: (done: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    let done = first;
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) {
        reject(new Error(reply.error));
        return;
      }
      reply.events.forEach(onRead);
      done = reply.done;
      onProgress?.(done);
      if (done === files.length) resolve();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (done < files.length) reject(new Error(`the file reader stopped (exit code ${code})`));
    });
    worker.postMessage({ files: files.slice(first), first, batch: BATCH_FILES } satisfies WorkerRequest);
  });
}

/** The worker side: reads the files it is sent, replying in batches. */
export function serveReadRequests(port: { once(event: 'message', listener: (request: WorkerRequest) => void): void; postMessage(reply: WorkerReply): void }): void {
  port.once('message', ({ files, first, batch }) => {
    try {
      let events: ReadEvent[] = [];
      for (const [offset, file] of files.entries()) {
        const read = readCandidate(file);
        if (read.kind !== 'other') events.push({ index: first + offset, read });
        const done = first + offset + 1;
        if (read.kind === 'candidate' || (offset + 1) % batch === 0 || offset + 1 === files.length) {
          port.postMessage({ done, events });
          events = [];
        }
      }
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  });
}
