import { ts } from './typescript/ts.js';
import { LineIndex } from '../../core/span.js';
import type { Range } from '../../core/types.js';
import { SettingsCollector, verbatimRange, type SettingValue } from './settings.js';
import type { FileScan, Frontend, SourceText } from './types.js';

export type ParsedJson = { ok: true; file: ts.JsonSourceFile; root: ts.Expression | undefined } | { ok: false; message: string };

/**
 * TypeScript's JSON parser: syntax only, with offsets, and tolerant of the comments and
 * trailing commas of JSONC files (tsconfig.json, devcontainer.json, VS Code settings).
 */
export function parseJson(file: string, text: string): ParsedJson {
  const parsed = ts.parseJsonText(file, text);
  const diagnostics = (parsed as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first !== undefined) {
    const { line, column } = new LineIndex(text).span(first.start ?? 0, first.start ?? 0);
    return { ok: false, message: `${line}:${column} ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}` };
  }
  return { ok: true, file: parsed, root: parsed.statements[0]?.expression };
}

/** A string literal as a setting value; undefined for anything else. */
export function jsonString(node: ts.Node, file: ts.JsonSourceFile): SettingValue | undefined {
  if (!ts.isStringLiteral(node)) return undefined;
  const source = { start: node.getStart(file), end: node.getEnd() };
  const range = verbatimRange(file.text, { start: source.start + 1, end: source.end - 1 }, node.text);
  return { text: node.text, source, emptyText: '', ...(range ? { range } : {}) };
}

/** A property's key and, when it is written verbatim, where. */
export function jsonKey(name: ts.PropertyName, file: ts.JsonSourceFile): { text: string; range?: Range } | undefined {
  if (ts.isStringLiteral(name)) {
    const range = jsonString(name, file)?.range;
    return { text: name.text, ...(range ? { range } : {}) };
  }
  if (ts.isIdentifier(name)) return { text: name.text, range: { start: name.getStart(file), end: name.getEnd() } };
  if (ts.isNumericLiteral(name)) return { text: name.text };
  return undefined;
}

/** Spell-checker word lists (`cspell.words` in VS Code settings, `words` in cspell.json) name words, not settings. */
const WORD_LIST = /^(?:c[sS]pell\.)?(?:words|userWords|ignoreWords|flagWords)$/;

/** Where the JSON helpers put what they find: a settings collector, or one that shifts offsets. */
export type EntrySink = Pick<SettingsCollector, 'addEntry' | 'addListItem'>;

/** Every property and array item of the document, as settings entries. */
export function collectJsonEntries(collector: EntrySink, file: ts.JsonSourceFile, node: ts.Node, keys: readonly string[] = []): void {
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const key = jsonKey(property.name, file);
      if (key === undefined || WORD_LIST.test(key.text)) continue;
      const value = jsonString(property.initializer, file);
      collector.addEntry({ name: key.text, path: keys, ...(key.range ? { nameRange: key.range } : {}), ...(value ? { value } : {}) });
      if (value === undefined) collectJsonEntries(collector, file, property.initializer, [...keys, key.text]);
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) {
      const value = jsonString(element, file);
      if (value) collector.addListItem(keys, value);
      else collectJsonEntries(collector, file, element, keys);
    }
  }
}

/**
 * A report this tool wrote (`--format json --out plan.json`) names OpenAI models and keys
 * because it describes them: it is not a settings file to migrate.
 */
function isOwnReport(root: ts.Expression | undefined, file: ts.JsonSourceFile): boolean {
  if (root === undefined || !ts.isObjectLiteralExpression(root)) return false;
  const tool = root.properties.find((p) => ts.isPropertyAssignment(p) && jsonKey(p.name, file)?.text === 'tool');
  if (tool === undefined || !ts.isPropertyAssignment(tool) || !ts.isObjectLiteralExpression(tool.initializer)) return false;
  return tool.initializer.properties.some(
    (p) => ts.isPropertyAssignment(p) && jsonKey(p.name, file)?.text === 'name' && ts.isStringLiteral(p.initializer) && p.initializer.text === 'migrate-openai',
  );
}

function scanJson(file: SourceText): FileScan<null> {
  const parsed = parseJson(file.path, file.text);
  if (!parsed.ok) return parsed;
  const collector = new SettingsCollector(file.path, 'json', file.text);
  if (parsed.root && !isOwnReport(parsed.root, parsed.file)) collectJsonEntries(collector, parsed.file, parsed.root);
  return { ok: true, findings: collector.finish(), facts: null };
}

export function verifyJson(file: string, text: string): string | null {
  const parsed = parseJson(file, text);
  return parsed.ok ? null : parsed.message;
}

/** The non-blank lines of a JSON Lines file (batch inputs, fine-tuning data) with their offsets. */
function* jsonLines(text: string): Generator<{ offset: number; line: string; number: number }> {
  let offset = 0;
  let number = 1;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') yield { offset, line, number };
    offset += line.length + 1;
    number++;
  }
}

/** What the JSON helpers find in one line, moved to where the line sits in the file. */
function shiftedSink(collector: SettingsCollector, offset: number): EntrySink {
  const move = (range: Range): Range => ({ start: range.start + offset, end: range.end + offset });
  const moveValue = (value: SettingValue): SettingValue => ({ ...value, source: move(value.source), ...(value.range ? { range: move(value.range) } : {}) });
  return {
    addEntry: (entry) => collector.addEntry({ ...entry, ...(entry.nameRange ? { nameRange: move(entry.nameRange) } : {}), ...(entry.value ? { value: moveValue(entry.value) } : {}) }),
    addListItem: (path, value) => collector.addListItem(path, moveValue(value)),
  };
}

/** One JSON document per line: the requests a batch sends, with their model ids. */
function scanJsonLines(file: SourceText): FileScan<null> {
  const collector = new SettingsCollector(file.path, 'json', file.text);
  for (const { offset, line, number } of jsonLines(file.text)) {
    const parsed = parseJson(file.path, line);
    if (!parsed.ok) return { ok: false, message: `line ${number}: ${parsed.message}` };
    if (parsed.root) collectJsonEntries(shiftedSink(collector, offset), parsed.file, parsed.root);
  }
  return { ok: true, findings: collector.finish(), facts: null };
}

function verifyJsonLines(file: string, text: string): string | null {
  for (const { line, number } of jsonLines(text)) {
    const message = verifyJson(file, line);
    if (message !== null) return `line ${number}: ${message}`;
  }
  return null;
}

const isJsonLines = (file: string) => file.toLowerCase().endsWith('.jsonl');

/** JSON settings and data files, one document or one per line (`.jsonl`). */
export const jsonFrontend: Frontend<null> = {
  id: 'json',
  scan: (file) => (isJsonLines(file.path) ? scanJsonLines(file) : scanJson(file)),
  verify: (file, text) => (isJsonLines(file) ? verifyJsonLines(file, text) : verifyJson(file, text)),
};
