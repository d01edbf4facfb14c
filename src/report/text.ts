import { Chalk } from 'chalk';
import { redactSecrets } from '../core/redact.js';
import type { Finding } from '../core/types.js';
import { countByKind, describeFinding } from './summary.js';
import type { Reporter } from './types.js';

const KIND_WIDTH = 10;

/** The terminal report: findings grouped by file, skipped files, then a summary. */
export const renderText: Reporter = ({ scan }, ctx) => {
  const c = new Chalk({ level: ctx.color });
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of scan.findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(c.bold.underline(finding.file));
      currentFile = finding.file;
    }
    const location = c.dim(`${finding.file}:${finding.span.line}:${finding.span.column}`);
    lines.push(`  ${location}  ${c.cyan(finding.kind.padEnd(KIND_WIDTH))}${describe(finding, c)}`);
  }
  if (scan.skipped.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(c.bold.yellow('Skipped'));
    for (const skip of scan.skipped) lines.push(`  ${skip.file}  ${c.yellow(skip.reason)}  ${c.dim(skip.message)}`);
  }
  if (lines.length > 0) lines.push('');
  const { discovered, candidates, parsed, skipped } = scan.stats;
  lines.push(`${discovered} files discovered, ${candidates} candidates, ${parsed} parsed, ${skipped} skipped`);
  const counts = Object.entries(countByKind(scan.findings))
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  const total = scan.findings.length;
  lines.push(total === 0 ? c.green('No OpenAI usage found') : `${c.bold(`${total} findings`)}: ${counts.join(', ')}`);
  lines.push(c.dim(`Done in ${formatDuration(ctx.elapsedMs)}`));
  return redactSecrets(`${lines.join('\n')}\n`);
};

function describe(finding: Finding, c: InstanceType<typeof Chalk>): string {
  const text = describeFinding(finding);
  if (finding.kind === 'api-key') return c.red(text);
  return finding.confidence === 'certain' ? text : `${text} ${c.dim(`(${finding.confidence})`)}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
