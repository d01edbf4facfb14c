import { compareStrings } from '../core/compare.js';
import { InputError } from '../core/errors.js';
import { readJsonFile } from '../core/read-json.js';
import type { ManualAction } from '../core/types.js';
import type { VerifyResult } from './types.js';

/** A result saved with `verify --format json --out verify.json`, for `report --verified`. */
export async function readVerifyResult(cwd: string, file: string, providerId: string): Promise<VerifyResult> {
  const read = await readJsonFile(cwd, file);
  if (!read.ok) throw new InputError(`cannot read ${file} as JSON: ${read.problem}`);
  const document = read.value as (Partial<VerifyResult> & { schemaVersion?: unknown }) | null;
  if (document?.schemaVersion !== 1 || !Array.isArray(document.checks) || typeof document.provider?.id !== 'string' || document.access === undefined) {
    throw new InputError(`${file} is not a verify result`, 'save one with `migrate-openai verify --to <provider> --format json --out verify.json`');
  }
  if (document.provider.id !== providerId) throw new InputError(`${file} verified ${document.provider.id}, not ${providerId}`);
  return document as VerifyResult;
}

/** A failed check is an error at each call site that depends on it. */
export function verificationActions(result: VerifyResult): ManualAction[] {
  const actions = result.checks.flatMap((check) =>
    check.status !== 'fail'
      ? []
      : check.sites.map((site): ManualAction => ({
          file: site.file,
          line: site.line,
          severity: 'error',
          code: 'verify-failed',
          message: `verify: ${result.provider.name} refused ${check.probe === 'basic' ? check.api : `${check.api} with ${check.probe}`} for ${check.model ?? 'this model'} with your key: ${check.message}`,
        })),
  );
  return actions.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.message, b.message));
}
