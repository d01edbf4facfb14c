import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { redactSecrets } from '../core/redact.js';
import type { FileChange } from '../plan/preview.js';
import type { Reporter } from './types.js';

/** A unified diff of every changed file, with a/ b/ prefixes so `git apply` takes it. */
export function unifiedDiff(changes: readonly FileChange[]): string {
  return changes
    .map((change) =>
      createTwoFilesPatch(`a/${change.file}`, `b/${change.file}`, change.before, change.after, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      }),
    )
    .join('');
}

export const renderDiff: Reporter = ({ plan }) => redactSecrets(unifiedDiff(plan?.changes ?? []));
