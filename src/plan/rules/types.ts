import type { LineView } from '../../core/line-view.js';
import type { CallSite, CapabilityGap, Edit, Finding, ManualAction, ModelResolution, Range, Severity } from '../../core/types.js';
import type { ManualCode } from '../codes.js';
import type { Syntax } from '../syntax/index.js';
import type { Route } from '../routing.js';
import type { MigrationTarget } from '../target.js';

/** What a rule knows besides its finding: the target and the file's text and style. */
export interface RuleContext {
  target: MigrationTarget;
  /** Every finding of the same file, for rules that depend on their neighbours. */
  fileFindings: readonly Finding[];
  /** Every finding of the run (the dependency rule compares the APIs called with the SDK version). */
  projectFindings: readonly Finding[];
  /** What the plan decided about where each request goes (findings without an entry follow their rule). */
  routes: ReadonlyMap<Finding, Route>;
  text: string;
  /** The lines of the file's code: a notebook's are its cells', at offsets into its JSON. */
  lines: LineView;
  /** How code and values are written in this file's language and style. */
  syntax: Syntax;
  /**
   * Settings files only: whether the migrated code reads the target's key variable (it does not
   * when keyless Entra ID took the key's place in every client). Settings are planned after the code.
   */
  readsKey?: boolean;
  /** The file is one git could not restore: its key values stay (see `PlanOptions.keepSecretsIn`). */
  keepsSecrets: boolean;
}

export interface RuleResult {
  edits: Edit[];
  manual: ManualAction[];
  /** Facts for reports (model rule): how the finding's model id maps on the target. */
  model?: ModelResolution;
  /** Facts for reports (API-call rule): what the target lacks for this call. */
  gaps?: CapabilityGap[];
}

/** A planner rule: a pure function of one finding. Anything unsafe becomes a ManualAction. */
export type Rule = (finding: Finding, ctx: RuleContext) => RuleResult;

export const NOTHING: RuleResult = { edits: [], manual: [] };

export function edit(finding: Finding, range: Range, text: string, reason: string): Edit {
  return { file: finding.file, start: range.start, end: range.end, text, reason };
}

export function manual(finding: Finding, severity: Severity, code: ManualCode, message: string, docs?: string, callSites?: CallSite[]): ManualAction {
  return { file: finding.file, line: finding.span.line, severity, code, message, ...(docs ? { docs } : {}), ...(callSites ? { callSites } : {}) };
}

export function result(edits: Edit[] = [], actions: ManualAction[] = []): RuleResult {
  return { edits, manual: actions };
}
