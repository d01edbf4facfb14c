import type { Plan, ScanResult } from '../core/types.js';
import { loadFrontendsFor } from '../scan/frontends/index.js';
import { applyFiles, type ApplyOptions, type FileOutcome } from './apply.js';
import { groupByFile } from '../core/group.js';

/**
 * Writes a plan: every edited file is spliced, parsed again by its own frontend, checked
 * against the disk, and written atomically. Files the plan does not edit are not touched.
 */
export async function applyPlan(scan: ScanResult, plan: Plan, options: Pick<ApplyOptions, 'dryRun' | 'signal'> = {}): Promise<FileOutcome[]> {
  const files = [...groupByFile(plan.edits)].map(([file, edits]) => ({ file, original: scan.texts.get(file) ?? '', edits }));
  const frontendOf = await loadFrontendsFor(files.map(({ file }) => file));
  return applyFiles(files, {
    root: scan.root,
    dryRun: options.dryRun,
    ...(options.signal ? { signal: options.signal } : {}),
    verify: (file, text) => frontendOf(file)?.verify(file, text) ?? null,
  });
}
