import type { ScanResult } from '../core/types.js';

/** Everything a reporter may show. `plan` is present for `plan`, `apply` and `report`. */
export interface ReportInput {
  scan: ScanResult;
}

export interface ReportContext {
  /** 0 = no colour. Only the text reporter uses it. */
  color: 0 | 1 | 2 | 3;
  version: string;
  elapsedMs: number;
}

/** A reporter is pure: it returns the text to print and writes nothing itself. */
export type Reporter = (input: ReportInput, ctx: ReportContext) => string;
