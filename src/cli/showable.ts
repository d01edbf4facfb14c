import { redactSecrets } from '../core/redact.js';
import { escapeUnsafeCharacters } from '../core/values.js';

/**
 * A message line as it may be shown: secrets redacted, hidden characters escaped. An error
 * echoes what the user typed, and a run of 32 hex digits typed there is most likely an Azure key.
 */
export function showable(text: string): string {
  return redactSecrets(escapeUnsafeCharacters(text)).replace(/(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])/g, '***');
}
