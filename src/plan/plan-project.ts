import type { Plan, ScanResult } from '../core/types.js';
import type { Provider } from '../providers/types.js';
import { scanProject, type ScanOptions } from '../scan/scan.js';
import { planMigration } from './plan.js';
import { previewChanges, type FileChange } from './preview.js';
import type { PlanOptions } from './target.js';

export interface ProjectPlan {
  scan: ScanResult;
  plan: Plan;
  changes: FileChange[];
}

/** Scans the project and plans its migration to `provider`; writes nothing. */
export async function planProject(scanOptions: ScanOptions, provider: Provider, planOptions: PlanOptions = {}): Promise<ProjectPlan> {
  const scan = await scanProject(scanOptions);
  const plan = planMigration(scan, provider, planOptions);
  return { scan, plan, changes: previewChanges(plan, scan.texts) };
}
