import type { z } from 'zod';
import { redactSecrets } from '../core/redact.js';
import { CAPABILITY_KEYS } from '../providers/types.js';
import { FIELD_NAMES } from './schema.js';
import { nearest } from '../core/distance.js';

/**
 * One line per problem: `<path>: expected <what>, got <value>`, `<path>: unknown field …`, or
 * the sentence of a cross-field check. Values are shown short and with secrets redacted.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      // The only record with a closed set of keys.
      if (issue.path.at(-1) === 'capabilities') {
        return issue.keys.map((key) => line([...issue.path, key], `unknown capability; expected one of ${CAPABILITY_KEYS.join(', ')}`));
      }
      return issue.keys.map((key) => line([...issue.path, key], `unknown field${suggest(key)}`));
    }
    if (issue.code === 'invalid_key') {
      const inner = issue.issues[0];
      return [line(issue.path, `expected the key to be ${inner?.message ?? 'valid'}, got ${describeValue(issue.input)}`)];
    }
    if (issue.code === 'custom') return [line(issue.path, issue.message)];
    if (issue.code === 'invalid_type' && issue.input === undefined) return [line(issue.path, `missing; expected ${issue.message}`)];
    return [line(issue.path, `expected ${issue.message}, got ${describeValue(issue.input)}`)];
  });
}

/**
 * Messages for the checks the schema leaves without its own words, phrased as what was
 * expected. Passed to `safeParse` as its error map.
 */
export function expectedMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return article(issue.expected);
    case 'invalid_value':
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' ? 'a non-empty string' : `at least ${String(issue.minimum)}`;
    case 'invalid_format':
      return `a string in the form ${issue.format}`;
    default:
      return 'a valid value';
  }
}

function line(path: readonly PropertyKey[], text: string): string {
  return redactSecrets(path.length === 0 ? text : `${formatPath(path)}: ${text}`);
}

/** `providers[0].models["gpt-4o"]`: dotted names where they are identifiers, brackets elsewhere. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part))) out += out === '' ? String(part) : `.${String(part)}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

function article(type: string): string {
  if (type === 'null' || type === 'undefined') return type;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** "did you mean" for a near miss of a field name, ignoring case (`baseUrl` → `baseURL`). */
function suggest(key: string): string {
  const near = nearest(key, FIELD_NAMES);
  return near ? ` (did you mean "${near}"?)` : '';
}
