import type { Edit, Finding, Range, SettingEntry } from '../../core/types.js';
import { renderYamlScalar } from '../syntax/yaml-scalar.js';
import { neededVariables, type NeededVariable } from '../target.js';
import { edit, type RuleContext } from './types.js';

/** A reference to the key variable inside a value: `${OPENAI_API_KEY}`, `${{ secrets.OPENAI_API_KEY }}`. */
const KEY_IN_REFERENCE = /(?<![A-Za-z0-9_])[A-Z0-9_]*OPENAI_API_KEY(?![A-Za-z0-9_])/;

/**
 * The other variables the migrated code reads (Azure's endpoint), added beside the key entry of
 * a .env file, a compose `environment:` or a Kubernetes `env:` list, in the entry's own layout,
 * each under a comment saying what to put there; `keyVariable` first when the key entry itself
 * stays as it is. A reference (`${OPENAI_API_KEY}`) is mirrored for the new variable; otherwise
 * the value stays empty, never a made-up endpoint or a carried-over key. Nothing is added when
 * the file already names the variable.
 */
export function addNeededVariables(finding: Finding, entry: SettingEntry, ctx: RuleContext, keyVariable?: NeededVariable): Edit | undefined {
  if (finding.language !== 'env' && finding.language !== 'yaml') return undefined;
  const { text } = ctx;
  const { eol } = ctx.lines;
  const wanted = [...(keyVariable ? [keyVariable] : []), ...neededVariables(ctx.target, ctx.readsKey ?? true).filter((variable) => variable.name !== ctx.target.keyVar)];
  const missing = wanted.filter((variable) => !new RegExp(`(?<![A-Za-z0-9_])${variable.name}(?![A-Za-z0-9_])`).test(text));
  if (missing.length === 0) return undefined;
  const lineStart = text.lastIndexOf('\n', entry.name.start - 1) + 1;
  if (hasEarlierKeyInBlock(finding, lineStart, ctx)) return undefined;
  const prefix = text.slice(lineStart, entry.name.start);
  const indent = /^[ \t]*/.exec(prefix)![0];
  const reference = entry.valueKind === 'reference' && entry.value ? text.slice(entry.value.start, entry.value.end) : undefined;
  const isK8sItem = /-\s+name:\s*["']?$/.test(prefix);
  const separator = finding.language === 'env' || text[entry.name.end] === '=' ? '=' : ': ';
  const lines = missing.flatMap((variable) => {
    const value = reference !== undefined && KEY_IN_REFERENCE.test(reference) ? reference.replace(KEY_IN_REFERENCE, variable.name) : '';
    const comment = `${indent}# ${variable.note}`;
    if (finding.language !== 'yaml') return [comment, `${prefix}${variable.name}${separator}${value}`];
    // YAML names and empty values are written by the yaml library; a mirrored reference is the file's own text.
    const written = value === '' ? renderYamlScalar('', 'QUOTE_DOUBLE') : value;
    if (isK8sItem) return [comment, `${indent}- name: ${renderYamlScalar(variable.name, 'PLAIN')}`, `${indent}  value: ${written}`];
    // The entry's own quote, if any, opened its name (or its whole `- NAME=value` item).
    const opening = /["']$/.exec(prefix)?.[0];
    const bare = opening === undefined ? prefix : prefix.slice(0, -1);
    if (separator === '=') {
      // An unquoted `- NAME=${REF}` item mirrors the file's own; anything else is rendered anew.
      if (opening === undefined && value !== '') return [comment, `${prefix}${variable.name}=${value}`];
      return [comment, `${bare}${renderYamlScalar(`${variable.name}=${value}`, opening === "'" ? 'QUOTE_SINGLE' : opening === '"' ? 'QUOTE_DOUBLE' : 'PLAIN')}`];
    }
    return [comment, `${bare}${renderYamlScalar(variable.name, 'PLAIN')}: ${written}`];
  });
  const at = afterBlock(text, lineStart, finding.language === 'yaml');
  const atEnd = at === text.length && !text.endsWith('\n');
  const inserted = atEnd ? `${eol}${lines.join(eol)}` : `${lines.join(eol)}${eol}`;
  return edit(finding, { start: at, end: at } satisfies Range, inserted, `add ${missing.map((variable) => variable.name).join(', ')}, which the migrated code reads`);
}

/**
 * One addition per list or map: a second key entry of the same `env:` list (a legacy name
 * beside the current one), or of the same .env file, gets none. Another service or container,
 * a block at another indentation, gets its own.
 */
function hasEarlierKeyInBlock(finding: Finding, lineStart: number, ctx: RuleContext): boolean {
  const { text } = ctx;
  const indent = indentAt(text, lineStart);
  return ctx.fileFindings.some((other) => {
    const start = other.detail?.entry?.name.start;
    if (other === finding || other.kind !== 'env-var' || start === undefined || start >= finding.span.start || !KEY_IN_REFERENCE.test(other.name ?? '')) return false;
    const otherLine = text.lastIndexOf('\n', start - 1) + 1;
    if (indentAt(text, otherLine) !== indent) return false;
    // Every line between the two is nested at least as deep: the same block.
    for (let line = nextLine(text, otherLine); line < lineStart; line = nextLine(text, line)) {
      if (text.slice(line, nextLine(text, line)).trim() !== '' && indentAt(text, line) < indent) return false;
    }
    return true;
  });
}

function indentAt(text: string, lineStart: number): number {
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0].length;
}

/** The start of the line after the entry: in YAML, after the lines nested under it (`valueFrom:` …). */
function afterBlock(text: string, lineStart: number, isYaml: boolean): number {
  const column = indentAt(text, lineStart);
  let next = nextLine(text, lineStart);
  while (isYaml && next < text.length) {
    const line = text.slice(next, nextLine(text, next)).replace(/\r?\n$/, '');
    if (line.trim() === '' || indentAt(text, next) <= column) break;
    next = nextLine(text, next);
  }
  return next;
}

function nextLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline + 1;
}
