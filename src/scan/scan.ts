import type { Finding, ScanResult, SkippedFile } from '../core/types.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { frontends, frontendFor } from './frontends/index.js';
import type { Frontend } from './frontends/types.js';
import { isCandidate } from './prefilter.js';
import { readSourceFile } from './read.js';

export interface ScanOptions {
  /** Absolute root; every path in the result is relative to it. */
  root: string;
  /** Absolute files or folders inside root. */
  paths: string[];
  include?: string[];
  exclude?: string[];
  /** Called as files are read, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

const READ_CONCURRENCY = 32;
const CONFIDENCE_RANK = { certain: 3, likely: 2, possible: 1 } as const;

/** discover → read → prefilter → frontends → link → one sorted, de-duplicated list of findings. */
export async function scanProject(options: ScanOptions): Promise<ScanResult> {
  const discovered = await discoverFiles({
    root: options.root,
    paths: options.paths,
    patterns: frontends.flatMap((frontend) => frontend.patterns),
    include: options.include,
    exclude: options.exclude,
  });
  const skipped: SkippedFile[] = [...discovered.skipped];
  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  const factsByFrontend = new Map<Frontend, { path: string; facts: unknown }[]>();
  let candidates = 0;
  let parsed = 0;
  let done = 0;

  const scanOne = async (file: DiscoveredFile) => {
    const frontend = frontendFor(file.relative);
    const read = await readSourceFile(file);
    options.onProgress?.(++done, discovered.files.length);
    if (!frontend) return;
    if (!read.ok) {
      skipped.push(read.skipped);
      return;
    }
    if (!isCandidate(read.text)) return;
    candidates++;
    const result = frontend.scan({ path: file.relative, text: read.text });
    if (!result.ok) {
      skipped.push({ file: file.relative, reason: 'parse-error', message: result.message });
      return;
    }
    parsed++;
    texts.set(file.relative, read.text);
    findings.push(...result.findings);
    const list = factsByFrontend.get(frontend) ?? [];
    list.push({ path: file.relative, facts: result.facts });
    factsByFrontend.set(frontend, list);
  };

  await runPool(discovered.files, READ_CONCURRENCY, scanOne);
  for (const [frontend, files] of factsByFrontend) {
    if (frontend.link) findings.push(...frontend.link(files.sort((a, b) => compare(a.path, b.path))));
  }

  const kept = dedupe(findings).sort(compareFindings);
  const withFindings = new Set(kept.map((finding) => finding.file));
  for (const file of texts.keys()) if (!withFindings.has(file)) texts.delete(file);
  return {
    root: options.root,
    findings: kept,
    skipped: skipped.sort((a, b) => compare(a.file, b.file)),
    stats: { discovered: discovered.files.length, candidates, parsed, skipped: skipped.length },
    texts,
  };
}

async function runPool<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return compare(a.file, b.file) || a.span.start - b.span.start || a.span.end - b.span.end || compare(a.kind, b.kind);
}
