import { LineIndex } from '../core/span.js';
import type { Edit, Finding, ScanResult } from '../core/types.js';
import { stringifyRedacted } from '../core/redact.js';
import { requestFeatures } from '../plan/request-features.js';
import { buildMigrationReport, type MigrationReport } from './migration-report.js';
import { summarizePlan } from './plan-summary.js';
import { countByKind } from './summary.js';
import type { PlanView, ReportInput, Reporter } from './types.js';
import { verificationJson } from './verify.js';

/** Bump on any change a consumer could notice; documented in the README. */
export const SCHEMA_VERSION = 1;

/** The public shape of a finding: no planner detail, fields in a fixed order. */
function publicFinding(finding: Finding) {
  const uses = finding.kind === 'api-call' ? requestFeatures(finding) : [];
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
    ...(finding.version !== undefined ? { version: finding.version } : {}),
    ...(finding.symbol !== undefined ? { symbol: finding.symbol } : {}),
    ...(finding.migratedTo !== undefined ? { migratedTo: finding.migratedTo } : {}),
    ...(finding.cell !== undefined ? { cell: finding.cell } : {}),
    ...(uses.length > 0 ? { uses } : {}),
    snippet: finding.snippet,
  };
}

function scanSection(scan: ScanResult) {
  return {
    summary: { ...scan.stats, findings: scan.findings.length, byKind: countByKind(scan.findings), ...(scan.minConfidence ? { minConfidence: scan.minConfidence } : {}) },
    findings: scan.findings.map(publicFinding),
    skipped: scan.skipped,
  };
}

function planSection(input: ReportInput, view: PlanView) {
  const lineIndexes = new Map<string, LineIndex>();
  const position = (edit: Edit) => {
    let index = lineIndexes.get(edit.file);
    if (index === undefined) {
      index = new LineIndex(input.scan.texts.get(edit.file) ?? '');
      lineIndexes.set(edit.file, index);
    }
    const { line, column } = index.span(edit.start, edit.end);
    return { line, column };
  };
  return {
    target: view.plan.target,
    plan: summarizePlan(input),
    edits: view.plan.edits.map((edit) => ({ file: edit.file, ...position(edit), start: edit.start, end: edit.end, text: edit.text, reason: edit.reason })),
    // Every action lists the places it covers: itself, or all the calls it stands for.
    manual: view.plan.manual.map((action) => ({ ...action, callSites: action.callSites ?? [{ file: action.file, line: action.line }] })),
    ...(view.nextSteps ? { nextSteps: view.nextSteps } : {}),
    ...(view.outcomes ? { files: view.outcomes.map(({ file, status, ...rest }) => ({ file, status, ...('reason' in rest ? { reason: rest.reason, message: rest.message } : {}) })) } : {}),
  };
}

/** The migration report (`report --format json`) as Markdown and text show it; target and skipped files are above. */
function reportSection({ summary, models, gaps, files }: MigrationReport) {
  return { summary, models, gaps, files };
}

/** Byte-identical for the same tree: no timings, no absolute paths, stable order. */
export const renderJson: Reporter = (input, ctx) => {
  const document = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'migrate-openai', version: ctx.version },
    ...scanSection(input.scan),
    ...(input.plan ? planSection(input, input.plan) : {}),
    ...(input.plan && input.isReport ? { report: reportSection(buildMigrationReport(input)) } : {}),
    ...(input.verification ? { verification: verificationJson(input.verification, ctx.version) } : {}),
  };
  return stringifyRedacted(document);
};
