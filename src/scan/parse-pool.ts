import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { frontends } from './frontends/index.js';
import type { FileScan, SourceText } from './frontends/types.js';

/** One candidate file for one frontend, named by id so that it can cross to a worker. */
export interface ParseTask {
  frontend: string;
  file: SourceText;
}

type WorkerRequest = { start: number; tasks: ParseTask[] };
type WorkerReply = { start: number; results: FileScan<unknown>[] } | { start: number; error: { message: string; stack?: string } };

/**
 * A worker first loads the TypeScript compiler (about half a second of one core), which is
 * what parsing a few hundred files costs, so each thread beyond the first needs this many.
 */
const CANDIDATES_PER_THREAD = 300;
const MAX_THREADS = 4;
/** Files per message. A worker holds two chunks, so it never waits for the busy main thread. */
const CHUNK_SIZE = 8;
const CHUNKS_PER_WORKER = 2;

// Beside the built module. Running from the TypeScript sources (the tests) there is no such
// file, and everything is parsed on the calling thread.
const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** How many threads, the calling one included, should parse `candidates` files. */
export function countParseThreads(candidates: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, MAX_THREADS, Math.floor(candidates / CANDIDATES_PER_THREAD)));
}

export function scanTask(task: ParseTask): FileScan<unknown> {
  const frontend = frontends.find((candidate) => candidate.id === task.frontend);
  if (frontend === undefined) throw new Error(`unknown frontend ${task.frontend}`);
  return frontend.scan(task.file);
}

/**
 * Runs each task's frontend and returns the results in task order, whichever thread produced
 * them, so the output does not depend on the thread count. The calling thread parses too;
 * work goes out in small chunks, so all threads finish at about the same time.
 */
export async function scanTasks(tasks: readonly ParseTask[], threads = countParseThreads(tasks.length)): Promise<FileScan<unknown>[]> {
  const results = new Array<FileScan<unknown>>(tasks.length);
  let next = 0;
  let failed = false;
  const takeChunk = (): number | undefined => {
    if (failed || next >= tasks.length) return undefined;
    const start = next;
    next += CHUNK_SIZE;
    return start;
  };
  const store = (start: number, chunk: FileScan<unknown>[]) => chunk.forEach((result, offset) => (results[start + offset] = result));

  const workerCount = threads > 1 && existsSync(fileURLToPath(WORKER_URL)) ? threads - 1 : 0;
  const workers = Array.from({ length: workerCount }, () => new Worker(WORKER_URL));
  const scanHere = async () => {
    for (let start = takeChunk(); start !== undefined; start = takeChunk()) {
      store(start, tasks.slice(start, start + CHUNK_SIZE).map(scanTask));
      // Lets the workers' replies in, so they get their next chunk.
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([scanHere(), ...workers.map((worker) => feedWorker(worker, tasks, takeChunk, store))]);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

function feedWorker(
  worker: Worker,
  tasks: readonly ParseTask[],
  takeChunk: () => number | undefined,
  store: (start: number, results: FileScan<unknown>[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let inFlight = 0;
    const feed = () => {
      for (let start; inFlight < CHUNKS_PER_WORKER && (start = takeChunk()) !== undefined; inFlight++) {
        worker.postMessage({ start, tasks: tasks.slice(start, start + CHUNK_SIZE) } satisfies WorkerRequest);
      }
      if (inFlight === 0) resolve();
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) {
        reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
        return;
      }
      store(reply.start, reply.results);
      inFlight--;
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (inFlight > 0) reject(new Error(`a parse worker stopped (exit code ${code})`));
    });
    feed();
  });
}

/** The worker side: scans each chunk it is sent and replies with the results. */
export function serveParseRequests(port: { on(event: 'message', listener: (request: WorkerRequest) => void): void; postMessage(reply: WorkerReply): void }): void {
  port.on('message', ({ start, tasks }) => {
    try {
      port.postMessage({ start, results: tasks.map(scanTask) });
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ start, error: { message, stack } });
    }
  });
}
