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

// Not a reference (`${…}`, `$VAR`), not already redacted, and not code (`process.env.X`, `getKey()`).
// ESC is never part of a value: a colour code after an empty value is not a secret to hide.
const SECRET_VALUE = String.raw`(?!(?:process|import|Deno|Bun)\.)(?![\w-]*\*\*\*)[^\s"'#$*,\\(\x1b][^\s"'#,\\(\x1b]*(?![\w(])`;

/**
 * A name that says its value is secret, in any case style: `OPENAI_API_KEY`, `azureKey`,
 * `api-key`, `x-api-key`, `clientSecret`, `db_password`, `authToken`.
 */
const SECRET_NAME = /(?:key|secret|token|password|passwd|credentials?)$/i;

/**
 * `name = value`, `name: value`, `"name": "value"`, `'name': 'value'`, `- NAME=value`. The name
 * is matched whole from its first character (the lookahead and back-reference keep the engine
 * from retrying shorter names), so a long line costs one pass. A diff's `+`/`-` may precede it,
 * and so may a colour code.
 */
const ASSIGNMENT = new RegExp(String.raw`(?:(?<![\w.-])|(?<=^[+-])|(?<=\x1b\[[\d;]*m[+-]?))(?=([A-Za-z_][\w.-]*))\1(["']?[ \t]*[:=][ \t]*)(["']?)(?=(${SECRET_VALUE}))`, 'gm');
/** A private-use character marks a secret value to cut. */
const CUT = '\uE000';
const CUT_VALUE = new RegExp(String.raw`${CUT}(?:${SECRET_VALUE})`, 'g');

/** Kubernetes and compose env items: `- name: AZURE_OPENAI_API_KEY` with `value: …` on the next line. */
const ENV_ITEM = new RegExp(String.raw`(-[ \t]+name:[ \t]*["']?([A-Za-z_][\w.-]*)["']?[ \t]*\r?\n[ \t]+value:[ \t]*["']?)(${SECRET_VALUE})`, 'g');

/** `Authorization: Bearer <token>` in any form (header objects, curl lines, fetch calls). */
const BEARER = /\b(Bearer[ \t]+)(?!\$\{)([A-Za-z0-9._~+/-]{8,}=*)/g;

/** A key handed to Azure's credential class (`new AzureKeyCredential('…')`, in JavaScript or Python), whatever its shape. */
const KEY_CREDENTIAL = /\b((?:Azure)?KeyCredential\(\s*)(["'`])([^"'`\\\r\n$]{8,})\2/g;

/** Azure keys are 32 hex digits; as the `value` of an env item they are a key whatever the name says. */
const AZURE_KEY_VALUE = /(\bvalue[ \t]*[:=][ \t]*["']?)([0-9a-fA-F]{32})(?![0-9A-Za-z])/g;

/** An OpenAI key glued to a letter (`Bearersk-proj-…`, `keysk-…`): only the unmistakable prefixes. */
const GLUED_OPENAI_KEY = /(?<=[A-Za-z0-9])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}/g;

/** A token written with escapes (`sk\u002dproj\u002d…`, `sk\x2d…`): decoded, then checked for a key. */
const ESCAPE = String.raw`\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\}|\\x[0-9a-fA-F]{2}|\\[-_]`;
// From the start of a run only, so a long run without escapes is tried once.
const ESCAPED_TOKEN = new RegExp(String.raw`(?<![A-Za-z0-9_\\-])(?:[A-Za-z0-9_-]|${ESCAPE})*(?:${ESCAPE})(?:[A-Za-z0-9_-]|${ESCAPE})*`, 'g');

/** An unquoted value that reads like code (`key`, `config.apiKey`) rather than a secret. */
const CODE_REFERENCE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\[?$/;
/**
 * Values that are no secret: an environment variable's name (`valueFrom`, `secretKeyRef.key`),
 * a number (a count of keys in a report), a boolean, null.
 */
const PLAIN_VALUE = /^(?:[A-Z][A-Z0-9_]*|\d+(?:\.\d+)?|true|false|null)$/;

/**
 * Replaces every key-shaped substring of `text`, and the values of secret-named settings,
 * whatever the format: dotenv, YAML, JSON, code, diffs, error messages. Every reporter and
 * every error line passes its output through this.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(ESCAPED_TOKEN, (token) => (new RegExp(OPENAI_KEY_PATTERN.source).test(decodeEscapes(token)) ? 'sk-***' : token))
    .replace(OPENAI_KEY_PATTERN, redactKey)
    .replace(GLUED_OPENAI_KEY, redactKey)
    .replace(ENV_ITEM, (whole, head: string, name: string, value: string) => (isSecretValue(name, value, true) ? `${head}***` : whole))
    // The value is only looked at (a lookahead), so a value that holds an assignment itself
    // (`"snippet": "API_KEY: …"`) is searched too; a secret one is marked, then cut.
    .replace(ASSIGNMENT, (head: string, name: string, _separator: string, quote: string, value: string, offset: number, all: string) =>
      isSecretValue(name, value, quote !== '' || ENV_STYLE_NAME.test(name) || startsLine(all, offset)) ? `${head}${CUT}` : head,
    )
    .replace(CUT_VALUE, '***')
    .replace(BEARER, (_, head: string) => `${head}***`)
    .replace(KEY_CREDENTIAL, (_, head: string, quote: string) => `${head}${quote}***${quote}`)
    .replace(AZURE_KEY_VALUE, (_, head: string) => `${head}***`);
}

/** Characters JSON writes escaped: a string holding one reads differently once encoded. */
const ESCAPED_IN_JSON = /["\\\u0000-\u001f]/;

/**
 * `JSON.stringify(value, null, 2)` with secrets redacted. A string whose JSON form differs from
 * its text (quotes, backslashes and line breaks are escaped) is redacted before it is encoded,
 * since the patterns read the text as written (`AzureKeyCredential("…")`, a `value:` on the
 * next line); the whole document is redacted after, for what only the encoding shows whole
 * (`"azureKey": "…"`, where the name and the value are separate strings).
 */
export function stringifyRedacted(value: unknown): string {
  const encoded = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' && ESCAPED_IN_JSON.test(item) ? redactSecrets(item) : item), 2);
  return redactSecrets(`${encoded}\n`);
}

/**
 * A value held by a secret-named setting is hidden, unless it is plainly a name or code. An
 * unquoted value counts only in a setting's form (an `UPPER_CASE` name, or a name that starts
 * its line), so prose such as "the key: hard-coded" stays as it is.
 */
function isSecretValue(name: string, value: string, isSettingForm: boolean): boolean {
  const bare = value.replace(/[)\];]+$/, '');
  if (!isSettingForm || !SECRET_NAME.test(name) || PLAIN_VALUE.test(bare)) return false;
  return !CODE_REFERENCE.test(bare) || /\d/.test(bare);
}

/** `UPPER_SNAKE`: how settings, not code or prose, name things. */
const ENV_STYLE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Whether only indentation, a list dash or a diff marker precedes `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  for (let index = offset - 1; index >= 0; index--) {
    const char = text[index]!;
    if (char === '\n') return true;
    if (char !== ' ' && char !== '\t' && char !== '-' && char !== '+') return false;
  }
  return true;
}

function decodeEscapes(token: string): string {
  return token.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\(.)/g, (_, braced?: string, unicode?: string, hex?: string, plain?: string) =>
    plain ?? String.fromCodePoint(Number.parseInt((braced ?? unicode ?? hex)!, 16)),
  );
}
