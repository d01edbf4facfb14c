import type { Finding, Plan, ScanResult } from '../core/types.js';
import type { Provider } from '../providers/types.js';
import { scanProject, type ScanOptions } from '../scan/scan.js';
import { findUnrestorableFiles } from '../apply/git.js';
import { isNotebook, loadNotebookSupport } from '../scan/frontends/python/notebook-edits.js';
import { planMigration } from './plan.js';
import { previewChanges, type FileChange } from './preview.js';
import type { PlanOptions } from './target.js';

export interface ProjectPlan {
  scan: ScanResult;
  plan: Plan;
  changes: FileChange[];
}

/**
 * Scans the project and plans its migration to `provider`; writes nothing. Unless the options
 * say, git is asked which files holding a key value it could not restore, so that the plan
 * leaves those values in place.
 */
export async function planProject(scanOptions: ScanOptions, provider: Provider, planOptions: PlanOptions = {}): Promise<ProjectPlan> {
  const scan = await scanProject(scanOptions);
  // The planner reads notebooks' cells, whether or not this run parsed them (the cache may have kept their results).
  if (scan.findings.some((finding) => isNotebook(finding.file))) await loadNotebookSupport();
  const keepSecretsIn = planOptions.keepSecretsIn ?? (await findUnrestorableFiles(scan.root, filesWithKeyValues(scan.findings)));
  const plan = planMigration(scan, provider, { ...planOptions, keepSecretsIn });
  return { scan, plan, changes: previewChanges(plan, scan.texts) };
}

/** Files with a key written in them: in code, or as a settings entry's value (the OpenAI key variable's, or one shaped like a key). */
function filesWithKeyValues(findings: readonly Finding[]): string[] {
  const files = findings.filter((finding) => finding.kind === 'api-key' || (finding.kind === 'env-var' && finding.detail?.entry?.valueKind === 'literal')).map((finding) => finding.file);
  return [...new Set(files)];
}
