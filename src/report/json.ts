import type { Finding } from '../core/types.js';
import { redactSecrets } from '../core/redact.js';
import { countByKind } from './summary.js';
import type { Reporter } from './types.js';

/** Bump on any change a consumer could notice; documented in the README. */
export const SCHEMA_VERSION = 1;

/** The public shape of a finding: no planner detail, fields in a fixed order. */
function publicFinding(finding: Finding) {
  return {
    file: finding.file,
    line: finding.span.line,
    column: finding.span.column,
    start: finding.span.start,
    end: finding.span.end,
    kind: finding.kind,
    confidence: finding.confidence,
    language: finding.language,
    ...(finding.api !== undefined ? { api: finding.api } : {}),
    ...(finding.model !== undefined ? { model: finding.model } : {}),
    ...(finding.name !== undefined ? { name: finding.name } : {}),
    ...(finding.symbol !== undefined ? { symbol: finding.symbol } : {}),
    snippet: finding.snippet,
  };
}

/** Byte-identical for the same tree: no timings, no absolute paths, stable order. */
export const renderJson: Reporter = ({ scan }, ctx) => {
  const document = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'migrate-openai', version: ctx.version },
    summary: {
      ...scan.stats,
      findings: scan.findings.length,
      byKind: countByKind(scan.findings),
    },
    findings: scan.findings.map(publicFinding),
    skipped: scan.skipped,
  };
  return redactSecrets(`${JSON.stringify(document, null, 2)}\n`);
};
