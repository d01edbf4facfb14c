import { InputError } from '../core/errors.js';
import { readJsonFile } from '../core/read-json.js';
import type { Finding } from '../core/types.js';
import { requestedDimensions, requestFeatures } from '../plan/request-features.js';
import type { ProbedCall } from './probes.js';
import type { Feature } from './types.js';

/** The API calls of a scan, with what each one's request uses. */
export function callsOfFindings(findings: readonly Finding[]): ProbedCall[] {
  return findings
    .filter((finding) => finding.kind === 'api-call' && finding.api !== undefined)
    .map((finding) => {
      const dimensions = requestedDimensions(finding);
      return {
        file: finding.file,
        line: finding.span.line,
        api: finding.api!,
        ...(finding.model !== undefined ? { model: finding.model } : {}),
        features: requestFeatures(finding),
        ...(dimensions !== undefined ? { dimensions } : {}),
      };
    });
}

const FEATURES = new Set<string>(['tools', 'json_object', 'json_schema', 'stream', 'vision', 'dimensions']);

interface SavedFinding {
  file?: unknown;
  line?: unknown;
  kind?: unknown;
  api?: unknown;
  model?: unknown;
  uses?: unknown;
}

/** A plan saved with `plan --format json`: its target and API calls. */
export async function readSavedPlan(cwd: string, file: string): Promise<{ target: string; calls: ProbedCall[] }> {
  const read = await readJsonFile(cwd, file);
  if (!read.ok && read.isNotJson) throw new InputError(`${file} is not JSON`, 'save it with `migrate-openai plan --to <provider> --format json --out plan.json`');
  if (!read.ok) throw new InputError(`cannot read ${file}: ${read.problem}`);
  const document = read.value as { target?: unknown; findings?: unknown } | null;
  if (typeof document?.target !== 'string' || !Array.isArray(document.findings)) {
    throw new InputError(`${file} is not a saved plan (no target or findings)`, 'save it with `migrate-openai plan --to <provider> --format json --out plan.json`');
  }
  const calls = (document.findings as SavedFinding[]).flatMap((finding): ProbedCall[] => {
    if (finding?.kind !== 'api-call' || typeof finding.api !== 'string' || typeof finding.file !== 'string' || typeof finding.line !== 'number') return [];
    const uses = Array.isArray(finding.uses) ? finding.uses.filter((use): use is Feature => typeof use === 'string' && FEATURES.has(use)) : [];
    return [{ file: finding.file, line: finding.line, api: finding.api, ...(typeof finding.model === 'string' ? { model: finding.model } : {}), features: uses }];
  });
  return { target: document.target, calls };
}
