import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { withLfBreaks } from '../../core/line-breaks.js';
import { LineIndex } from '../../core/span.js';
import type { Range } from '../../core/types.js';
import { SettingsCollector, verbatimRange, type SettingValue } from './settings.js';
import type { FileScan, Frontend, SourceText } from './types.js';

type ParsedYaml = { ok: true; documents: Document.Parsed[] } | { ok: false; message: string };

/**
 * Every document of the stream (Kubernetes manifests hold several); the first error fails the
 * file. YAML ends lines with LF, CRLF or a lone CR; the parser knows the first two, so it reads
 * lone CRs as LFs (same offsets).
 */
function parseYaml(text: string): ParsedYaml {
  const documents = parseAllDocuments(withLfBreaks(text), { prettyErrors: false });
  for (const document of documents) {
    const error = document.errors[0];
    if (error !== undefined) {
      const { line, column } = new LineIndex(text).span(error.pos[0], error.pos[0]);
      return { ok: false, message: `${line}:${column} ${error.message}` };
    }
  }
  return { ok: true, documents: [...documents] };
}

/** A string scalar as a setting value; undefined for anything else (null, numbers, collections, aliases). */
function yamlString(node: unknown, text: string): SettingValue | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const isQuoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  // Block scalars (`|`, `>`) never map 1:1: their source holds the header and the indentation.
  const inner = isQuoted ? { start: start + 1, end: end - 1 } : node.type === 'PLAIN' ? { start, end } : undefined;
  const range = inner && verbatimRange(text, inner, node.value);
  return { text: node.value, source: { start, end }, emptyText: node.type === 'PLAIN' ? '""' : '', ...(range ? { range } : {}) };
}

function yamlKey(node: unknown, text: string): { text: string; range?: Range } | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  const range = yamlString(node, text)?.range;
  return { text: String(node.value), ...(range ? { range } : {}) };
}

function collectYaml(collector: SettingsCollector, text: string, node: unknown, keys: readonly string[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = yamlKey(pair.key, text);
      if (key === undefined) continue;
      const value = yamlString(pair.value, text);
      collector.addEntry({ name: key.text, path: keys, ...(key.range ? { nameRange: key.range } : {}), ...(value ? { value } : {}) });
      if (value === undefined) collectYaml(collector, text, pair.value, [...keys, key.text]);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const value = yamlString(item, text);
      if (value) collector.addListItem(keys, value);
      else if (!(isMap(item) && collectEnvListItem(collector, text, item, keys))) collectYaml(collector, text, item, keys);
    }
  }
}

/**
 * A Kubernetes-style `env:` item, `- name: OPENAI_API_KEY` with `value:` or `valueFrom:`, is
 * one entry named by its `name`. Returns false when `item` is not one.
 */
function collectEnvListItem(collector: SettingsCollector, text: string, item: YAMLMap, keys: readonly string[]): boolean {
  const name = yamlString(item.get('name', true), text);
  if (name === undefined || !(item.has('value') || item.has('valueFrom'))) return false;
  const value = yamlString(item.get('value', true), text);
  const isReference = item.has('valueFrom');
  collector.addEntry({ name: name.text, path: keys, isReference, ...(name.range ? { nameRange: name.range } : {}), ...(value ? { value } : {}) });
  for (const pair of item.items) {
    const key = yamlKey(pair.key, text)?.text;
    if (key !== 'name' && key !== 'value') collectYaml(collector, text, pair.value, [...keys, name.text, key ?? '']);
  }
  return true;
}

function scanYaml(file: SourceText): FileScan<null> {
  const parsed = parseYaml(file.text);
  if (!parsed.ok) return parsed;
  const collector = new SettingsCollector(file.path, 'yaml', file.text);
  for (const document of parsed.documents) collectYaml(collector, file.text, document.contents, []);
  return { ok: true, findings: collector.finish(), facts: null };
}

/** YAML settings: docker compose files, Kubernetes manifests, GitHub workflows, Helm values …; lock files are never read. */
export const yamlFrontend: Frontend<null> = {
  id: 'yaml',
  scan: scanYaml,
  verify(_file, text) {
    const parsed = parseYaml(text);
    return parsed.ok ? null : parsed.message;
  },
};
