import { groupByFile } from '../core/group.js';
import { compareStrings } from '../core/compare.js';
import type { Edit, Finding, FindingResolution, ManualAction, Plan } from '../core/types.js';
import type { Provider } from '../providers/types.js';
import { isNotebook, notebookImports, toNotebookEdits } from '../scan/frontends/python/notebook-edits.js';
import { rules } from './rules/index.js';
import type { RuleResult } from './rules/types.js';
import { syntaxFor, type Syntax } from './syntax/index.js';
import { neededVariables, resolveTarget, type PlanOptions } from './target.js';
import { setAsideTests } from './test-files.js';

export interface PlanInput {
  findings: readonly Finding[];
  /** Text of every file with findings, as read. */
  texts: ReadonlyMap<string, string>;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Pure: the edits and manual actions that migrate `findings` to `provider`. */
export function planMigration(input: PlanInput, provider: Provider, options: PlanOptions = {}): Plan {
  const target = resolveTarget(provider, options);
  const edits: Edit[] = [];
  const manual: ManualAction[] = [];
  const resolved = new Map<Finding, FindingResolution>();
  const { planned, notes } = setAsideTests(input.findings, options.includeTests ?? false);
  manual.push(...notes);
  for (const [file, findings] of groupByFile(planned)) {
    const text = input.texts.get(file) ?? '';
    const ctx = { target, fileFindings: findings, projectFindings: planned, text, syntax: syntaxFor(findings[0]!.language, text, findings), eol: text.includes('\r\n') ? ('\r\n' as const) : ('\n' as const) };
    const fileEdits: Edit[] = [];
    const results: [Finding, RuleResult][] = [];
    for (const finding of findings) {
      const rule = rules[finding.kind];
      if (rule === undefined) continue;
      const planned = rule(finding, ctx);
      results.push([finding, planned]);
      fileEdits.push(...planned.edits);
      manual.push(...planned.manual);
    }
    const kept = dropNestedEdits(fileEdits);
    // Prerequisites first, so that an import inserted where another insertion goes comes before
    // it. A notebook's cells are Python inside JSON strings: the edits' Python text is written as
    // JSON, and `import os` goes before the first import of its cells.
    edits.push(...(isNotebook(file) ? toNotebookEdits(text, [...notebookImports(file, kept, findings), ...kept]) : [...prerequisiteEdits(file, kept, ctx.syntax), ...kept]));
    for (const [finding, planned] of results) resolved.set(finding, resolveFinding(finding, planned, kept, results));
  }
  return {
    target: provider.id,
    edits,
    manual: dedupeManual(manual).sort(
      (a, b) => compareStrings(a.file, b.file) || a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareStrings(a.code, b.code) || compareStrings(a.message, b.message),
    ),
    environment: neededVariables(target),
    resolutions: input.findings.map((finding) => resolved.get(finding) ?? { status: 'unchanged' }),
  };
}

/** What the file needs for the code the edits insert to run (Python's `import os`). */
function prerequisiteEdits(file: string, edits: readonly Edit[], syntax: Syntax): Edit[] {
  return syntax.prerequisites(edits.map((e) => e.text)).map(({ range, text }) => ({ file, start: range.start, end: range.end, text, reason: 'import what the migrated code uses' }));
}

/**
 * A finding with a manual action is `manual`; else one that its rule edits, or that another
 * rule's edit replaces whole (the client rule rewriting `apiKey: process.env.OPENAI_API_KEY`),
 * is `rewritten`. A read the client rule handles (`organization: process.env.OPENAI_ORG_ID`)
 * and leaves as it is shares the client's manual actions.
 */
function resolveFinding(finding: Finding, planned: RuleResult, kept: readonly Edit[], results: readonly [Finding, RuleResult][]): FindingResolution {
  const isReplaced = kept.some((e) => e.end > e.start && e.start <= finding.span.start && finding.span.end <= e.end);
  const client =
    finding.detail?.clientOption === undefined
      ? undefined
      : results.find(([other]) => other.kind === 'client' && other.span.start <= finding.span.start && finding.span.end <= other.span.end);
  const hasManual = planned.manual.length > 0 || (!isReplaced && client !== undefined && client[1].manual.length > 0);
  const status = hasManual ? 'manual' : planned.edits.length > 0 || isReplaced ? 'rewritten' : 'unchanged';
  return { status, ...(planned.model ? { model: planned.model } : {}), ...(planned.gaps ? { gaps: planned.gaps } : {}) };
}

/**
 * Two rules may reach the same text: the client rule replaces `baseURL: 'https://api.openai.com/v1'`
 * whole while the base-url rule would edit inside it. The enclosing edit already rewrites that
 * text, so an edit inside another (or identical to it) is dropped. Partial overlaps stay and
 * are caught as a bug by `applyEdits`.
 */
export function dropNestedEdits(edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Edit[] = [];
  for (const candidate of sorted) {
    // The same insertion twice: two clients sharing one options object both want `baseURL`.
    const isRepeat = kept.some((other) => other.start === candidate.start && other.end === candidate.end && other.text === candidate.text);
    const isInside = isRepeat || kept.some(
      (outer) =>
        outer.start <= candidate.start &&
        candidate.end <= outer.end &&
        outer.end > outer.start &&
        // An insertion at either edge of a replacement is beside it, not inside it.
        !(candidate.start === candidate.end && (candidate.start === outer.start || candidate.start === outer.end)),
    );
    if (!isInside) kept.push(candidate);
  }
  return kept;
}

function dedupeManual(actions: ManualAction[]): ManualAction[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = `${action.file}\u0000${action.line}\u0000${action.code}\u0000${action.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

