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
/** Files per message. */
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
 * Parses candidate files as they are found: on the calling thread between the reader's
 * messages, so parsing overlaps reading, and, when there are enough candidates, on worker
 * threads too. Workers start while candidates are still being found, so that they load the
 * parser meanwhile. Call `close` when done, whatever happened. A frontend's results cross
 * threads, so they must be plain data (what `structuredClone` keeps as it is).
 */
export class ParsePool {
  private readonly workers: { worker: Worker; inFlight: number }[] = [];
  private readonly hasWorkerScript = existsSync(fileURLToPath(WORKER_URL));
  private readonly cores = availableParallelism();
  private readonly tasks: ParseTask[] = [];
  private readonly results: FileScan<unknown>[] = [];
  /** The first task no thread has taken yet. */
  private next = 0;
  private finished = 0;
  private scanningHere = false;
  private closed = false;
  private failure: { error: unknown } | undefined;
  private settle: { resolve: (results: FileScan<unknown>[]) => void; reject: (error: unknown) => void } | undefined;

  /** `threads`, the calling one included, overrides the choice by number of candidates. */
  constructor(private readonly threads?: number) {}

  /** Whether the calling thread has tasks to parse, or is parsing (and loading parsers) now. */
  get isBusy(): boolean {
    return this.scanningHere || (this.next < this.tasks.length && !this.closed && !this.failure);
  }

  /** Queues a task; a free thread parses it at once. */
  add(task: ParseTask): void {
    if (this.closed) throw new Error('a task was added to a closed parse pool');
    this.tasks.push(task);
    this.reserve(this.tasks.length);
    this.dispatch();
  }

  /**
   * Waits for every task added and returns the results in the order the tasks were added,
   * whichever thread produced them, so the output does not depend on the thread count.
   */
  finish(): Promise<FileScan<unknown>[]> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.settleIfDone();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.splice(0).map(({ worker }) => worker.terminate()));
  }

  /** Starts the workers that `candidates` files pay for, if not started yet. */
  private reserve(candidates: number): void {
    if (!this.hasWorkerScript) return;
    const wanted = (this.threads ?? countParseThreads(candidates, this.cores)) - 1;
    while (this.workers.length < wanted) this.workers.push(this.startWorker());
  }

  /** Hands the waiting tasks to free threads; a worker holds two chunks, so it never waits for the busy calling thread. */
  private dispatch(): void {
    for (const entry of this.workers) {
      while (entry.inFlight < CHUNKS_PER_WORKER) {
        const range = this.take();
        if (!range) break;
        entry.inFlight++;
        entry.worker.postMessage({ start: range.start, tasks: this.tasks.slice(range.start, range.end) } satisfies WorkerRequest);
      }
    }
    if (!this.scanningHere && this.next < this.tasks.length) void this.scanHere();
  }

  /** The next chunk of waiting tasks; chunks are small, so all threads finish at about the same time. */
  private take(): { start: number; end: number } | undefined {
    if (this.closed || this.failure || this.next >= this.tasks.length) return undefined;
    const start = this.next;
    this.next = Math.min(this.tasks.length, start + CHUNK_SIZE);
    return { start, end: this.next };
  }

  private async scanHere(): Promise<void> {
    this.scanningHere = true;
    try {
      for (let range = this.take(); range; range = this.take()) {
        this.store(range.start, await scanChunk(this.tasks.slice(range.start, range.end)));
        // Lets the reader's and the workers' messages in between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.scanningHere = false;
    }
  }

  private startWorker(): { worker: Worker; inFlight: number } {
    const entry = { worker: new Worker(WORKER_URL), inFlight: 0 };
    entry.worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) {
        this.fail(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
        return;
      }
      entry.inFlight--;
      this.store(reply.start, reply.results);
      this.dispatch();
    });
    entry.worker.on('error', (error) => this.fail(error));
    entry.worker.on('exit', (code) => {
      if (entry.inFlight > 0 && !this.closed) this.fail(new Error(`a parse worker stopped (exit code ${code})`));
    });
    return entry;
  }

  private store(start: number, chunk: FileScan<unknown>[]): void {
    chunk.forEach((result, offset) => (this.results[start + offset] = result));
    this.finished += chunk.length;
    this.settleIfDone();
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    this.settleIfDone();
  }

  private settleIfDone(): void {
    if (!this.settle) return;
    if (this.failure) this.settle.reject(this.failure.error);
    else if (this.finished === this.tasks.length) this.settle.resolve(this.results);
    else return;
    this.settle = undefined;
  }
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
