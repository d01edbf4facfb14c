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
  const tree = loadParser().parse(text);
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
