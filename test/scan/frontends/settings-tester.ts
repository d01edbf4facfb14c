import { expect } from 'vitest';
import type { Finding, FindingKind } from '../../../src/core/types.js';
import type { Frontend } from '../../../src/scan/frontends/types.js';

/** What a test says about a finding: enough to tell it apart, nothing planner-internal. */
export interface Expected {
  kind: FindingKind;
  line: number;
  column: number;
  name?: string;
  model?: string;
  api?: string;
  version?: string;
  confidence?: Finding['confidence'];
}

export function scanText(frontend: Frontend, path: string, text: string): Finding[] {
  const result = frontend.scan({ path, text });
  if (!result.ok) throw new Error(`${path}: ${result.message}`);
  return [...result.findings].sort((a, b) => a.span.start - b.span.start || a.kind.localeCompare(b.kind));
}

/** The findings in the `Expected` shape; `confidence` only where it is not `certain`. */
export function project(findings: Finding[]): Expected[] {
  return findings.map((f) => ({
    kind: f.kind,
    line: f.span.line,
    column: f.span.column,
    ...(f.name !== undefined ? { name: f.name } : {}),
    ...(f.model !== undefined ? { model: f.model } : {}),
    ...(f.api !== undefined ? { api: f.api } : {}),
    ...(f.version !== undefined ? { version: f.version } : {}),
    ...(f.confidence !== 'certain' ? { confidence: f.confidence } : {}),
  }));
}

/** ESLint's RuleTester contract: exactly these findings, in this order. */
export function expectFindings(frontend: Frontend, path: string, text: string, expected: Expected[]): void {
  expect(project(scanText(frontend, path, text))).toEqual(expected);
}

/** A parse failure whose one-line message matches `message`, from `scan` and from `verify` alike. */
export function expectParseError(frontend: Frontend, path: string, text: string, message: RegExp): void {
  const result = frontend.scan({ path, text });
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.message).toMatch(message);
    expect(result.message).not.toContain('\n');
  }
  expect(frontend.verify(path, text)).toMatch(message);
}
