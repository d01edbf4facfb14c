import type { Finding } from '../../../core/types.js';
import type { FileScan, Frontend, SourceText } from '../types.js';
import { collectApiCalls, type PyApiCall, type PyPendingCall } from './api-calls.js';
import { collectClients, exportedClients, type ExportedClient } from './clients.js';
import { PyContext } from './context.js';
import { collectEnvReads } from './env-access.js';
import { collectFrameworkClients } from './frameworks.js';
import { collectImports, type PyImportedRef } from './imports.js';
import { collectLiterals } from './literals.js';
import { isNotebook, notebookSupport } from './notebook-edits.js';
import { parsePython } from './parse.js';
import { collectSetupRequirements, isSetupScript } from './setup-py.js';
import { plainString } from './syntax.js';
import { collectDefinitions, resolveStrings } from './values.js';
import { isModelId } from '../../../core/model-ids.js';
import { LineIndex } from '../../../core/span.js';

/** What other Python files may need from this one. */
export interface PyFacts {
  /** Module-level names bound to a client, and functions returning one, with where that client was built. */
  exportedClients: Record<string, ExportedClient>;
  /** Module constants (`NAME`) and class fields (`.name`) whose value is a model id, with the findings at the literals. */
  exportedModels: Record<string, Finding[]>;
  pending: PyPendingCall[];
  /** Calls on the `openai` module's client, linked to its settings wherever the program makes them. */
  moduleCalls: PyApiCall[];
  /** This file's first setting of the `openai` module's client (`openai.api_key = …`). */
  moduleSetting?: Finding;
  /** Calls (found here) whose model comes from other modules. */
  importedModels: { call: Finding; refs: PyImportedRef[] }[];
}

/** Base classes whose fields pydantic-settings fills from same-named environment variables. */
const SETTINGS_BASES = new Set(['BaseSettings']);

/** Scans Python source; `path` names the file the findings belong to. */
export function scanPythonText(path: string, text: string): FileScan<PyFacts> {
  const parsed = parsePython(text);
  if (!parsed.ok) return { ok: false, message: describeError(text, parsed.offset, parsed.message) };
  const ctx = new PyContext(path, text, parsed.tree);
  const bindings = collectImports(ctx);
  const definitions = collectDefinitions(ctx);
  const refs = collectClients(ctx, bindings);
  const apiCalls = collectApiCalls(ctx, bindings, refs, definitions);
  ctx.findings.push(...apiCalls.calls.map((call) => call.finding));
  const frameworkModels = collectFrameworkClients(ctx, bindings, definitions);
  collectEnvReads(ctx, SETTINGS_BASES);
  markClientOptions(ctx.findings);
  collectLiterals(ctx, new Set([...apiCalls.modelLiterals, ...frameworkModels]));
  if (isSetupScript(path)) collectSetupRequirements(ctx, definitions);

  const moduleSetting = ctx.findings.find((finding) => finding.symbol === 'OpenAIModule');
  const facts: PyFacts = {
    exportedClients: exportedClients(ctx, refs),
    exportedModels: collectExportedModels(ctx, definitions, bindings),
    pending: apiCalls.pending,
    moduleCalls: apiCalls.moduleCalls,
    ...(moduleSetting ? { moduleSetting } : {}),
    importedModels: apiCalls.calls.filter((call) => call.importedModels.length > 0).map((call) => ({ call: call.finding, refs: call.importedModels })),
  };
  return { ok: true, findings: ctx.findings, facts };
}

/** Env reads that are a client keyword's value (`api_key=os.environ["X"]`) or a module setting's say which. */
function markClientOptions(findings: Finding[]): void {
  const options = new Map<number, string>();
  for (const client of findings) {
    if (client.kind !== 'client') continue;
    const argument = client.detail?.argument;
    if (argument?.kind === 'object') {
      for (const property of argument.properties) if (property.value.kind === 'env') options.set(property.value.range.start, property.name);
    }
    const setting = client.detail?.setting;
    if (setting?.value.kind === 'env') options.set(setting.value.range.start, setting.name);
  }
  for (const finding of findings) {
    const option = finding.kind === 'env-var' ? options.get(finding.span.start) : undefined;
    if (option !== undefined) finding.detail = { ...finding.detail, clientOption: option };
  }
}

/** `MODEL = os.getenv("MODEL", "gpt-4o")` → { MODEL: [finding at "gpt-4o"] }; class fields as `.field`. */
function collectExportedModels(ctx: PyContext, definitions: ReturnType<typeof collectDefinitions>, bindings: ReturnType<typeof collectImports>): Record<string, Finding[]> {
  const exported: Record<string, Finding[]> = {};
  const add = (key: string, node: Parameters<typeof resolveStrings>[1]) => {
    const findings = resolveStrings(ctx, node, definitions, bindings).literals.flatMap((literal) => {
      const string = plainString(literal, ctx.text)!;
      return isModelId(string.value) ? [ctx.createFinding('model', ctx.rangeOf(literal), { model: string.value, detail: { literal: string.content } })] : [];
    });
    if (findings.length > 0) exported[key] = findings;
  };
  for (const [name, value] of definitions.constants) add(name, value);
  for (const [name, value] of definitions.fields) add(`.${name}`, value);
  return exported;
}

function describeError(text: string, offset: number, message: string): string {
  const span = new LineIndex(text).span(offset, offset);
  return `${span.line}:${span.column} ${message}`;
}

function verifyPython(text: string): string | null {
  const parsed = parsePython(text);
  return parsed.ok ? null : describeError(text, parsed.offset, parsed.message);
}

export { loadNotebookSupport } from './notebook-edits.js';

function scanPython(file: SourceText): FileScan<PyFacts> {
  return isNotebook(file.path) ? notebookSupport().scanNotebook(file, scanPythonText) : scanPythonText(file.path, file.text);
}

export const pythonFrontend: Frontend<PyFacts> = {
  id: 'python',
  scan: scanPython,
  verify(path, text) {
    return isNotebook(path) ? notebookSupport().verifyNotebook(path, text, verifyPython) : verifyPython(text);
  },
};
