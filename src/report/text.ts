import { groupByFile } from '../core/group.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { count } from '../core/plural.js';
import { redactSecrets } from '../core/redact.js';
import type { Finding, ManualAction, ScanResult } from '../core/types.js';
import { readableDiff } from './diff.js';
import { describeNextSteps, type NextSteps } from './next-steps.js';
import { appendUnbroken, shortName, TERMINAL_WIDTH, wrapAfter, wrapText } from './wrap.js';
import { buildMigrationReport, describeReadiness, RESOLUTION_LABELS, SUPPORT_LABELS, type MigrationReport } from './migration-report.js';
import { summarizePlan } from './plan-summary.js';
import { countByKind, describeFinding } from './summary.js';
import type { PlanView, ReportInput, Reporter } from './types.js';
import { verificationText } from './verify.js';

// The longest value plus two spaces, so that `framework` and `warning` keep a two-space gap.
const KIND_WIDTH = 'framework'.length + 2;
const SEVERITY_WIDTH = 'warning'.length + 2;

/** The terminal report: findings (scan) or diff and manual actions (plan, apply), then a summary. */
export const renderText: Reporter = (given, ctx) => {
  const c = new Chalk({ level: ctx.color });
  const input = given.plan ? { ...given, plan: shortenMessages(given.plan) } : given;
  const lines = input.plan ? (input.isReport ? reportLines(buildMigrationReport(input), c) : planLines(input, input.plan, c)) : scanLines(input.scan, c);
  if (input.verification) lines.push('', ...verificationText(input.verification, c));
  if (input.isReport) lines.push(...nextStepsLines(input.plan?.nextSteps, c), '');
  const reused = input.scan.reused ?? 0;
  lines.push(c.dim(`Done in ${formatDuration(ctx.elapsedMs)}${reused > 0 ? `; ${count(reused, 'file')} unchanged since an earlier run, not parsed again` : ''}`));
  return redactSecrets(`${lines.join('\n')}\n`);
};

/** The headline names the provider in full; the messages under it use its short name. */
function shortenMessages(view: PlanView): PlanView {
  const short = shortName(view.providerName);
  if (short === view.providerName) return view;
  const manual = view.plan.manual.map((action) => ({ ...action, message: action.message.split(view.providerName).join(short) }));
  return { ...view, plan: { ...view.plan, manual } };
}

function scanLines(scan: ScanResult, c: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(scan.findings)) {
    if (lines.length > 0) lines.push('');
    lines.push(c.bold.underline(file));
    const locations = findings.map((f) => `${f.file}:${f.span.line}:${f.span.column}`);
    const width = Math.max(...locations.map((l) => l.length));
    findings.forEach((finding, i) => {
      const head = `  ${c.dim(locations[i]!.padEnd(width))}  ${c.cyan(finding.kind.padEnd(KIND_WIDTH))}`;
      lines.push(...wrapAfter(head, describe(finding, c), hangingIndent(2 + width + 2 + KIND_WIDTH)));
    });
  }
  lines.push(...skippedLines(scan, c));
  if (lines.length > 0) lines.push('');
  const { discovered, candidates, parsed, skipped } = scan.stats;
  lines.push(`${count(discovered, 'file')} discovered, ${count(candidates, 'candidate')}, ${parsed} parsed, ${skipped} skipped`);
  const counts = Object.entries(countByKind(scan.findings))
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  lines.push(scan.findings.length > 0 ? `${c.bold(count(scan.findings.length, 'finding'))}: ${counts.join(', ')}` : noUsageLine(skipped, c));
  const migrated = scan.findings.filter((finding) => finding.migratedTo !== undefined).length;
  if (migrated > 0) {
    const remaining = scan.findings.length - migrated;
    const status = `${migrated} already migrated (the SDK pointed at another provider), ${remaining} remaining`;
    lines.push(remaining === 0 ? c.green(`No OpenAI usage remains: ${status}`) : status);
  }
  return lines;
}

