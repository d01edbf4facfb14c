import type { Dialect } from '../components/script-blocks.js';
import { extensionOf } from './descriptor.js';
import { ts } from './ts.js';

const DIALECTS: Record<string, Dialect> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
};

const SCRIPT_KINDS: Record<Dialect, ts.ScriptKind> = { ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, js: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX };

/** How a script file's name says to parse it; TypeScript when it does not say. */
export function dialectOfPath(path: string): Dialect {
  return DIALECTS[extensionOf(path)] ?? 'ts';
}

export function languageOf(dialect: Dialect): 'ts' | 'js' {
  return dialect === 'js' || dialect === 'jsx' ? 'js' : 'ts';
}

export type ParseResult = { ok: true; sourceFile: ts.SourceFile } | { ok: false; message: string };

/**
 * Syntax-only parse: no program, no type checker, no lib files, and no `parent` links (the
 * analysis sets them in its own walk, see `collectNodes`). `parseDiagnostics` is the parser's
 * own error list (what `getSyntacticDiagnostics` returns without building a program).
 */
export function parseSource(path: string, text: string, dialect: Dialect = dialectOfPath(path)): ParseResult {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, SCRIPT_KINDS[dialect]);
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first === undefined) return { ok: true, sourceFile };
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  return { ok: false, message: `${line + 1}:${character + 1} ${message}` };
}
