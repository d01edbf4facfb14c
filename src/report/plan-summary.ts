import type { ManualAction, Severity } from '../core/types.js';
import type { ReportInput } from './types.js';

export interface PlanSummary {
  target: string;
  filesChanged: number;
  filesUnchanged: number;
  filesSkipped: number;
  edits: number;
  manual: Record<Severity, number>;
  /** The environment variables the migrated code reads. */
  environment: string[];
}

/** Counts shared by the text and JSON output of `plan` and `apply`. */
export function summarizePlan({ scan, plan }: ReportInput): PlanSummary {
  if (plan === undefined) throw new Error('summarizePlan needs a plan');
  const outcomes = plan.outcomes;
  const changed = outcomes ? outcomes.filter((o) => o.status === 'changed').length : plan.changes.length;
  const skippedOnWrite = outcomes ? outcomes.filter((o) => o.status === 'skipped').length : 0;
  const touched = new Set(scan.texts.keys());
  return {
    target: plan.plan.target,
    filesChanged: changed,
    filesUnchanged: touched.size - changed - skippedOnWrite,
    filesSkipped: scan.skipped.length + skippedOnWrite,
    edits: plan.plan.edits.length,
    manual: countSeverities(plan.plan.manual),
    environment: (plan.plan.environment ?? []).map((variable) => variable.name),
  };
}

export function countSeverities(actions: readonly ManualAction[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const action of actions) counts[action.severity]++;
  return counts;
}
