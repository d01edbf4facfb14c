import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from './discover.js';
import { readCandidate, type CandidateRead } from './read.js';

/** A candidate or a skipped file, by its index in the list given to `readFiles`. */
export type ReadEvent = { index: number; read: Exclude<CandidateRead, { kind: 'other' }> };

/**
 * Below this many files the reading is done on the calling thread: starting a worker costs
 * about as much as reading a thousand small files.
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
 * A large tree is read on a worker thread: the calling thread is then free to load a parser
 * as soon as the first candidate is reported (a second or so of CPU for TypeScript), while
 * the rest of the tree is still being read.
 */
export async function readFiles(
  files: readonly DiscoveredFile[],
  onRead: (event: ReadEvent) => void,
  onProgress?: (done: number) => void,
): Promise<void> {
  if (files.length < WORKER_MIN_FILES || !existsSync(fileURLToPath(WORKER_URL))) {
    for (const [index, file] of files.entries()) {
      const read = readCandidate(file);
      if (read.kind !== 'other') onRead({ index, read });
      onProgress?.(index + 1);
    }
    return;
  }
  await readOnWorker(files, onRead, onProgress);
}

type WorkerRequest = { files: readonly DiscoveredFile[]; batch: number };
export type WorkerReply = { done: number; events: ReadEvent[] } | { error: string };

function readOnWorker(files: readonly DiscoveredFile[], onRead: (event: ReadEvent) => void, onProgress?: (done: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    let done = 0;
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
    worker.postMessage({ files, batch: BATCH_FILES } satisfies WorkerRequest);
  });
}

/** The worker side: reads the files it is sent, replying in batches. */
export function serveReadRequests(port: { once(event: 'message', listener: (request: WorkerRequest) => void): void; postMessage(reply: WorkerReply): void }): void {
  port.once('message', ({ files, batch }) => {
    try {
      let events: ReadEvent[] = [];
      for (const [index, file] of files.entries()) {
        const read = readCandidate(file);
        if (read.kind !== 'other') events.push({ index, read });
        const done = index + 1;
        if (read.kind === 'candidate' || done % batch === 0 || done === files.length) {
          port.postMessage({ done, events });
          events = [];
        }
      }
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  });
}
