import type { Finding, FindingKind } from '../../../src/core/types.js';
import { typescriptFrontend, type TsFacts } from '../../../src/scan/frontends/typescript/index.js';
import { linkFiles } from '../../../src/scan/frontends/typescript/link.js';

export interface Expected {
  kind: FindingKind;
  line: number;
  column: number;
  api?: string;
  model?: string;
  name?: string;
  symbol?: string;
  confidence?: Finding['confidence'];
}

/** Scans `files` (path → text) as the scan command would, including the cross-file link step. */
export function scanFiles(files: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  const facts: { path: string; facts: TsFacts }[] = [];
  for (const [path, text] of Object.entries(files)) {
    const result = typescriptFrontend.scan({ path, text });
    if (!result.ok) throw new Error(`${path}: ${result.message}`);
    findings.push(...result.findings);
    facts.push({ path, facts: result.facts });
  }
  findings.push(...linkFiles(facts));
  const best = new Map<string, Finding>();
  const rank = { certain: 3, likely: 2, possible: 1 };
  for (const f of findings) {
    const key = `${f.file}:${f.kind}:${f.span.start}`;
    const current = best.get(key);
    if (!current || rank[f.confidence] > rank[current.confidence] || (rank[f.confidence] === rank[current.confidence] && f.model && !current.model)) {
      best.set(key, f);
    }
  }
  return [...best.values()].sort((a, b) => a.file.localeCompare(b.file) || a.span.start - b.span.start);
}

export function project(findings: Finding[], kinds?: FindingKind[]): Expected[] {
  return findings
    .filter((f) => !kinds || kinds.includes(f.kind))
    .map((f) => ({
      kind: f.kind,
      line: f.span.line,
      column: f.span.column,
      ...(f.api !== undefined ? { api: f.api } : {}),
      ...(f.model !== undefined ? { model: f.model } : {}),
      ...(f.name !== undefined ? { name: f.name } : {}),
      ...(f.symbol !== undefined ? { symbol: f.symbol } : {}),
      confidence: f.confidence,
    }));
}
