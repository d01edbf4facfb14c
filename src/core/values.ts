import { redactSecrets } from './redact.js';

/**
 * Checks for the values a user supplies that end up in migrated source or in commands: model
 * ids, base URLs, provider ids and environment variable names. They are checked where they
 * enter (the command line, the configuration file, custom providers), so that nothing hostile
 * reaches the code writers; each check returns what is wrong, or undefined.
 */

/**
 * NUL, and the characters that make text read differently from how it runs: the bidirectional
 * embeddings, overrides and isolates, and the implicit marks ("Trojan Source", CVE-2021-42574).
 */
const UNSAFE_CHARACTER = /[\u0000\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The first NUL or bidirectional control character of `value`, as `U+202E`; undefined if none. */
export function findUnsafeCharacter(value: string): string | undefined {
  const match = UNSAFE_CHARACTER.exec(value);
  return match === null ? undefined : `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a value that holds `U+…`, for a one-line message. */
export function describeUnsafeCharacter(code: string): string {
  return code === 'U+0000' ? 'contains a NUL character' : `contains the bidirectional control character ${code}`;
}

/**
 * Model ids and deployment names as providers spell them: `gpt-4o`, `glm-4.5-air`,
 * `Qwen/Qwen2.5-72B-Instruct`, `ft:gpt-4o-mini:acme::abc`, `ep-20240611-xyz`, `claude@2024`.
 */
export const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}$/;
/** An id or a pattern in which `*` stands for any characters (`gpt-4o*`, `*-preview`). */
export const MODEL_PATTERN = /^(?=[^*]*[A-Za-z0-9])[A-Za-z0-9*][A-Za-z0-9._:/@*-]{0,199}$/;
/** kebab-case: `zhipu`, `my-gateway`. */
export const PROVIDER_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/**
 * A provider's display name: one line of text. It is written into comments of settings files
 * (`# Acme Gateway: ACME_HOST`), where a line break would start a setting of its own.
 */
export const DISPLAY_NAME = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/;
/** A POSIX-style environment variable name. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * `http(s)://` and then no character that could close a string or open an expression in the
 * code the URL is written into; `{name}` placeholders are filled from environment variables.
 */
export const HTTP_URL = /^https?:\/\/(?:[A-Za-z0-9\-._~:/?#[\]@!&*+,;=%]|\{[A-Za-z_][A-Za-z0-9_]*\})+$/;

const MODEL_ID_EXPECTED = 'a model id of letters, digits and . _ - : / @ (such as "glm-4.6")';

export function checkModelId(value: string): string | undefined {
  if (!MODEL_ID.test(value)) return MODEL_ID_EXPECTED;
  return holdsSecret(value) ? 'a model id, not an API key' : undefined;
}

export function checkModelPattern(value: string): string | undefined {
  return MODEL_PATTERN.test(value) ? undefined : 'an OpenAI model id or a pattern with * (such as "gpt-4o*")';
}

/**
 * An absolute http(s) URL with a host and no user name or password (a key in a URL would be
 * written into source), which the WHATWG parser accepts once its placeholders are filled in.
 */
export function checkHttpUrl(value: string): string | undefined {
  const expected = 'an http(s) URL such as "https://llm.example.com/v1"';
  if (!HTTP_URL.test(value)) return expected;
  let url: URL;
  try {
    url = new URL(value.replace(/\{[A-Za-z_][A-Za-z0-9_]*\}/g, 'placeholder'));
  } catch {
    return expected;
  }
  if (url.hostname === '') return expected;
  if (url.username !== '' || url.password !== '') return 'an http(s) URL without a user name or password';
  // Migrated code would carry it: keys belong in the environment.
  if (holdsSecret(value)) return 'an http(s) URL without an API key in it';
  return undefined;
}

/** Whether redaction would hide part of `value`: a key, or a secret-named parameter's value. */
function holdsSecret(value: string): boolean {
  return redactSecrets(value) !== value || redactSecrets(`"${value}"`.replace(/[?&]/g, '\n')) !== `"${value}"`.replace(/[?&]/g, '\n');
}

/** Every string (key or value) of parsed JSON that holds an unsafe character, with its path. */
export function findUnsafeStrings(data: unknown): { path: PropertyKey[]; code: string }[] {
  const found: { path: PropertyKey[]; code: string }[] = [];
  // A stack, not recursion: the data may nest as deep as the JSON parser allows.
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      const code = findUnsafeCharacter(value);
      if (code !== undefined) found.push({ path, code });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const code = findUnsafeCharacter(key);
        if (code !== undefined) found.push({ path: [...path, key], code });
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}

/** `text` with every unsafe character shown as its escape (`\u202e`), for messages that echo input. */
export function escapeUnsafeCharacters(text: string): string {
  return text.replace(new RegExp(UNSAFE_CHARACTER.source, 'gu'), (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
