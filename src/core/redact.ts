/**
 * OpenAI secret keys: `sk-…`, `sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`. The body is long and
 * random; requiring 20+ characters keeps ordinary identifiers like `sk-learn` out.
 */
export const OPENAI_KEY_PATTERN = /\bsk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g;

export function isOpenAIKey(value: string): boolean {
  return new RegExp(`^${OPENAI_KEY_PATTERN.source}$`).test(value);
}

/** Keeps the key's prefix so a reader can tell which key it was, and hides the rest. */
export function redactKey(key: string): string {
  const prefix = /^sk-(?:proj-|svcacct-|admin-|None-)?/.exec(key)?.[0] ?? '';
  return `${prefix}***`;
}

/** Replaces every key-shaped substring of `text`. Every reporter passes its output through this. */
export function redactSecrets(text: string): string {
  return text.replace(OPENAI_KEY_PATTERN, redactKey);
}
