import { groupByFile } from '../core/group.js';
import { hasCrBreaks, toCrBreaks, withLfBreaks } from '../core/line-breaks.js';
import { textLines } from '../core/line-view.js';
import { compareStrings } from '../core/compare.js';
import type { Edit, Finding, FindingResolution, ManualAction, Plan } from '../core/types.js';
import type { Provider } from '../providers/types.js';
import { isNotebook, notebookSupport } from '../scan/frontends/python/notebook-edits.js';
import type { NotebookCode } from '../scan/frontends/python/notebook.js';
import { mergeProjectActions } from './aggregate.js';
import { findOldProviderText } from './old-provider-text.js';
import { isSettings, routeFindings } from './routing.js';
import { rules } from './rules/index.js';
import type { RuleContext, RuleResult } from './rules/types.js';
import { syntaxFor, type Syntax } from './syntax/index.js';
import { importPosition } from './syntax/python-imports.js';
import { neededVariables, resolveTarget, type MigrationTarget, type PlanOptions } from './target.js';
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
  const routes = routeFindings(planned, target, options.keepSecretsIn);
  // Rules find lines by their LFs: a file whose lines end with a lone CR is planned on a view
  // where those read as LFs, and the lines its edits insert end with a CR again.
  const texts = new Map([...input.texts].map(([file, text]) => [file, withLfBreaks(text)]));
  const groups = [...groupByFile(planned)];
  const planGroup = ([file, findings]: [string, Finding[]], readsKey?: boolean) => {
    const text = texts.get(file) ?? '';
    const notebook = isNotebook(file) ? notebookSupport().readNotebookCode(file, text) : undefined;
    const lines = notebook?.lines ?? textLines(text);
    const ctx = { target, fileFindings: findings, projectFindings: planned, routes, text, lines, syntax: syntaxFor(findings[0]!.language, text, findings), readsKey, keepsSecrets: options.keepSecretsIn?.has(file) ?? false };
    return [file, planFile(file, findings, ctx, notebook)] as const;
  };
  // Settings follow the code: they are planned once it is known which variables the migrated code reads.
  const code = new Map(groups.filter(([, findings]) => !isSettings(findings[0]!)).map((group) => planGroup(group)));
  const readsKey = readsKeyVariable([...code.values()].flatMap((file) => file.edits), target);
  const settings = new Map(groups.filter(([, findings]) => isSettings(findings[0]!)).map((group) => planGroup(group, readsKey)));
  for (const [file] of groups) {
    const planned = code.get(file) ?? settings.get(file)!;
    edits.push(...(hasCrBreaks(input.texts.get(file) ?? '') ? planned.edits.map((edit) => ({ ...edit, text: toCrBreaks(edit.text) })) : planned.edits));
    manual.push(...planned.manual);
    for (const [finding, resolution] of planned.resolved) resolved.set(finding, resolution);
  }
  manual.push(...findOldProviderText(texts, planned, edits, target));
  return {
    target: provider.id,
    edits,
    manual: mergeProjectActions(dedupeManual(manual)).sort(
      (a, b) => compareStrings(a.file, b.file) || a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareStrings(a.code, b.code) || compareStrings(a.message, b.message),
    ),
    environment: neededVariables(target, readsKey),
    resolutions: input.findings.map((finding) => resolved.get(finding) ?? { status: 'unchanged' }),
  };
}

/** One file's edits, manual actions and how each finding resolves. */
function planFile(file: string, findings: readonly Finding[], ctx: RuleContext, notebook: NotebookCode | undefined): { edits: Edit[]; manual: ManualAction[]; resolved: Map<Finding, FindingResolution> } {
  const fileEdits: Edit[] = [];
  const manual: ManualAction[] = [];
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
  // it. A notebook's cells are Python inside JSON strings: the edits' Python text is written as JSON.
  const edits = notebook ? notebook.toJsonEdits([...notebookPrerequisites(file, kept, findings, notebook, ctx.lines.eol), ...kept]) : [...prerequisiteEdits(file, kept, ctx.syntax), ...kept];
  const isReplaced = replacedSpans(kept);
  const resolved = new Map(results.map(([finding, planned]) => [finding, resolveFinding(finding, planned, isReplaced(finding.span), results)] as const));
  return { edits, manual, resolved };
}

/** Whether the migrated code reads the target's key: always, unless keyless Entra ID took the key's place in every edit. */
function readsKeyVariable(codeEdits: readonly Edit[], target: MigrationTarget): boolean {
  if (target.entraScope === undefined) return true;
  const name = new RegExp(`(?<![A-Za-z0-9_])${target.keyVar}(?![A-Za-z0-9_])`);
  return codeEdits.some((edit) => name.test(edit.text));
}