function planLines(input: ReportInput, view: PlanView, c: ChalkInstance): string[] {
  const lines: string[] = [];
  const diff = readableDiff(view.changes);
  if (diff !== '') lines.push(...colorDiff(diff.replace(/\n$/, ''), c), '');
  if (view.plan.manual.length > 0) {
    lines.push(c.bold(`Manual actions (${view.plan.manual.length})`));
    lines.push(...manualLines(view.plan.manual, c), '');
  }
  lines.push(...skippedLines(input.scan, c));
  for (const outcome of view.outcomes ?? []) {
    if (outcome.status === 'skipped') lines.push(...wrapAfter(`  ${outcome.file}  ${c.yellow(outcome.reason)}  `, c.dim(outcome.message), '    '));
  }
  const summary = summarizePlan(input);
  const verb = view.outcomes ? (view.isDryRun ? 'Dry run for' : 'Migrated to') : 'Plan for';
  const changed = view.outcomes && !view.isDryRun ? 'changed' : 'to change';
  lines.push(
    `${c.bold(`${verb} ${view.providerName}`)}: ${count(summary.filesChanged, 'file')} ${changed} (${count(summary.edits, 'edit')}), ${summary.filesUnchanged} unchanged, ${summary.filesSkipped} skipped`,
  );
  const { error, warning, info } = summary.manual;
  lines.push(`Manual actions: ${c.red(count(error, 'error'))}, ${c.yellow(count(warning, 'warning'))}, ${info} info`);
  if (summary.edits > 0 && summary.environment.length > 0) lines.push(...wrapAfter('Environment: ', `the migrated code reads ${summary.environment.join(', ')}; set ${summary.environment.length === 1 ? 'it' : 'them'} where the app runs`, '  '));
  lines.push(...nextStepsLines(view.nextSteps, c));
  return lines;
}

/** `report --format text`: the migration report's sections, as Markdown has them. */
function reportLines(report: MigrationReport, c: ChalkInstance): string[] {
  const { summary } = report;
  const kinds = Object.entries(summary.byKind)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  const { error, warning, info } = summary.manual;
  const lines = [c.bold(`Migration report: OpenAI → ${report.target.name} (${report.target.id})`), ''];
  lines.push(
    ...alignPairs([
      ['Files scanned', String(summary.filesScanned)],
      ['Files with OpenAI usage', String(summary.filesWithUsage)],
      ['Findings', `${summary.findings}${kinds.length > 0 ? `: ${kinds.join(', ')}` : ''}`],
      ['Edits the tool makes', `${summary.edits} in ${count(summary.filesToChange, 'file')}`],
      ['Manual actions', `${c.red(count(error, 'error'))}, ${c.yellow(count(warning, 'warning'))}, ${info} info`],
      ['Readiness', `${c.bold(`${summary.readiness.percent}%`)} (${describeReadiness(summary.readiness)})`],
    ]),
    '',
    c.bold('Models'),
  );
  if (report.models.length === 0) lines.push('  No OpenAI model id is used.');
  const targets = report.models.map((row) =>
    row.status === 'mapped' ? row.target ?? '' : row.status === 'already-target' ? `${row.openai} (already the target's id)` : row.status === 'no-equivalent' ? 'no equivalent' : `unmapped: pass --model ${row.openai}=<id>`,
  );
  const modelWidth = Math.max(0, ...report.models.map((row) => row.openai.length));
  // The column fits the terminal: a target too long for it overflows on its own row only.
  const room = TERMINAL_WIDTH - (2 + modelWidth + 4) - 2 - '999 uses'.length;
  const targetWidth = Math.max(0, ...targets.map((target) => target.length).filter((length) => length <= room));
  report.models.forEach((row, i) => {
    const paint = row.status === 'no-equivalent' ? c.red : row.status === 'unmapped' ? c.yellow : (text: string) => text;
    const head = `  ${row.openai.padEnd(modelWidth)}  → `;
    lines.push(...appendUnbroken(wrapAfter(head, paint(targets[i]!.padEnd(targetWidth)), hangingIndent(2 + modelWidth + 4)), c.dim(count(row.uses, 'use')), hangingIndent(2 + modelWidth + 4)));
  });
  lines.push('', c.bold('Capability gaps'));
  if (report.gaps.length === 0) lines.push('  None: the target supports every API and parameter the code uses.');
  const subjects = report.gaps.map((gap) => `${gap.name} ${gap.kind === 'api' ? 'API' : 'parameter'}`);
  const gapWidth = Math.max(0, ...subjects.map((subject) => subject.length));
  report.gaps.forEach((gap, i) => {
    const support = gap.support === 'unsupported' ? c.red(SUPPORT_LABELS[gap.support]) : c.yellow(SUPPORT_LABELS[gap.support]);
    lines.push(...wrapAfter(`  ${subjects[i]!.padEnd(gapWidth)}  `, `${support}, ${count(gap.callSites, 'call site')}: ${gap.note}`, hangingIndent(2 + gapWidth + 2)));
  });
  for (const section of report.files) {
    lines.push('', c.bold.underline(section.file));
    const locations = section.findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...locations.map((l) => l.length));
    section.findings.forEach((finding, i) => {
      const head = `  ${c.dim(locations[i]!.padEnd(width))}  ${c.cyan(finding.kind.padEnd(KIND_WIDTH))}`;
      const indent = hangingIndent(2 + width + 2 + KIND_WIDTH);
      lines.push(...appendUnbroken(wrapAfter(head, finding.description, indent), c.dim(RESOLUTION_LABELS[finding.resolution]), indent));
    });
    if (section.diff !== '') lines.push(...colorDiff(section.diff.replace(/\n$/, ''), c).map((line) => `  ${line}`));
    if (section.manual.length > 0) lines.push(...manualLines(section.manual, c, '  [ ] '));
  }
  lines.push(...skippedLines(report, c), '');
  return lines;
}

