import { createRequire } from 'node:module';
import type { SyntaxNode, Tree } from '@lezer/common';

type PythonParser = { parse(text: string): Tree };

let parser: PythonParser | undefined;

/**
 * @lezer/python is loaded on the first Python file, so a project without Python candidates
 * never pays for it. Its CommonJS build loads synchronously, as the frontends' `scan` is.
 */
function loadParser(): PythonParser {
  parser ??= (createRequire(import.meta.url)('@lezer/python') as { parser: PythonParser }).parser;
  return parser;
}

export type ParseResult = { ok: true; tree: Tree } | { ok: false; message: string; offset: number };

/**
 * The parser recovers from errors by inserting error nodes; a tree with any error node is a
 * file we cannot read reliably, reported with the position of the first one.
 */
export function parsePython(text: string): ParseResult {
  const tree = loadParser().parse(maskGrammarGaps(text));
  let error: SyntaxNode | undefined;
  tree.iterate({
    enter: (node) => {
      if (error !== undefined) return false;
      if (node.type.isError) error = node.node;
      return undefined;
    },
  });
  return error === undefined ? { ok: true, tree } : { ok: false, message: 'invalid Python syntax', offset: error.from };
}

/**
 * Valid Python the grammar rejects, rewritten for the parser only, with the same length (so
 * every offset still points into `text`): a bare `yield` (context managers, FastAPI lifespans,
 * pytest fixtures) becomes `None `, and a float with a trailing dot (`24.`) becomes `024`. The
 * findings read values from the original text.
 */
function maskGrammarGaps(text: string): string {
  return text.replace(/\byield(?=[ \t]*(?:[)\];#\r\n]|$))/g, 'None ').replace(/(?<![\w.])(\d+)\.(?![\w.])/g, '0$1');
}
