import { InputError } from '../core/errors.js';
import { readJsonFile } from '../core/read-json.js';
import type { Finding, ManualAction } from '../core/types.js';
import { redactSecrets } from '../core/redact.js';

/**
 * What a previous JSON report (`scan`, `plan` or `report --format json`) already listed, as
 * counts of identities that do not depend on line numbers, so that moved code stays known.
 */
export interface Baseline {
  findings: Map<string, number>;
  manual: Map<string, number>;
}

interface ListedFinding {
  file: string;
  kind: string;
  snippet?: string;
  api?: string;
  model?: string;
  name?: string;
  version?: string;
  symbol?: string;
}

export async function loadBaseline(cwd: string, file: string): Promise<Baseline> {
  const read = await readJsonFile(cwd, file);
  if (!read.ok) throw new InputError(`cannot read the baseline ${file}: ${read.problem}`);
  const { findings, manual } = (read.value ?? {}) as { findings?: unknown; manual?: unknown };
  if (!Array.isArray(findings) && !Array.isArray(manual)) {
    throw new InputError(`${file} is not a migrate-openai JSON report`, 'write one with `scan --format json --out <file>` (or plan/report)');
  }
  return {
    findings: tally((Array.isArray(findings) ? findings : []).filter(isListedFinding).map(findingIdentity)),
    manual: tally((Array.isArray(manual) ? manual : []).filter(isListedAction).map(actionIdentity)),
  };
}

/**
 * For each item, whether the baseline does not list it. Each listed identity excuses as many
 * occurrences as the baseline had, so a second copy of a known problem is still new.
 */
export function isNewSinceBaseline<T extends Finding | ManualAction>(items: readonly T[], counts: ReadonlyMap<string, number>, identity: (item: T) => string): boolean[] {
  const left = new Map(counts);
  return items.map((item) => {
    const key = identity(item);
    const remaining = left.get(key) ?? 0;
    if (remaining === 0) return true;
    left.set(key, remaining - 1);
    return false;
  });
}

/** Outputs are redacted, so identities are built from redacted text on both sides. */
export function findingIdentity(finding: ListedFinding): string {
  const { file, kind, api, model, name, version, symbol, snippet } = finding;
  return JSON.stringify([file, kind, api, model, name, version, symbol, redactSecrets(snippet ?? '').trim()]);
}

export function actionIdentity(action: Pick<ManualAction, 'file' | 'code' | 'message'>): string {
  return JSON.stringify([action.file, action.code, redactSecrets(action.message)]);
}

function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function isListedFinding(value: unknown): value is ListedFinding {
  const candidate = value as ListedFinding | null;
  return typeof candidate?.file === 'string' && typeof candidate.kind === 'string';
}

function isListedAction(value: unknown): value is ManualAction {
  const candidate = value as ManualAction | null;
  return typeof candidate?.file === 'string' && typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
