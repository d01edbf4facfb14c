import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadFrontendById } from './frontends/index.js';
import type { FileScan, SourceText } from './frontends/types.js';
import { firstLine } from '../core/errors.js';

/** One candidate file for one frontend, named by id so that it can cross to a worker. */
export interface ParseTask {
  frontend: string;
  file: SourceText;
}

type WorkerRequest = { start: number; tasks: ParseTask[] };
type WorkerReply = { start: number; results: FileScan<unknown>[] } | { start: number; error: { message: string; stack?: string } };

/**
 * A worker first loads the frontends (most of it the TypeScript compiler) and then parses
 * with a cold JIT, two to four times slower per file than the warmed-up main thread; so each
 * thread, the first included, needs this many candidates to itself.
 */
const CANDIDATES_PER_THREAD = 1500;
/**
 * One core is left to V8: a single parsing thread already keeps 1.2–1.4 cores busy with
 * background compilation and garbage collection. On the 2-core benchmark machine a worker
 * lost to one thread at 2,000 and 4,000 candidates and only drew level at 10,000.
 */
const SPARE_CORES = 1;
const MAX_THREADS = 4;
/** Files per message. A worker holds two chunks, so it never waits for the busy main thread. */
const CHUNK_SIZE = 8;
const CHUNKS_PER_WORKER = 2;

// Beside the built module. Running from the TypeScript sources (the tests) there is no such
// file, and everything is parsed on the calling thread.
const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** How many threads, the calling one included, should parse `candidates` files. */
export function countParseThreads(candidates: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores - SPARE_CORES, MAX_THREADS, Math.floor(candidates / CANDIDATES_PER_THREAD)));
}

/**
 * Scans tasks in order on this thread, loading each frontend there on first use. Whatever goes
 * wrong inside a frontend on one file (a stack overflow on code nested thousands deep, a bug met
 * by odd code) skips that file with the reason; the run goes on.
 */
async function scanChunk(tasks: readonly ParseTask[]): Promise<FileScan<unknown>[]> {
  const results: FileScan<unknown>[] = [];
  for (const task of tasks) {
    const frontend = await loadFrontendById(task.frontend);
    try {
      results.push(frontend.scan(task.file));
    } catch (error) {
      const message = error instanceof RangeError && /call stack/i.test(error.message) ? 'nested too deeply to analyse' : `could not be analysed: ${firstLine(error)}`;
      results.push({ ok: false, reason: 'analysis-failed', message });
    }
  }
  return results;
}

/**
 * Parses candidate files on the calling thread and, when there are enough of them, on worker
 * threads too. Workers start while candidates are still being found, so that they load the
 * parser meanwhile. Call `close` when done, whatever happened. A frontend's results cross
 * threads, so they must be plain data (what `structuredClone` keeps as it is).
 */
export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly hasWorkerScript = existsSync(fileURLToPath(WORKER_URL));
  private readonly cores = availableParallelism();

  /** `threads`, the calling one included, overrides the choice by number of candidates. */
  constructor(private readonly threads?: number) {}

  /** Starts the workers that `candidates` files pay for, if not started yet. */
  reserve(candidates: number): void {
    if (!this.hasWorkerScript || candidates === 0) return;
    const wanted = (this.threads ?? countParseThreads(candidates, this.cores)) - 1;
    while (this.workers.length < wanted) this.workers.push(new Worker(WORKER_URL));
  }

  /**
   * Runs each task's frontend and returns the results in task order, whichever thread
   * produced them, so the output does not depend on the thread count. Work goes out in small
   * chunks, so all threads finish at about the same time.
   */
  async scan(tasks: readonly ParseTask[]): Promise<FileScan<unknown>[]> {
    this.reserve(tasks.length);
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
    const hasWorkers = this.workers.length > 0;
    const scanHere = async () => {
      for (let start = takeChunk(); start !== undefined; start = takeChunk()) {
        store(start, await scanChunk(tasks.slice(start, start + CHUNK_SIZE)));
        // Lets the workers' replies in, so they get their next chunk.
        if (hasWorkers) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    try {
      await Promise.all([scanHere(), ...this.workers.map((worker) => feedWorker(worker, tasks, takeChunk, store))]);
    } catch (error) {
      failed = true;
      throw error;
    }
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }
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
  port.on('message', async ({ start, tasks }) => {
    try {
      port.postMessage({ start, results: await scanChunk(tasks) });
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ start, error: { message, stack } });
    }
  });
}
