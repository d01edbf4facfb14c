import { Chalk, type ChalkInstance } from 'chalk';
import { count } from '../core/plural.js';
import { redactSecrets, stringifyRedacted } from '../core/redact.js';
import type { CallSite, CheckResult, CheckStatus, VerifyResult } from '../verify/types.js';
import { code, row } from './markdown-text.js';

/** `verify --format`: each renders the same result; every one passes through the redactor. */
export const verifyReporters = {
  text: (result: VerifyResult, ctx: VerifyReportContext) => redactSecrets(`${verificationText(result, new Chalk({ level: ctx.color })).join('\n')}\n`),
  json: (result: VerifyResult, ctx: VerifyReportContext) => stringifyRedacted(verificationJson(result, ctx.version)),
  markdown: (result: VerifyResult) => redactSecrets(verificationMarkdown(result, 1)),
};

export interface VerifyReportContext {
  color: 0 | 1 | 2 | 3;
  version: string;
}

export type VerifyFormat = keyof typeof verifyReporters;

/** Bump on any change a consumer could notice; documented in the README. */
export const VERIFY_SCHEMA_VERSION = 1;

const MARK: Record<CheckStatus, string> = { pass: '✓', fail: '✗', 'not-run': '–' };
const API_LABEL = { 'chat.completions': 'chat', embeddings: 'embeddings' } as const;

export function verificationJson(result: VerifyResult, version: string) {
  return {
    schemaVersion: VERIFY_SCHEMA_VERSION,
    tool: { name: 'migrate-openai', version },
    provider: result.provider,
    baseUrl: result.baseUrl,
    keyVar: result.keyVar,
    dryRun: result.dryRun,
    access: result.access,
    checks: result.checks.map(({ request, ...check }) => ({ ...check, ...(result.dryRun && request ? { request } : {}) })),
    summary: summarize(result),
    requestsSent: result.requestsSent,
  };
}

function summarize(result: VerifyResult): Record<CheckStatus, number> {
  const totals: Record<CheckStatus, number> = { pass: 0, fail: 0, 'not-run': 0 };
  for (const check of result.checks) totals[check.status]++;
  return totals;
}

/** `src/chat.ts:12` and how many more call sites share the check. */
function sitesLabel(sites: readonly CallSite[]): string {
  const [first] = sites;
  if (first === undefined) return '';
  return `${first.file}:${first.line}${sites.length > 1 ? ` +${sites.length - 1} more` : ''}`;
}

function modelLabel(check: CheckResult, wrap: (model: string) => string = (model) => model): string {
  return check.model === undefined ? `? (${check.openaiModel ?? 'unknown'})` : wrap(check.model);
}

/** A model the endpoint's list leaves out may still be served (lists are often partial); the check decides. */
function listedNote(check: CheckResult, listed: readonly string[] | null): string {
  return listed !== null && check.model !== undefined && !listed.includes(check.model) ? ' (not listed)' : '';
}

export function verificationText(result: VerifyResult, c: ChalkInstance): string[] {
  const paint: Record<CheckStatus, (text: string) => string> = { pass: c.green, fail: c.red, 'not-run': c.dim };
  const lines = [`${c.bold(`Verify ${result.provider.name}`)} at ${result.baseUrl}, key from ${result.keyVar}`, ''];
  if (result.dryRun) {
    lines.push('Dry run: these requests would be sent (the key as a Bearer token):');
    lines.push(`  GET ${result.baseUrl}/models`);
    for (const check of result.checks) {
      if (check.request) lines.push(`  ${check.request.method} ${result.baseUrl}${check.request.path} ${JSON.stringify(check.request.body)}`);
    }
    lines.push('');
  } else {
    lines.push(`${paint[result.access.status](MARK[result.access.status])} access: ${result.access.message}`, '');
  }
  const table = result.checks.map((check) => [
    paint[check.status](`${MARK[check.status]} ${check.status}`),
    API_LABEL[check.api],
    modelLabel(check) + listedNote(check, result.access.listed),
    check.probe,
    sitesLabel(check.sites),
    `${check.httpStatus !== undefined ? `${check.httpStatus} ` : ''}${check.message}`,
  ]);
  if (table.length > 0) {
    const header = ['result', 'API', 'model', 'check', 'call sites', 'answer'];
    // Widths from the plain text: colour codes take no columns.
    const plain = [header, ...result.checks.map((check, i) => [`${MARK[check.status]} ${check.status}`, ...table[i]!.slice(1)])];
    const widths = header.map((_, column) => Math.max(...plain.map((cells) => cells[column]!.length)));
    const format = (cells: string[], raw: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - raw[i]!.length))).join('  ');
    lines.push(c.dim(format(header, header)));
    table.forEach((cells, i) => lines.push(format(cells, plain[i + 1]!)));
    lines.push('');
  } else {
    lines.push('No chat or embeddings call to check.', '');
  }
  const totals = summarize(result);
  lines.push(`${count(result.checks.length, 'check')}: ${totals.pass} passed, ${totals.fail} failed, ${totals['not-run']} not run · ${count(result.requestsSent, 'request')} sent`);
  return lines;
}

/** The result as Markdown under a heading of `level` (1 alone, 2 inside a migration report). */
export function verificationMarkdown(result: VerifyResult, level: 1 | 2): string {
  const totals = summarize(result);
  const lines = [
    `${'#'.repeat(level)} ${level === 1 ? 'Verify' : 'Verified with your key'}: ${result.provider.name}`,
    '',
    `Endpoint ${code(result.baseUrl)}, key from ${code(result.keyVar)}${result.dryRun ? ' (dry run: nothing sent)' : ''}.`,
    '',
    `- Access: ${MARK[result.access.status]} ${result.access.message}`,
    `- Checks: ${totals.pass} passed, ${totals.fail} failed, ${totals['not-run']} not run; ${count(result.requestsSent, 'request')} sent`,
    '',
  ];
  if (result.checks.length > 0) {
    lines.push(row('Result', 'API', 'Model', 'Check', 'Call sites', 'Answer'), row('---', '---', '---', '---', '---', '---'));
    for (const check of result.checks) {
      lines.push(
        row(
          `${MARK[check.status]} ${check.status}`,
          API_LABEL[check.api],
          modelLabel(check, code) + listedNote(check, result.access.listed),
          check.probe,
          check.sites.map((site) => code(`${site.file}:${site.line}`)).join(', '),
          `${check.httpStatus !== undefined ? `${check.httpStatus} ` : ''}${check.message}`,
        ),
      );
    }
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
