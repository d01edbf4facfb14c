import { isDistinctiveModelId, isModelId } from '../../core/model-ids.js';
import { OPENAI_KEY_PATTERN, isOpenAIKey, redactKey, redactSecrets } from '../../core/redact.js';
import { LineIndex } from '../../core/span.js';
import type { Confidence, Finding, FindingKind, Range, SettingEntry } from '../../core/types.js';
import { isGenericUrlName, isOpenAISettingName } from './openai-names.js';

/**
 * What the settings-file frontends (.env, YAML, JSON) share: each turns its syntax into
 * entries (`NAME=value`, `name: value`), and this module decides what an entry says about
 * OpenAI. Values are searched in their source text, so offsets stay exact.
 */

/** An environment variable about OpenAI: `OPENAI_API_KEY`, `AZURE_OPENAI_ENDPOINT`, `VITE_OPENAI_MODEL` … */
const OPENAI_VARIABLE = /^[A-Z0-9_]*OPENAI[A-Z0-9_]*$/;
/** The same inside a value: `${{ secrets.OPENAI_API_KEY }}`, `$OPENAI_API_KEY`, `secretKeyRef.key`. */
const OPENAI_VARIABLE_IN_TEXT = /(?<![A-Za-z0-9_])[A-Z0-9_]*OPENAI[A-Z0-9_]*(?![A-Za-z0-9_])/g;
/** Names of secrets: with OpenAI in the name or path, the value is shown as `***` even when it is not key-shaped. */
const SECRET_NAME = /key|token|secret|password/i;
/** OpenAI's API host, or an Azure OpenAI resource's (`https://YOUR-RESOURCE.openai.azure.com/`, placeholders included). */
const OPENAI_HOST = /(?:https?:\/\/|wss:\/\/)?(?:(?:us|eu|ae)\.)?api\.openai\.com[^\s'"`]*|https:\/\/[\w{}<>$-]+\.openai\.azure\.com[^\s'"`]*/g;
const MODEL_NAME = /model|engine|deployment/i;
/** Key prefixes only OpenAI issues; a bare `sk-…` is also the shape of DeepSeek, Moonshot … keys. */
const OPENAI_ONLY_KEY = /^sk-(?:proj|svcacct|admin)-/;
/** `${X}`, `$(X)`, `{{ X }}`, `$X`, `%X%`, and Vercel's `@secret-name`. */
const REFERENCE = /\$\{|\$\(|\{\{|^\$[A-Za-z_]|%[A-Za-z_]+%|^@[\w-]+$/;
const PLACEHOLDER =
  /^(?:-+|x+|\*+|none|null|changeme|placeholder|dummy|fake|todo|tbd)$|<[^>]*>|\.\.\.|xxxx|\*\*\*|(?:^|[^A-Za-z0-9])(?:your|insert|enter|replace|change|put)[-_ .]|[-_ ]here$/i;
const MAX_SNIPPET = 160;

/** A string value of an entry. */
export interface SettingValue {
  /** The value as the program reading the file sees it. */
  text: string;
  /** Where `text` is written verbatim (no quotes, escapes or folding); unset when it is not. */
  range?: Range;
  /** The value's whole source, quotes included: searched for URLs and variable references. */
  source: Range;
  /** What writes an empty string in place of `range`. */
  emptyText: string;
}

export interface EntryInput {
  /** The entry's name (`OPENAI_API_KEY`, `apiKey`), or the enclosing key for a list item. */
  name: string;
  /** Where the name is written verbatim, when it can be renamed in place. */
  nameRange?: Range;
  /** The enclosing keys, outermost first (`['services', 'api', 'environment']`). */
  path: readonly string[];
  /** Unset when the entry has no string value (none, a number, a map …). */
  value?: SettingValue;
  /** The value comes from elsewhere without being a string (Kubernetes `valueFrom:`). */
  isReference?: boolean;
}

/** `NAME=value`, as list items of compose `environment:` and docker `Env` arrays. */
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

export function classifyValue(text: string): SettingEntry['valueKind'] {
  if (text.trim() === '') return 'empty';
  if (REFERENCE.test(text)) return 'reference';
  return PLACEHOLDER.test(text) ? 'placeholder' : 'literal';
}

/** `range` when the file holds `value` there character for character, else undefined. */
export function verbatimRange(text: string, range: Range, value: string): Range | undefined {
  return text.slice(range.start, range.end) === value ? range : undefined;
}

interface Pending {
  kind: FindingKind;
  range: Range;
  confidence: Confidence;
  fields: Partial<Finding>;
}

/** Collects the findings of one settings file; `finish` adds keys found anywhere and the snippets. */
export class SettingsCollector {
  private readonly pending: Pending[] = [];
  /** Value ranges shown as `***` in every snippet. */
  private readonly secrets: Range[] = [];

  constructor(
    readonly path: string,
    readonly language: string,
    readonly text: string,
  ) {}

  addEntry(entry: EntryInput): void {
    const valueKind = entry.isReference ? 'reference' : entry.value === undefined ? 'empty' : classifyValue(entry.value.text);
    this.addName(entry, valueKind);
    if (entry.value === undefined) return;
    this.addVariableReferences(entry.value.source, entry.path);
    this.addUrls(entry.value.source, entry.value.range);
    this.addLiteral(entry, valueKind);
  }

  /**
   * A list item: `NAME=value` becomes an entry of that name (compose `environment:` lists),
   * anything else a value of the enclosing key.
   */
  addListItem(path: readonly string[], value: SettingValue): void {
    const assignment = value.range ? ASSIGNMENT.exec(value.text) : null;
    if (assignment === null || value.range === undefined) {
      this.addEntry({ name: path.at(-1) ?? '', path, value });
      return;
    }
    const nameEnd = value.range.start + assignment[1]!.length;
    const valueRange = { start: nameEnd + 1, end: value.range.end };
    this.addEntry({
      name: assignment[1]!,
      nameRange: { start: value.range.start, end: nameEnd },
      path,
      value: { text: value.text.slice(assignment[0].length), range: valueRange, source: valueRange, emptyText: '' },
    });
  }

  /** Every finding of the file, with snippets. */
  finish(): Finding[] {
    this.addLooseKeys();
    const lines = new LineIndex(this.text);
    return this.pending.map(({ kind, range, confidence, fields }) => {
      const span = lines.span(range.start, range.end);
      return { file: this.path, language: this.language, kind, span, snippet: this.snippetAt(lines, span.start - span.column + 1, span.line), confidence, ...fields };
    });
  }

  add(kind: FindingKind, range: Range, confidence: Confidence, fields: Partial<Finding>): void {
    this.pending.push({ kind, range, confidence, fields });
  }

  private addName({ name, nameRange, value }: EntryInput, valueKind: SettingEntry['valueKind']): void {
    if (nameRange === undefined) return;
    const isSetting = OPENAI_VARIABLE.test(name) && isOpenAISettingName(name);
    // `BASE_URL=…`: kept by the scan only if code uses the variable for OpenAI.
    const isGeneric = !isSetting && /^[A-Z][A-Z0-9_]*$/.test(name) && isGenericUrlName(name);
    if (!isSetting && !isGeneric) return;
    const entry: SettingEntry = { name: nameRange, valueKind, emptyText: value?.emptyText ?? '', ...(value?.range ? { value: value.range } : {}) };
    this.add('env-var', nameRange, isSetting ? 'certain' : 'likely', { name, detail: { nameRange, entry, ...(isGeneric ? { isGenericName: true } : {}) } });
  }

  /** A key or a model id as the whole value. */
  private addLiteral({ name, nameRange, path, value }: EntryInput, valueKind: SettingEntry['valueKind']): void {
    if (valueKind !== 'literal' || value?.range === undefined) return;
    const range = value.range;
    const mentionsOpenAI = [...path, name].some((part) => /openai/i.test(part));
    if (isOpenAIKey(value.text) && (mentionsOpenAI || OPENAI_ONLY_KEY.test(value.text))) {
      this.secrets.push(range);
      const entry: SettingEntry = { name: nameRange ?? range, value: range, valueKind, emptyText: value.emptyText };
      this.add('api-key', range, 'certain', { detail: { literal: range, entry } });
      return;
    }
    // `key: OPENAI_API_KEY` (a Kubernetes secretKeyRef) names a secret rather than holding one.
    if (mentionsOpenAI && SECRET_NAME.test(name) && !/^[A-Z][A-Z0-9_]*$/.test(value.text)) this.secrets.push(range);
    if (isModelId(value.text)) {
      const confidence = MODEL_NAME.test(name) ? 'certain' : isDistinctiveModelId(value.text) ? 'likely' : undefined;
      if (confidence) this.add('model', range, confidence, { model: value.text, detail: { literal: range } });
    }
  }

  /**
   * OpenAI variables named inside a value: read (`${OPENAI_API_KEY}`, `$OPENAI_API_KEY`), or set
   * by a script (`OPENAI_BASE_URL=… node server.js`), which makes an entry of its own.
   */
  private addVariableReferences(source: Range, path: readonly string[]): void {
    for (const match of this.text.slice(source.start, source.end).matchAll(OPENAI_VARIABLE_IN_TEXT)) {
      if (!isOpenAISettingName(match[0])) continue;
      const nameRange = { start: source.start + match.index, end: source.start + match.index + match[0].length };
      const value = this.text[nameRange.end] === '=' && this.text[nameRange.end + 1] !== '=' ? this.shellWord(nameRange.end + 1, source.end) : undefined;
      if (value === undefined) {
        this.add('env-var', nameRange, 'certain', { name: match[0], detail: { nameRange } });
        continue;
      }
      const entry = { name: match[0], nameRange, path, value };
      const valueKind = classifyValue(value.text);
      this.addName(entry, valueKind);
      this.addLiteral(entry, valueKind);
    }
  }

  /** The shell word at `start` (quoted or up to a space or an operator), not past `end`. */
  private shellWord(start: number, end: number): SettingValue {
    const quote = this.text[start];
    if (quote === '"' || quote === "'") {
      const close = this.text.indexOf(quote, start + 1);
      if (close !== -1 && close < end) {
        const range = { start: start + 1, end: close };
        return { text: this.text.slice(range.start, range.end), range, source: range, emptyText: '' };
      }
    }
    let stop = start;
    while (stop < end && !/[\s;&|'"`()]/.test(this.text[stop]!)) stop++;
    const range = { start, end: stop };
    return { text: this.text.slice(start, stop), range, source: range, emptyText: '' };
  }

  /** `literal`: the value's verbatim text, which an edit of a URL inside it must keep a valid value. */
  private addUrls(source: Range, literal: Range | undefined): void {
    for (const match of this.text.slice(source.start, source.end).matchAll(OPENAI_HOST)) {
      const start = source.start + match.index;
      const end = start + match[0].length;
      const isInLiteral = literal !== undefined && literal.start <= start && end <= literal.end;
      this.add('base-url', { start, end }, 'certain', { api: match[0], ...(isInLiteral ? { detail: { literal } } : {}) });
    }
  }

  /**
   * Keys outside an entry's value (in a comment, a script line, a longer string): reported
   * when the key or its line is unmistakably OpenAI's, for the user to remove by hand.
   */
  private addLooseKeys(): void {
    const reported = this.pending.filter((p) => p.kind === 'api-key').map((p) => p.range.start);
    for (const match of this.text.matchAll(OPENAI_KEY_PATTERN)) {
      if (reported.includes(match.index)) continue;
      const lineStart = Math.max(this.text.lastIndexOf('\n', match.index), this.text.lastIndexOf('\r', match.index)) + 1;
      const lineEnd = this.text.slice(match.index).search(/[\r\n]|$/) + match.index;
      if (!OPENAI_ONLY_KEY.test(match[0]) && !/openai/i.test(this.text.slice(lineStart, lineEnd))) continue;
      this.add('api-key', { start: match.index, end: match.index + match[0].length }, 'certain', {});
    }
  }

  /** Once per line, with the secrets indexed by line: linear in a .env of thousands of keys. */
  private snippetAt(lines: LineIndex, lineStart: number, line: number): string {
    this.secretsByLine ??= groupByLine(lines, this.secrets);
    let snippet = this.snippets.get(line);
    if (snippet === undefined) {
      snippet = this.maskedSnippet(lines, lineStart, line, this.secretsByLine.get(line) ?? []);
      this.snippets.set(line, snippet);
    }
    return snippet;
  }

  private secretsByLine: Map<number, Range[]> | undefined;
  private readonly snippets = new Map<number, string>();

  private maskedSnippet(lines: LineIndex, lineStart: number, line: number, secrets: readonly Range[]): string {
    let text = lines.lineText(line);
    const lineEnd = lineStart + text.length;
    const masks = secrets.filter((s) => s.start < lineEnd && s.end > lineStart).sort((a, b) => b.start - a.start);
    for (const secret of masks) {
      const start = Math.max(secret.start, lineStart) - lineStart;
      const end = Math.min(secret.end, lineEnd) - lineStart;
      const value = text.slice(start, end);
      text = text.slice(0, start) + (isOpenAIKey(value) ? redactKey(value) : '***') + text.slice(end);
    }
    text = redactSecrets(text.trim());
    return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
  }
}

/** Ranges by each line they touch. */
function groupByLine(lines: LineIndex, ranges: readonly Range[]): Map<number, Range[]> {
  const byLine = new Map<number, Range[]>();
  for (const range of ranges) {
    for (let line = lines.lineOf(range.start), last = lines.lineOf(range.end); line <= last; line++) {
      const list = byLine.get(line) ?? [];
      list.push(range);
      byLine.set(line, list);
    }
  }
  return byLine;
}
