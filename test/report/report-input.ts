import path from 'node:path';
import { planProject } from '../../src/plan/plan-project.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import type { ReportInput } from '../../src/report/types.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
/** What the CLI passes reporters, with the version and clock fixed. */
export const CONTEXT = { color: 0, version: '0.0.0-test', elapsedMs: 0 } as const;

/** `report --to <target>` on `fixtures/<name>/input`, as the command builds it; `<id>@<region>` picks a region. */
export async function reportInput(name: string, target: string): Promise<ReportInput> {
  const root = path.join(FIXTURES, name, 'input');
  const [id, region] = target.split('@') as [string, string | undefined];
  const provider = getProviderOrThrow(id);
  const { scan, plan, changes } = await planProject({ root, paths: [root] }, provider, { region });
  return { scan, plan: { plan, providerName: provider.name, changes }, isReport: true };
}
