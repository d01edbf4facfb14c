import type { FileOutcome } from '../apply/apply.js';
import type { Plan, ScanResult } from '../core/types.js';
import type { FileChange } from '../plan/preview.js';
import type { NextSteps } from './next-steps.js';
import type { VerifyResult } from '../verify/types.js';

/** A plan with what it does to the files; `outcomes` only after `apply`. */
export interface PlanView {
  plan: Plan;
  providerName: string;
  changes: FileChange[];
  outcomes?: FileOutcome[];
  isDryRun?: boolean;
  /** What the user does once the code is migrated; the text and Markdown reports end with it. */
  nextSteps?: NextSteps;
}

/** Everything a reporter may show. `plan` is present for `plan`, `apply` and `report`. */
export interface ReportInput {
  scan: ScanResult;
  plan?: PlanView;
  /** `report`: text and JSON show the migration report (readiness, models, gaps, files) too. */
  isReport?: boolean;
  /** `report --verified`: what `verify` found with the user's key. */
  verification?: VerifyResult;
}

export interface ReportContext {
  /** 0 = no colour. Only the text reporter uses it. */
  color: 0 | 1 | 2 | 3;
  version: string;
  elapsedMs: number;
}

/** A reporter is pure: it returns the text to print and writes nothing itself. */
export type Reporter = (input: ReportInput, ctx: ReportContext) => string;
