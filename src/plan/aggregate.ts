import { compareStrings } from '../core/compare.js';
import type { CallSite, ManualAction } from '../core/types.js';
import type { ManualCode } from './codes.js';

/** Problems that exist once per project however many calls share them (one deployment per model). */
const PROJECT_WIDE: ReadonlySet<ManualCode> = new Set(['create-deployment']);

/**
 * One action per problem: project-wide actions with the same code and message become one, at
 * their first place, listing every place in `callSites`.
 */
export function mergeProjectActions(actions: readonly ManualAction[]): ManualAction[] {
  const merged = new Map<string, ManualAction & { callSites: CallSite[] }>();
  const kept: ManualAction[] = [];
  const ordered = [...actions].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
  for (const action of ordered) {
    if (!PROJECT_WIDE.has(action.code as ManualCode)) {
      kept.push(action);
      continue;
    }
    const key = `${action.code}\u0000${action.message}`;
    const sites = action.callSites ?? [{ file: action.file, line: action.line }];
    const existing = merged.get(key);
    if (existing) existing.callSites.push(...sites);
    else {
      const first = { ...action, callSites: [...sites] };
      merged.set(key, first);
      kept.push(first);
    }
  }
  return kept;
}
