import { appendFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeError, InputError } from '../core/errors.js';
import type { Format } from '../report/index.js';
import { nextStepsMarkdown, renderMarkdownReport } from '../report/markdown.js';
import { buildMigrationReport } from '../report/migration-report.js';
import type { ReportInput } from '../report/types.js';
import type { CliContext } from './context.js';
import type { NamedFile } from './separate-files.js';
import { packageVersion } from './version.js';

/** GitHub drops a step's whole summary past 1 MiB. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/** The job summary file a run with `--format github` appends to, as an output to keep apart from the others. */
export function stepSummaryFile(ctx: CliContext, format: Format): NamedFile {
  return { by: 'GITHUB_STEP_SUMMARY', file: format === 'github' && ctx.env.GITHUB_STEP_SUMMARY ? ctx.env.GITHUB_STEP_SUMMARY : undefined };
}

/**
 * With `--format github` inside GitHub Actions, appends the Markdown report to the job summary
 * (`GITHUB_STEP_SUMMARY`). A report too large for the limit goes without its per-file sections.
 */
export async function appendStepSummary(ctx: CliContext, input: ReportInput, format: Format): Promise<void> {
  const file = ctx.env.GITHUB_STEP_SUMMARY;
  if (format !== 'github' || !file || input.plan === undefined) return;
  const target = path.resolve(ctx.cwd, file);
  const used = await stat(target).then(
    (stats) => stats.size,
    () => 0,
  );
  const report = buildMigrationReport(input);
  const steps = input.plan.nextSteps ? `\n${nextStepsMarkdown(input.plan.nextSteps)}` : '';
  let markdown = renderMarkdownReport(report, { version: packageVersion() }) + steps;
  if (used + Buffer.byteLength(markdown) > STEP_SUMMARY_LIMIT) markdown = renderMarkdownReport(report, { version: packageVersion(), isCompact: true }) + steps;
  try {
    await appendFile(target, markdown);
  } catch (error) {
    throw new InputError(`cannot write GITHUB_STEP_SUMMARY (${file}): ${describeError(error)}`);
  }
}
