import { compareStrings } from '../core/compare.js';
import type { CapabilityGap, Finding, FindingKind, FindingResolution, ManualAction, Severity, SkippedFile } from '../core/types.js';
import { count } from '../core/plural.js';
import { readableDiff } from './diff.js';
import { countSeverities } from './plan-summary.js';
import { countByKind, describeFinding } from './summary.js';
import type { ReportInput } from './types.js';

/**
 * The data of a migration report. Markdown, JSON and text render this one object, so the
 * formats cannot disagree.
 */
export interface MigrationReport {
  target: { id: string; name: string };
  summary: ReportSummary;
  models: ModelRow[];
  gaps: GapRow[];
  files: FileSection[];
  skipped: SkippedFile[];
}

export interface ReportSummary {
  filesScanned: number;
  filesWithUsage: number;
  findings: number;
  byKind: Record<FindingKind, number>;
  filesToChange: number;
  edits: number;
  manual: Record<Severity, number>;
  readiness: Readiness;
}

/**
 * The share of findings that need a change which the tool migrates by itself:
 * `percent = floor(100 × automatic / (automatic + manual))`, 100 when no finding needs a change.
 * `automatic` findings are rewritten with no manual action left; `manual` ones have at least
 * one manual action (any severity); `unchanged` ones need nothing and are not counted.
 */
export interface Readiness {
  percent: number;
  automatic: number;
  manual: number;
  unchanged: number;
}

/** One OpenAI model id as the code uses it, and what it becomes on the target. */
export interface ModelRow {
  openai: string;
  /** `mapped`: becomes `target`; `already-target`: the id is the target's already. */
  status: 'mapped' | 'already-target' | 'no-equivalent' | 'unmapped';
  target: string | null;
  uses: number;
}

/** One API or request parameter the target lacks or only partly supports, over all call sites. */
export interface GapRow {
  kind: CapabilityGap['kind'];
  name: string;
  support: CapabilityGap['support'];
  callSites: number;
  note: string;
}

export interface FileSection {
  file: string;
  findings: ReportFinding[];
  edits: number;
  /** The unified diff of the planned edits ('' when the file does not change). */
  diff: string;
  manual: ManualAction[];
}

export interface ReportFinding {
  line: number;
  column: number;
  kind: FindingKind;
  description: string;
  confidence: Finding['confidence'];
  resolution: FindingResolution['status'];
}

const SUPPORT_ORDER = { unsupported: 0, partial: 1, unknown: 2 } as const;

/** Words shared by every format, so that they say the same thing. */
export const SUPPORT_LABELS = { unsupported: 'not available', partial: 'partly supported', unknown: 'not verified' } as const;
export const RESOLUTION_LABELS = { rewritten: 'rewritten', manual: 'manual action', unchanged: 'no change needed' } as const;
export const READINESS_DEFINITION =
  'Readiness is the share of the findings that need a change which the tool migrates by itself, leaving no manual action. Findings that need no change, such as an `openai` import, are not counted.';

/** What the percentage stands for: `12 of 19 findings that need a change migrated automatically`. */
export function describeReadiness(readiness: Readiness): string {
  const needing = readiness.automatic + readiness.manual;
  if (needing === 0) return 'no finding needs a change';
  return `${readiness.automatic} of ${count(needing, 'finding')} that need a change migrated automatically`;
}

/** Builds the report from a scan and its plan; pure, and the same input gives the same report. */
export function buildMigrationReport(input: ReportInput): MigrationReport {
  const view = input.plan;
  if (view === undefined) throw new Error('a migration report needs a plan');
  const { scan } = input;
  const { plan } = view;
  const resolutions = plan.resolutions;
  const resolutionOf = (index: number): FindingResolution => resolutions[index] ?? { status: 'unchanged' };
  const changes = new Map(view.changes.map((change) => [change.file, change]));
  const editsByFile = countBy(plan.edits.map((edit) => edit.file));

  const files = new Map<string, FileSection>();
  scan.findings.forEach((finding, index) => {
    let section = files.get(finding.file);
    if (section === undefined) {
      const change = changes.get(finding.file);
      section = { file: finding.file, findings: [], edits: editsByFile.get(finding.file) ?? 0, diff: change ? readableDiff([change]) : '', manual: [] };
      files.set(finding.file, section);
    }
    const { line, column } = finding.span;
    section.findings.push({ line, column, kind: finding.kind, description: describeFinding(finding), confidence: finding.confidence, resolution: resolutionOf(index).status });
  });
  for (const action of plan.manual) files.get(action.file)?.manual.push(action);

  return {
    target: { id: plan.target, name: view.providerName },
    summary: {
      filesScanned: scan.stats.discovered,
      filesWithUsage: files.size,
      findings: scan.findings.length,
      byKind: countByKind(scan.findings),
      filesToChange: view.changes.length,
      edits: plan.edits.length,
      manual: countSeverities(plan.manual),
      readiness: measureReadiness(scan.findings.map((_, index) => resolutionOf(index))),
    },
    models: modelRows(scan.findings, resolutionOf),
    gaps: gapRows(scan.findings.map((_, index) => resolutionOf(index))),
    files: [...files.values()],
    skipped: scan.skipped,
  };
}

export function measureReadiness(resolutions: readonly FindingResolution[]): Readiness {
  const counts = { rewritten: 0, manual: 0, unchanged: 0 };
  for (const resolution of resolutions) counts[resolution.status]++;
  const needing = counts.rewritten + counts.manual;
  return {
    percent: needing === 0 ? 100 : Math.floor((100 * counts.rewritten) / needing),
    automatic: counts.rewritten,
    manual: counts.manual,
    unchanged: counts.unchanged,
  };
}

function modelRows(findings: readonly Finding[], resolutionOf: (index: number) => FindingResolution): ModelRow[] {
  const rows = new Map<string, ModelRow>();
  findings.forEach((finding, index) => {
    const model = resolutionOf(index).model;
    if (finding.model === undefined || model === undefined) return;
    const row: ModelRow =
      model.kind === 'mapped'
        ? { openai: finding.model, status: 'mapped', target: model.id, uses: 0 }
        : model.kind === 'already-target'
          ? { openai: finding.model, status: 'already-target', target: finding.model, uses: 0 }
          : { openai: finding.model, status: model.kind === 'none' ? 'no-equivalent' : 'unmapped', target: null, uses: 0 };
    const key = `${row.openai}\u0000${row.status}\u0000${row.target ?? ''}`;
    const existing = rows.get(key) ?? row;
    existing.uses++;
    rows.set(key, existing);
  });
  return [...rows.values()].sort((a, b) => compareStrings(a.openai, b.openai) || compareStrings(a.status, b.status));
}

function gapRows(resolutions: readonly FindingResolution[]): GapRow[] {
  const rows = new Map<string, GapRow>();
  for (const gap of resolutions.flatMap((resolution) => resolution.gaps ?? [])) {
    const key = `${gap.kind}\u0000${gap.name}`;
    const row = rows.get(key) ?? { kind: gap.kind, name: gap.name, support: gap.support, callSites: 0, note: gap.note };
    row.callSites++;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => SUPPORT_ORDER[a.support] - SUPPORT_ORDER[b.support] || compareStrings(a.kind, b.kind) || compareStrings(a.name, b.name),
  );
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

