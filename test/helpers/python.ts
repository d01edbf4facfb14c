import { execFileSync } from 'node:child_process';

/** What Python's own parser makes of a piece of source. */
export type PythonReading =
  | { ok: true; kind: 'literal'; value: string }
  | { ok: true; kind: 'fstring'; parts: (string | { expression: string })[] }
  | { ok: true; kind: 'module'; docstring: string | null; statements: string[] }
  | { ok: false; error: string };

const READER = String.raw`
import ast, json, sys
def read(item):
    source, mode = item["source"], item["mode"]
    try:
        if mode == "literal":
            value = ast.literal_eval(source)
            if isinstance(value, bytes):
                value = value.decode("utf-8", "surrogatepass")
            if not isinstance(value, str):
                return {"ok": False, "error": "not a string: " + type(value).__name__}
            return {"ok": True, "kind": "literal", "value": value}
        if mode == "fstring":
            node = ast.parse(source, mode="eval").body
            if isinstance(node, ast.Constant):
                return {"ok": True, "kind": "fstring", "parts": [node.value]}
            if not isinstance(node, ast.JoinedStr):
                return {"ok": False, "error": "not an f-string: " + ast.dump(node)}
            parts = [v.value if isinstance(v, ast.Constant) else {"expression": ast.unparse(v.value)} for v in node.values]
            return {"ok": True, "kind": "fstring", "parts": parts}
        module = ast.parse(source)
        statements = [ast.unparse(s).split("\n")[0] for s in module.body]
        return {"ok": True, "kind": "module", "docstring": ast.get_docstring(module), "statements": statements}
    except Exception as error:
        return {"ok": False, "error": type(error).__name__ + ": " + str(error)}
items = json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogatepass"))
sys.stdout.write(json.dumps([read(item) for item in items]))
`;

/**
 * Reads each source with CPython's `ast` (one process for the whole batch): a literal's value,
 * an f-string's parts, or a module's statements. Python 3 must be on the PATH as `python3`.
 */
export function readPython(items: { source: string; mode: 'literal' | 'fstring' | 'module' }[]): PythonReading[] {
  // JSON.stringify escapes lone surrogates, so they reach Python intact.
  const output = execFileSync('python3', ['-c', READER], { input: JSON.stringify(items), encoding: 'utf8' });
  return JSON.parse(output) as PythonReading[];
}
