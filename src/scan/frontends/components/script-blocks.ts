/**
 * The script blocks of single-file components (`.vue`, `.svelte`) and Astro pages, found by a
 * small scanner of the markup around them rather than by the frameworks' compilers (which
 * parse templates and scripts too, and weigh megabytes). It knows what decides where a script
 * starts and ends: comments, quoted and `{…}` attribute values, raw-text elements, nesting,
 * and the frameworks' `{…}` / `{{ … }}` expressions, whose text may hold `<`.
 */

import { LineIndex } from '../../../core/span.js';
import { COMPONENT } from './descriptor.js';

/** How the script's code is parsed: the TypeScript parser's script kinds. */
export type Dialect = 'ts' | 'tsx' | 'js' | 'jsx';

/** A block of code at `[start, end)` of the file. */
export interface ScriptBlock {
  start: number;
  end: number;
  dialect: Dialect;
}

/** A script the tool does not read, and why (`line` is 1-based). */
export interface UnreadBlock {
  line: number;
  reason: string;
}

export interface ComponentScripts {
  blocks: ScriptBlock[];
  unread: UnreadBlock[];
}

type Flavor = 'vue' | 'svelte' | 'astro';

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their closing tag, in every flavour. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

const DIALECTS: Record<string, Dialect> = { ts: 'ts', typescript: 'ts', tsx: 'tsx', js: 'js', javascript: 'js', jsx: 'jsx' };
/** `type` values that mean JavaScript (or, by preprocessor convention, TypeScript). */
const SCRIPT_TYPES: Record<string, Dialect> = { module: 'js', 'text/javascript': 'js', 'application/javascript': 'js', 'text/typescript': 'ts', 'text/ts': 'ts' };

interface Tag {
  name: string;
  attributes: Map<string, string | true>;
  /** Offset just past the `>`. */
  end: number;
  selfClosing: boolean;
}

/**
 * The code blocks of a component, in file order: Vue's `<script>` and `<script setup>`,
 * Svelte's instance and `context="module"` scripts (top level only: a `<script>` inside
 * `<svelte:head>` is page markup), Astro's `---` frontmatter and its `<script>` tags. Blocks
 * that are not code the tool can read (`src="…"`, an unknown `lang`) are listed apart.
 */
export function findScriptBlocks(path: string, text: string): ComponentScripts {
  const flavor = COMPONENT.exec(path)![1]!.toLowerCase() as Flavor;
  const result: ComponentScripts = { blocks: [], unread: [] };
  let at = 0;
  if (flavor === 'astro') {
    const frontmatter = /^(?:\uFEFF)?\s*---[^\S\r\n]*(?:\r\n|\r|\n)/.exec(text);
    const close = frontmatter && /(^|\r\n|\r|\n)---[^\S\r\n]*(?:\r\n|\r|\n|$)/.exec(text.slice(frontmatter[0].length));
    if (frontmatter && close) {
      const start = frontmatter[0].length;
      const end = start + close.index + close[1]!.length;
      result.blocks.push({ start, end, dialect: 'ts' });
      at = end;
    }
  }
  const open: string[] = [];
  while (at < text.length) {
    const char = text[at]!;
    if (char === '{' && flavor !== 'vue') {
      at = skipBraces(text, at);
      continue;
    }
    if (char === '{' && text[at + 1] === '{') {
      const close = text.indexOf('}}', at + 2);
      at = close === -1 ? text.length : close + 2;
      continue;
    }
    if (char !== '<') {
      at++;
      continue;
    }
    if (text.startsWith('<!--', at)) {
      const close = text.indexOf('-->', at + 4);
      at = close === -1 ? text.length : close + 3;
      continue;
    }
    if (text[at + 1] === '!' || text[at + 1] === '?') {
      const close = text.indexOf('>', at);
      at = close === -1 ? text.length : close + 1;
      continue;
    }
    if (text[at + 1] === '/') {
      const closing = /^<\/([A-Za-z][\w:.-]*)[^>]*>?/.exec(text.slice(at, at + 200));
      if (closing === null) {
        at++;
        continue;
      }
      // A closing tag closes every element opened since its own (some close tags are optional).
      const index = open.lastIndexOf(closing[1]!.toLowerCase());
      if (index !== -1) open.length = index;
      at += closing[0].length;
      continue;
    }
    const tag = readTag(text, at, flavor);
    if (tag === undefined) {
      at++;
      continue;
    }
    const isTopLevel = open.length === 0;
    // Vue reads every top-level block but `<template>` as raw text, and a template in another
    // language (pug) too.
    const isRaw = RAW_TEXT.has(tag.name) || (flavor === 'vue' && isTopLevel && (tag.name !== 'template' || isForeignTemplate(tag)));
    if (tag.selfClosing || VOID_ELEMENTS.has(tag.name)) {
      if (tag.name === 'script' && isTopLevel) result.unread.push(describeUnread(text, at, tag) ?? { line: lineAt(text, at), reason: 'an empty <script/>' });
      at = tag.end;
      continue;
    }
    if (!isRaw) {
      open.push(tag.name);
      at = tag.end;
      continue;
    }
    const close = findClosingTag(text, tag.end, tag.name);
    if (tag.name === 'script' && (isTopLevel || flavor === 'astro')) addScript(result, text, at, tag, close);
    at = close === -1 ? text.length : text.indexOf('>', close) + 1 || text.length;
  }
  return result;
}

