import { saveCodeCaches } from '../core/code-cache.js';
import { compareStrings } from '../core/compare.js';
import type { Finding, ScanResult, SkippedFile } from '../core/types.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { frontendFor } from './frontends/index.js';
import type { FileScan, FrontendDescriptor } from './frontends/types.js';
import { describeMinified } from './minified.js';
import { keepConfirmedGenericNames } from './frontends/openai-names.js';
import { ParsePool, type ParseTask } from './parse-pool.js';
import { EarlyReader, readFiles, type ReaderThread } from './read-files.js';
import { ResultCache } from './result-cache.js';

export interface ScanOptions {
  /** Absolute root; every path in the result is relative to it. */
  root: string;
  /** Absolute files or folders inside root. */
  paths: string[];
  include?: string[];
  exclude?: string[];
  /** Use and update the results kept from earlier runs of this build on this root (default: true). */
  cache?: boolean;
  /** Called as files are read, for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Threads that parse, the calling one included; by default as many as the candidates pay for. */
  threads?: number;
}

/** A file that passed the prefilter, with its frontend's result once known. */
interface Candidate {
  task: ParseTask;
  frontend: FrontendDescriptor;
  result?: FileScan<unknown>;
}

const CONFIDENCE_RANK = { certain: 3, likely: 2, possible: 1 } as const;

/**
 * discover → read → prefilter → frontends → link → one sorted, de-duplicated list of findings.
 * A frontend, and with it its parser, is loaded only once a file of its language passed the
 * prefilter, and starts loading while the rest of the tree is still being read.
 */
export async function scanProject(options: ScanOptions): Promise<ScanResult> {
  const early = new EarlyReader();
  try {
    const discovered = await discoverFiles({
      root: options.root,
      paths: options.paths,
      accepts: (relative) => frontendFor(relative) !== undefined,
      include: options.include,
      exclude: options.exclude,
      onListed: (count) => early.listed(count),
    });
    const sources = discovered.files.flatMap((file) => {
      const frontend = frontendFor(file.relative);
      return frontend ? [{ file, frontend }] : [];
    });
    const read = await readAndParse(sources, options, early.thread);
    const { findings, texts, parsed } = await linkResults(read.candidates, read.skipped);
    const skipped = [...discovered.skipped, ...read.skipped].sort((a, b) => compareStrings(a.file, b.file));
    return {
      root: options.root,
      findings,
      skipped,
      stats: { discovered: discovered.files.length, candidates: read.count, parsed, skipped: skipped.length },
      texts,
      ...(read.reused > 0 ? { reused: read.reused } : {}),
    };
  } finally {
    early.stop();
  }
}

/**
 * Reads the files, and gives each candidate its frontend's result: kept from an earlier run,
 * or parsed now, while the rest is still being read. Candidates are returned by file index.
 */
async function readAndParse(
  sources: readonly { file: DiscoveredFile; frontend: FrontendDescriptor }[],
  options: ScanOptions,
  reader: ReaderThread | undefined,
): Promise<{ candidates: Candidate[]; count: number; reused: number; skipped: SkippedFile[] }> {
  const candidates: Candidate[] = [];
  const skipped: SkippedFile[] = [];
  const queued: Candidate[] = [];
  let count = 0;
  let reused = 0;
  // Opened at the first candidate whose result it could hold: a tree without one never pays for it.
  let cache: ResultCache | undefined;
  let cacheOpened = options.cache === false;
  const openCache = () => {
    if (!cacheOpened) cache = ResultCache.open(options.root);
    cacheOpened = true;
    return cache;
  };
  const pool = new ParsePool(options.threads);
  try {
    await readFiles(
      sources.map(({ file }) => file),
      ({ index, read }) => {
        const { file, frontend } = sources[index]!;
        if (read.kind === 'skipped') {
          skipped.push(read.skipped);
          return;
        }
        count++;
        const minified = frontend.skipsMinified ? describeMinified(read.text) : undefined;
        if (minified !== undefined) {
          skipped.push({ file: file.relative, reason: 'minified', message: minified });
          return;
        }
        const task = { frontend: frontend.id, file: { path: file.relative, text: read.text } };
        const candidate: Candidate = { task, frontend, result: frontend.cachesResults ? openCache()?.find(task) : undefined };
        candidates[index] = candidate;
        if (candidate.result !== undefined) {
          reused++;
          return;
        }
        queued.push(candidate);
        pool.add(task);
      },
      { onProgress: options.onProgress && ((done) => options.onProgress!(done, sources.length)), isBusy: () => pool.isBusy, reader },
    );
    (await pool.finish()).forEach((result, index) => {
      const candidate = queued[index]!;
      candidate.result = result;
      if (candidate.frontend.cachesResults) cache?.keep(candidate.task, result);
    });
    // After the parsing, so that what V8 compiled for it is cached for the next run too.
    saveCodeCaches();
    cache?.save();
  } finally {
    await pool.close();
  }
  return { candidates, count, reused, skipped };
}

/**
 * The candidates' findings, with those of the link steps (files whose frontends share one,
 * scripts and components, modules and notebooks, are linked as one program), and the text of
 * every file with findings. A candidate that could not be parsed is added to `skipped`.
 */
async function linkResults(candidates: readonly Candidate[], skipped: SkippedFile[]): Promise<{ findings: Finding[]; texts: Map<string, string>; parsed: number }> {
  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  const groups = new Map<FrontendDescriptor['loadLink'], { path: string; facts: unknown }[]>();
  let parsed = 0;
  for (const { task, frontend, result } of candidates.filter((candidate) => candidate !== undefined)) {
    if (!result!.ok) {
      skipped.push({ file: task.file.path, reason: result!.reason ?? 'parse-error', message: result!.message });
      continue;
    }
    parsed++;
    texts.set(task.file.path, task.file.text);
    findings.push(...result!.findings);
    if (frontend.loadLink === undefined) continue;
    const files = groups.get(frontend.loadLink) ?? [];
    files.push({ path: task.file.path, facts: result!.facts });
    groups.set(frontend.loadLink, files);
  }
  for (const [loadLink, files] of groups) {
    const link = await loadLink!();
    findings.push(...link(files.sort((a, b) => compareStrings(a.path, b.path))));
  }
  const kept = dedupe(keepConfirmedGenericNames(findings)).sort(compareFindings);
  const withFindings = new Set(kept.map((finding) => finding.file));
  for (const file of texts.keys()) if (!withFindings.has(file)) texts.delete(file);
  return { findings: kept, texts, parsed };
}

/** The same place found twice (locally and again by the link step): keep the most informative copy. */
function dedupe(findings: Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const finding of findings) {
    const key = `${finding.file}\u0000${finding.kind}\u0000${finding.span.start}\u0000${finding.span.end}`;
    const current = best.get(key);
    if (current === undefined || isBetter(finding, current)) best.set(key, finding);
  }
  return [...best.values()];
}

function isBetter(candidate: Finding, current: Finding): boolean {
  const rank = CONFIDENCE_RANK[candidate.confidence] - CONFIDENCE_RANK[current.confidence];
  if (rank !== 0) return rank > 0;
  return candidate.model !== undefined && current.model === undefined;
}


export function compareFindings(a: Finding, b: Finding): number {
  return compareStrings(a.file, b.file) || a.span.start - b.span.start || a.span.end - b.span.end || compareStrings(a.kind, b.kind);
}
