import type { Finding } from '../../../../src/core/types.js';
import { pythonFrontend, type PyFacts } from '../../../../src/scan/frontends/python/index.js';
import { linkPythonFiles } from '../../../../src/scan/frontends/python/link.js';

const RANK = { certain: 3, likely: 2, possible: 1 };

/** Scans `files` (path → text) as the scan command does, link step and de-duplication included. */
export function scanPythonFiles(files: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  const facts: { path: string; facts: PyFacts }[] = [];
  for (const [path, text] of Object.entries(files)) {
    const result = pythonFrontend.scan({ path, text });
    if (!result.ok) throw new Error(`${path}: ${result.message}`);
    findings.push(...result.findings);
    facts.push({ path, facts: result.facts });
  }
  findings.push(...linkPythonFiles(facts));
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.file}:${f.kind}:${f.span.start}:${f.span.end}`;
    const current = best.get(key);
    if (!current || RANK[f.confidence] > RANK[current.confidence] || (RANK[f.confidence] === RANK[current.confidence] && f.model && !current.model)) best.set(key, f);
  }
  return [...best.values()].sort((a, b) => a.file.localeCompare(b.file) || a.span.start - b.span.start || a.kind.localeCompare(b.kind));
}

/** `kind line[:column] what confidence`, e.g. `client 3 OpenAI certain`, `model 5 gpt-4o likely`. */
export function describe(finding: Finding): string {
  const what = [finding.symbol, finding.api, finding.model, finding.name].filter((part) => part !== undefined).join(' ');
  return `${finding.kind} ${finding.span.line} ${what} ${finding.confidence}`.replace(/ +/g, ' ');
}