/** Continuation lines start under the text column, or further left when that column is far right. */
function hangingIndent(column: number): string {
  return ' '.repeat(Math.min(column, 40));
}

function alignPairs(pairs: [string, string][]): string[] {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.flatMap(([label, value]) => wrapAfter(`  ${label.padEnd(width)}  `, value, hangingIndent(2 + width + 2)));
}

/**
 * One block per action: where, severity and code on the first line (after `prefix`), then the
 * message wrapped to the terminal width and its docs link, indented under it.
 */
function manualLines(actions: readonly ManualAction[], c: ChalkInstance, prefix = '  '): string[] {
  const locations = actions.map((a) => `${a.file}:${a.line}`);
  const width = Math.max(...locations.map((l) => l.length));
  const paint = { error: c.red, warning: c.yellow, info: c.blue };
  const indent = `${' '.repeat(prefix.length)}    `;
  return actions.flatMap((action, i) => [
    `${prefix}${c.dim(locations[i]!.padEnd(width))}  ${paint[action.severity](action.severity.padEnd(SEVERITY_WIDTH))}${c.cyan(action.code)}`,
    ...wrapText(action.message, indent),
    ...(action.docs === undefined ? [] : [c.dim(`${indent}docs: ${action.docs}`)]),
  ]);
}

/** The Next steps block that ends `plan`, `apply` and `report`. */
function nextStepsLines(steps: NextSteps | undefined, c: ChalkInstance): string[] {
  if (steps === undefined) return [];
  const lines = ['', c.bold('Next steps')];
  describeNextSteps(steps, (url) => url, (text) => text).forEach((step, i) => {
    const [first, ...rest] = wrapText(step, '     ');
    lines.push(`  ${`${i + 1}.`.padEnd(3)}${first!.trimStart()}`, ...rest);
  });
  return lines;
}

function skippedLines(scan: Pick<ScanResult, 'skipped'>, c: ChalkInstance): string[] {
  if (scan.skipped.length === 0) return [];
  return ['', c.bold.yellow('Skipped'), ...scan.skipped.flatMap((skip) => wrapAfter(`  ${skip.file}  ${c.yellow(skip.reason)}  `, c.dim(skip.message), '    '))];
}

export function colorDiff(diff: string, c: ChalkInstance): string[] {
  return diff.split('\n').map((line) => {
    if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
    if (line.startsWith('@@')) return c.cyan(line);
    if (line.startsWith('+')) return c.green(line);
    if (line.startsWith('-')) return c.red(line);
    return line;
  });
}

function describe(finding: Finding, c: ChalkInstance): string {
  const text = describeFinding(finding);
  if (finding.kind === 'api-key') return c.red(text);
  if (finding.migratedTo !== undefined) return c.dim(text);
  return finding.confidence === 'certain' ? text : `${text} ${c.dim(`(${finding.confidence})`)}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** No finding: a plain all-clear only when every file was read; a skipped file may hold usage. */
function noUsageLine(skipped: number, c: ChalkInstance): string {
  if (skipped === 0) return c.green('No OpenAI usage found');
  return c.yellow(`No OpenAI usage found in the files read; ${count(skipped, 'skipped file')} (listed above) may hold some`);
}
