import { execFileSync } from 'node:child_process';
import { parseEnv } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { findScriptBlocks } from '../../src/scan/frontends/components/script-blocks.js';
import { ts } from '../../src/scan/frontends/typescript/ts.js';

/**
 * What a written file says, read by the real parser of its language: the string values of a
 * source file's literals, or the data of a settings file.
 */
export type ReadValues = { strings: string[] } | { data: unknown };

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = { ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, js: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX };

/** Every string and template piece of a script, as the program reads it (escapes decoded). */
function readScript(file: string, text: string): ReadValues {
  const extension = file.slice(file.lastIndexOf('.') + 1);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, SCRIPT_KINDS[extension] ?? ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) throw new Error(`${file} does not parse: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, ' ')}`);
  const strings: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) strings.push(node.text);
    node.forEachChild(visit);
  };
  visit(source);
  return { strings };
}

/** Both YAML schemas a deployment may read with: 1.2 core (the default) and 1.1 (`on`, `yes`, `1:20` as non-strings). */
function readYaml(file: string, text: string): ReadValues {
  const read = (version: '1.1' | '1.2') =>
    parseAllDocuments(text, { version }).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file} is not YAML ${version}: ${document.errors[0]!.message}`);
      return document.toJS();
    });
  const core = read('1.2');
  expectSame(file, core, read('1.1'));
  return { data: core };
}

function expectSame(file: string, a: unknown, b: unknown): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${file} reads differently under YAML 1.1 and 1.2:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
}

/**
 * Python modules, notebooks' code cells and TOML, read by `python3` (`ast`, `json`, `tomllib`):
 * one process for all of them.
 */
const PYTHON_READER = `
import ast, json, sys, tomllib
def strings(source):
    return [node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
out = {}
for file, text in json.loads(sys.stdin.read()).items():
    try:
        if file.endswith('.toml'):
            out[file] = {'data': tomllib.loads(text)}
        elif file.endswith('.ipynb'):
            cells = [c for c in json.loads(text)['cells'] if c['cell_type'] == 'code']
            out[file] = {'strings': [s for c in cells for s in strings(''.join(c['source']) if isinstance(c['source'], list) else c['source'])]}
        else:
            out[file] = {'strings': strings(text)}
    except Exception as error:
        out[file] = {'error': f'{type(error).__name__}: {error}'}
print(json.dumps(out))
`;

function readPython(files: Record<string, string>): Record<string, ReadValues | Error> {
  if (Object.keys(files).length === 0) return {};
  const output = execFileSync('python3', ['-c', PYTHON_READER], { input: JSON.stringify(files), encoding: 'utf8' });
  const read = JSON.parse(output) as Record<string, ReadValues | { error: string }>;
  return Object.fromEntries(Object.entries(read).map(([file, result]) => [file, 'error' in result ? new Error(`${file} does not parse: ${result.error}`) : result]));
}

function readOne(file: string, text: string): ReadValues {
  if (/\.[cm]?[jt]sx?$/.test(file)) return readScript(file, text);
  // A component's scripts, each parsed on its own as the framework's compiler would.
  if (/\.(vue|svelte)$/.test(file)) return { strings: findScriptBlocks(file, text).blocks.flatMap((block) => (readScript(`${file}.${block.dialect}`, text.slice(block.start, block.end)) as { strings: string[] }).strings) };
  if (/\.ya?ml$/.test(file)) return readYaml(file, text);
  if (file.endsWith('.json')) return { data: JSON.parse(text) as unknown };
  if (/(^|\/)\.env(\.|$)/.test(file)) return { data: parseEnv(text) };
  throw new Error(`${file}: no reader for this kind of file`);
}

/** Reads each file (relative path → text) with the parser of its language; an Error for a file that does not parse. */
export function readValues(files: Record<string, string>): Record<string, ReadValues | Error> {
  const values: Record<string, ReadValues | Error> = {};
  const python: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    if (/\.(py|ipynb|toml)$/.test(file)) python[file] = text;
    else {
      try {
        values[file] = readOne(file, text);
      } catch (error) {
        values[file] = error as Error;
      }
    }
  }
  return { ...values, ...readPython(python) };
}
