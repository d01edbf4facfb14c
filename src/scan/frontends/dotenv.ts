import { LineIndex } from '../../core/span.js';
import { SettingsCollector, type EntryInput } from './settings.js';
import type { FileScan, Frontend, SourceText } from './types.js';

type ParsedDotenv = { ok: true; entries: EntryInput[] } | { ok: false; message: string };

const BLANK_OR_COMMENT = /[ \t]*(?:#[^\r\n]*)?/y;
const NAME = /([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*/y;
const QUOTES = new Set(['"', "'", '`']);

/**
 * Parses `.env` syntax as dotenv and docker `env_file` read it: `[export ]NAME=value` lines
 * with unquoted (`# comment` after a space ends them), single-, double- or backtick-quoted
 * values (which may span lines), `NAME` alone (docker: passed through), blank lines and
 * comments. Anything else is a parse error, so that a rewritten file is checked as strictly.
 */
export function parseDotenv(text: string): ParsedDotenv {
  const entries: EntryInput[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (at: number, message: string): ParsedDotenv => {
    const { line, column } = new LineIndex(text).span(at, at);
    return { ok: false, message: `${line}:${column} ${message}` };
  };
  while (pos < text.length) {
    if (isLineEnd(text, matchAt(BLANK_OR_COMMENT, text, pos))) {
      pos = nextLine(text, matchAt(BLANK_OR_COMMENT, text, pos));
      continue;
    }
    NAME.lastIndex = pos;
    const head = NAME.exec(text);
    if (head === null) return fail(pos, 'expected NAME=value');
    const name = head[2]!;
    const nameRange = { start: pos + head[1]!.length, end: pos + head[1]!.length + name.length };
    let at = NAME.lastIndex;
    if (isLineEnd(text, at) || text[at] === '#') {
      entries.push({ name, nameRange, path: [] });
      pos = nextLine(text, matchAt(BLANK_OR_COMMENT, text, at));
      continue;
    }
    if (text[at] !== '=') return fail(at, `expected '=' after ${name}`);
    at = skipSpaces(text, at + 1);
    const quote = text[at] ?? '';
    if (QUOTES.has(quote)) {
      const close = findClosingQuote(text, at + 1, quote);
      if (close === -1) return fail(at, `unterminated ${quote} quoted value of ${name}`);
      const range = { start: at + 1, end: close };
      entries.push({ name, nameRange, path: [], value: { text: text.slice(range.start, range.end), range, source: { start: at, end: close + 1 }, emptyText: '' } });
      const rest = matchAt(BLANK_OR_COMMENT, text, close + 1);
      if (!isLineEnd(text, rest)) return fail(rest, `unexpected text after the quoted value of ${name}`);
      pos = nextLine(text, rest);
      continue;
    }
    const lineEnd = endOfLine(text, at);
    const raw = text.slice(at, lineEnd);
    const comment = raw.search(/[ \t]#/);
    const value = (comment === -1 ? raw : raw.slice(0, comment)).trimEnd();
    const range = { start: at, end: at + value.length };
    entries.push({ name, nameRange, path: [], value: { text: value, range, source: range, emptyText: '' } });
    pos = nextLine(text, lineEnd);
  }
  return { ok: true, entries };
}

function matchAt(pattern: RegExp, text: string, pos: number): number {
  pattern.lastIndex = pos;
  pattern.exec(text);
  return pattern.lastIndex;
}

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ' || text[pos] === '\t') pos++;
  return pos;
}

function isLineEnd(text: string, pos: number): boolean {
  return pos >= text.length || text[pos] === '\n' || text[pos] === '\r';
}

function endOfLine(text: string, pos: number): number {
  while (!isLineEnd(text, pos)) pos++;
  return pos;
}

/** The start of the line after the one `pos` is on (`pos` is at its end or before). */
function nextLine(text: string, pos: number): number {
  const end = endOfLine(text, pos);
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return Math.min(end + 1, text.length);
}

/** In double quotes a backslash escapes the next character; the other quotes have no escapes. */
function findClosingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

function scanDotenv(file: SourceText): FileScan<null> {
  const parsed = parseDotenv(file.text);
  if (!parsed.ok) return parsed;
  const collector = new SettingsCollector(file.path, 'env', file.text);
  for (const entry of parsed.entries) collector.addEntry(entry);
  return { ok: true, findings: collector.finish(), facts: null };
}

/** `.env` syntax: the parser and the findings; `settings-files.ts` says which files. */
export const dotenvFrontend: Frontend<null> = {
  id: 'dotenv',
  scan: scanDotenv,
  verify(file, text) {
    const parsed = parseDotenv(text);
    return parsed.ok ? null : parsed.message;
  },
};