function addScript(result: ComponentScripts, text: string, tagStart: number, tag: Tag, close: number): void {
  const unread = close === -1 ? { line: lineAt(text, tagStart), reason: 'a <script> without its closing tag' } : describeUnread(text, tagStart, tag);
  if (unread !== undefined) result.unread.push(unread);
  else result.blocks.push({ start: tag.end, end: close, dialect: dialectOf(tag)! });
}

/** Why a script's code cannot be read here, or undefined when it can. */
function describeUnread(text: string, tagStart: number, tag: Tag): UnreadBlock | undefined {
  const line = lineAt(text, tagStart);
  const src = tag.attributes.get('src');
  if (src !== undefined) return { line, reason: `the script is in another file (src="${src === true ? '' : src}"), scanned on its own when it is inside the scanned folders` };
  if (dialectOf(tag) === undefined) {
    const lang = tag.attributes.get('lang');
    const what = lang !== undefined ? `lang="${lang === true ? '' : lang}"` : `type="${tag.attributes.get('type')}"`;
    return { line, reason: `a <script ${what}> is not JavaScript or TypeScript` };
  }
  return undefined;
}

function dialectOf(tag: Tag): Dialect | undefined {
  const lang = tag.attributes.get('lang');
  if (lang !== undefined) return lang === true ? undefined : DIALECTS[lang.toLowerCase()];
  const type = tag.attributes.get('type');
  if (type !== undefined) return type === true ? undefined : SCRIPT_TYPES[type.toLowerCase()];
  return 'js';
}

function isForeignTemplate(tag: Tag): boolean {
  const lang = tag.attributes.get('lang');
  return typeof lang === 'string' && lang.toLowerCase() !== 'html';
}

/** The start tag at `at`, or undefined when `<` does not open one (`a < b` in text). */
function readTag(text: string, at: number, flavor: Flavor): Tag | undefined {
  const name = /^<([A-Za-z][\w:.-]*)/.exec(text.slice(at, at + 100));
  if (name === null) return undefined;
  const attributes = new Map<string, string | true>();
  let i = at + name[0].length;
  while (i < text.length) {
    while (/\s/.test(text[i] ?? '')) i++;
    const char = text[i];
    if (char === undefined) return undefined;
    if (char === '>') return { name: name[1]!.toLowerCase(), attributes, end: i + 1, selfClosing: false };
    if (char === '/' && text[i + 1] === '>') return { name: name[1]!.toLowerCase(), attributes, end: i + 2, selfClosing: true };
    if (char === '{' && flavor !== 'vue') {
      // Svelte's `{...props}` and `{name}` shorthands.
      i = skipBraces(text, i);
      continue;
    }
    const attribute = /^(?:[^\s=>/]+|[=/])/.exec(text.slice(i, i + 200));
    const key = attribute![0];
    i += key.length;
    let j = i;
    while (/\s/.test(text[j] ?? '')) j++;
    if (text[j] !== '=') {
      attributes.set(key.toLowerCase(), true);
      continue;
    }
    j++;
    while (/\s/.test(text[j] ?? '')) j++;
    const quote = text[j];
    let value: string;
    if (quote === '"' || quote === "'") {
      const end = text.indexOf(quote, j + 1);
      if (end === -1) return undefined;
      value = text.slice(j + 1, end);
      i = end + 1;
    } else if (quote === '{' && flavor !== 'vue') {
      i = skipBraces(text, j);
      value = text.slice(j, i);
    } else {
      const end = /[\s>]|$/.exec(text.slice(j))!.index + j;
      value = text.slice(j, end);
      i = end;
    }
    attributes.set(key.toLowerCase(), value);
  }
  return undefined;
}

/** Past the `}` that closes the `{` at `at`, skipping strings inside (an expression may hold `}` or `<`). */
function skipBraces(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"' || char === "'" || char === '`') {
      const end = skipString(text, i);
      if (end === -1) return text.length;
      i = end;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The offset of the quote closing the string opened at `at`, or -1. */
function skipString(text: string, at: number): number {
  const quote = text[at]!;
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
    else if ((text[i] === '\n' || text[i] === '\r') && quote !== '`') return -1;
  }
  return -1;
}

/** The offset of `</name` closing raw text that starts at `from`, or -1. */
function findClosingTag(text: string, from: number, name: string): number {
  const pattern = new RegExp(`</${name}(?=[\\s/>]|$)`, 'ig');
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

function lineAt(text: string, offset: number): number {
  return new LineIndex(text).lineOf(offset);
}