/** What the file needs for the code the edits insert to run (Python's `import os`). */
function prerequisiteEdits(file: string, edits: readonly Edit[], syntax: Syntax): Edit[] {
  return syntax.prerequisites(edits.map((e) => e.text)).map(({ range, text }) => ({ file, start: range.start, end: range.end, text, reason: 'import what the migrated code uses' }));
}

/**
 * `import os` for migrated code that reads `os.environ` in a notebook that does not import it:
 * before the first import of its cells (after a docstring and `from __future__` imports), so
 * that every cell after it can use it; with no top-level import, at the start of its first cell
 * of Python. Not sorted among the imports as in a module: a cell's last line often has no line
 * break, and the v0 settings may go after it.
 */
function notebookPrerequisites(file: string, edits: readonly Edit[], findings: readonly Finding[], notebook: NotebookCode, eol: string): Edit[] {
  if (!edits.some((edit) => edit.text.includes('os.environ'))) return [];
  const imports = findings.find((finding) => finding.detail?.moduleImports !== undefined)?.detail;
  if (imports === undefined || imports.moduleImports!.includes('os')) return [];
  const cell = notebook.cellAt(imports.importsStart);
  if (cell === undefined) return [];
  // '' sorts before every module: the position of the first import.
  const at = importPosition(cell.code, '');
  const before = at > 0 && cell.code[at - 1] !== '\n' ? eol : '';
  return [{ file, start: cell.toJson(at), end: cell.toJson(at), text: `${before}import os${eol}`, reason: 'import what the migrated code uses' }];
}

/**
 * A finding with a manual action is `manual`; else one that its rule edits, or that another
 * rule's edit replaces whole (the client rule rewriting `apiKey: process.env.OPENAI_API_KEY`),
 * is `rewritten`. A read the client rule handles (`organization: process.env.OPENAI_ORG_ID`)
 * and leaves as it is shares the client's manual actions.
 */
function resolveFinding(finding: Finding, planned: RuleResult, isReplaced: boolean, results: readonly [Finding, RuleResult][]): FindingResolution {
  const client =
    finding.detail?.clientOption === undefined
      ? undefined
      : results.find(([other]) => other.kind === 'client' && other.span.start <= finding.span.start && finding.span.end <= other.span.end);
  const hasManual = planned.manual.length > 0 || (!isReplaced && client !== undefined && client[1].manual.length > 0);
  const status = hasManual ? 'manual' : planned.edits.length > 0 || isReplaced ? 'rewritten' : 'unchanged';
  return { status, ...(planned.model ? { model: planned.model } : {}), ...(planned.gaps ? { gaps: planned.gaps } : {}) };
}

/** Whether a span lies inside one of the replacements (not insertions) among `edits`; a binary search per span. */
function replacedSpans(edits: readonly Edit[]): (span: { start: number; end: number }) => boolean {
  const replacements = edits.filter((edit) => edit.end > edit.start).sort((a, b) => a.start - b.start);
  const furthestEnd: number[] = [];
  for (const edit of replacements) furthestEnd.push(Math.max(furthestEnd.at(-1) ?? -1, edit.end));
  return (span) => {
    // The replacements that start at or before the span; the furthest end among them decides.
    let low = 0;
    let high = replacements.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (replacements[middle]!.start <= span.start) low = middle + 1;
      else high = middle;
    }
    return low > 0 && furthestEnd[low - 1]! >= span.end;
  };
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
  const seen = new Set<string>();
  // Sorted by start, every kept edit starts at or before the candidate: it is inside one of
  // them when the furthest end of the kept replacements reaches past it (an insertion: when
  // one that starts strictly before it ends strictly after it).
  let furthestEnd = -1;
  let furthestEndBefore = -1;
  let pending: Edit[] = [];
  for (const candidate of sorted) {
    if (pending.length > 0 && pending[0]!.start < candidate.start) {
      for (const edit of pending) furthestEndBefore = Math.max(furthestEndBefore, edit.end);
      pending = [];
    }
    // The same insertion twice: two clients sharing one options object both want `baseURL`.
    const key = `${candidate.start}\u0000${candidate.end}\u0000${candidate.text}`;
    const isInsertion = candidate.start === candidate.end;
    const isInside = seen.has(key) || (isInsertion ? furthestEndBefore > candidate.start : furthestEnd >= candidate.end);
    if (isInside) continue;
    kept.push(candidate);
    seen.add(key);
    if (!isInsertion) {
      furthestEnd = Math.max(furthestEnd, candidate.end);
      pending.push(candidate);
    }
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

