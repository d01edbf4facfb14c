import { redactSecrets } from '../core/redact.js';
import { escapeUnsafeCharacters } from '../core/values.js';

/** A message line as it may be shown: secrets redacted, hidden characters escaped. */
export function showable(text: string): string {
  return redactSecrets(escapeUnsafeCharacters(text));
}
