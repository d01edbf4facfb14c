import type { Finding, ManualAction, Plan, ScanResult } from '../core/types.js';
import type { FileChange } from '../plan/preview.js';
import { actionIdentity, findingIdentity, isNewSinceBaseline, type Baseline } from './baseline.js';
import type { ChangedLines } from './changed-lines.js';

/** What a gate looks at: lines changed since a ref, and what a baseline report did not list. */
export interface Scope {
  changed?: ChangedLines;
  baseline?: Baseline;
}

/** The scan's findings inside the scope. */
export function limitScan(scan: ScanResult, scope: Scope): ScanResult {
  const keep = keepFindings(scan.findings, scope);
  return { ...scan, findings: scan.findings.filter((_, i) => keep[i]) };
}

/**
 * The plan inside the scope: findings (with their resolutions) and manual actions on changed
 * lines and not in the baseline; edits only in changed files, since a file is migrated whole.
 */
export function limitPlan<T extends { scan: ScanResult; plan: Plan; changes: FileChange[] }>(project: T, scope: Scope): T {
  const { scan, plan } = project;
  const keep = keepFindings(scan.findings, scope);
  const keepAction = keepActions(plan.manual, scope);
  const inChangedFile = (file: string) => scope.changed === undefined || scope.changed.has(file);
  return {
    ...project,
    scan: { ...scan, findings: scan.findings.filter((_, i) => keep[i]) },
    plan: {
      ...plan,
      resolutions: plan.resolutions.filter((_, i) => keep[i]),
      manual: plan.manual.filter((_, i) => keepAction[i]),
      edits: plan.edits.filter((edit) => inChangedFile(edit.file)),
    },
    changes: project.changes.filter((change) => inChangedFile(change.file)),
  };
}

function keepFindings(findings: readonly Finding[], { changed, baseline }: Scope): boolean[] {
  const isNew = baseline ? isNewSinceBaseline(findings, baseline.findings, findingIdentity) : undefined;
  return findings.map((finding, i) => isChanged(changed, finding.file, finding.span.line) && (isNew?.[i] ?? true));
}

function keepActions(actions: readonly ManualAction[], { changed, baseline }: Scope): boolean[] {
  const isNew = baseline ? isNewSinceBaseline(actions, baseline.manual, actionIdentity) : undefined;
  return actions.map((action, i) => isChanged(changed, action.file, action.line) && (isNew?.[i] ?? true));
}

function isChanged(changed: ChangedLines | undefined, file: string, line: number): boolean {
  if (changed === undefined) return true;
  const lines = changed.get(file);
  return lines === 'all' || (lines !== undefined && lines.has(line));
}
