import { extensionOf } from './descriptor.js';
import { ts } from './ts.js';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx']);

export function languageOf(path: string): 'ts' | 'js' {
  return JS_EXTENSIONS.has(extensionOf(path)) ? 'js' : 'ts';
}

export type ParseResult = { ok: true; sourceFile: ts.SourceFile } | { ok: false; message: string };

/**
 * Syntax-only parse: no program, no type checker, no lib files. `parseDiagnostics` is the
 * parser's own error list (what `getSyntacticDiagnostics` returns without building a program).
 */
export function parseSource(path: string, text: string): ParseResult {
  const kind = SCRIPT_KINDS[extensionOf(path)] ?? ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first === undefined) return { ok: true, sourceFile };
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  return { ok: false, message: `${line + 1}:${character + 1} ${message}` };
}
