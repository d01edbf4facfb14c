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

/**
 * Settings-style assignments of a secret-named variable: `OPENAI_API_KEY=abc` (dotenv, shell),
 * `API_TOKEN: abc` at the start of a (YAML or diff) line, `"OPENAI_API_KEY": "abc"` (JSON).
 * Keys of other providers are not `sk-` shaped, so the name is what marks the value as secret.
 * References (`${…}`, `$VAR`) and values already redacted are kept.
 */
const SECRET_NAME = String.raw`[A-Z][A-Z0-9_]*(?:KEY|SECRET|TOKEN|PASSWORD)`;
// Not a reference (`${…}`, `$VAR`), not already redacted, and not code (`process.env.X`, `getKey()`).
// ESC is never part of a value: a colour code after an empty value is not a secret to hide.
const SECRET_VALUE = String.raw`(?!(?:process|import|Deno|Bun)\.)(?![\w-]*\*\*\*)[^\s"'#$*,\\(\x1b][^\s"'#,\\(\x1b]*(?![\w(])`;
const SECRET_ASSIGNMENTS = [
  new RegExp(String.raw`\b(${SECRET_NAME}=["']?)(${SECRET_VALUE})`, 'g'),
  new RegExp(String.raw`^([ \t+-]*(?:-[ \t]+)?${SECRET_NAME}[ \t]*:[ \t]+["']?)(${SECRET_VALUE})`, 'gm'),
  new RegExp(String.raw`("${SECRET_NAME}"[ \t]*:[ \t]*")(${SECRET_VALUE})`, 'g'),
  // Code: `apiKey: 'literal'`, `api_key="literal"` (only quoted literals; reads stay visible).
  new RegExp(String.raw`\b((?:api_?key|apiKey|apiToken|api_token|secret|password)["']?[ \t]*[:=][ \t]*["'])(${SECRET_VALUE})(?=["'])`, 'gi'),
];

/**
 * Replaces every key-shaped substring of `text`, and the values of secret-named settings.
 * Every reporter passes its output through this.
 */
export function redactSecrets(text: string): string {
  return SECRET_ASSIGNMENTS.reduce(
    (redacted, pattern) => redacted.replace(pattern, (_, name: string) => `${name}***`),
    text.replace(OPENAI_KEY_PATTERN, redactKey),
  );
}
