import { ts } from './ts.js';
import type { Finding } from '../../../core/types.js';
import type { FileScan, Frontend, SourceText } from '../types.js';
import { collectApiCalls, type ApiCall, type PendingCall } from './api-calls.js';
import { collectClients } from './clients.js';
import { FileContext } from './context.js';
import { collectEnvReads } from './env-access.js';
import { collectFrameworkUsage } from './frameworks.js';
import { collectImports, type ReExport } from './imports.js';
import { classifyExports, collectExportedValues, type ExportedValue } from './module-exports.js';
import { ClientResolver } from './origins.js';
import { collectLiterals } from './literals.js';
import { collectRestPaths } from './rest-paths.js';
import { collectUrlFlow, type UrlFlow } from './url-flow.js';
import { languageOf, parseSource, dialectOfPath } from './parse.js';
import { isComponent, scanComponent, verifyComponent } from '../components/code-view.js';
import type { Dialect } from '../components/script-blocks.js';
import { resolveStrings, type ImportedRef } from './values.js';
import { nameText, unwrap } from './syntax.js';
import { isModelId } from '../../../core/model-ids.js';

/** What other files may need from this one. */
export interface TsFacts {
  /** Exported names (and 'default'; `*` for a CommonJS module value) bound to a client. */
  exportedClients: string[];
  /** Where the client behind an exported name was constructed in this file (its finding's start). */
  clientOrigins: Record<string, number>;
  /** Exported functions that return a client built in this file. */
  exportedFactories: string[];
  /**
   * Exported constants whose value is a model id, with the finding at the literal; members of
   * an exported object literal by their path (`MODELS.chat`).
   */
  exportedModels: Record<string, Finding[]>;
  reExports: ReExport[];
  /** Calls on imported names that are API calls if the name is a client. */
  pending: PendingCall[];
  /** Distinctive SDK chains on unknown receivers: `likely` API calls in a project that uses the SDK. */
  unresolved: ApiCall[];
  /** The file imports an OpenAI SDK module. */
  importsOpenAI: boolean;
  /** Model values of this file's API calls that come from imported constants. */
  importedModels: { ref: ImportedRef; call: Finding }[];
  /** Base URLs that reach OpenAI through generic names. */
  urlFlow: UrlFlow;
}

function scanTypeScript(file: SourceText): FileScan<TsFacts> {
  return isComponent(file.path) ? scanComponent(file, scanScript) : scanScript(file.path, file.text, dialectOfPath(file.path));
}

/** Scans script text; `path` names the file the findings belong to. */
function scanScript(path: string, text: string, dialect: Dialect): FileScan<TsFacts> {
  const parsed = parseSource(path, text, dialect);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const ctx = new FileContext(path, languageOf(dialect), parsed.sourceFile);

  const { bindings, reExports } = collectImports(ctx);
  const importsOpenAI = ctx.findings.some((finding) => finding.kind === 'import');
  const clients = collectClients(ctx, bindings);
  const resolver = new ClientResolver(bindings, clients, ctx.nodesOf([ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.VariableDeclaration]));
  const apiCalls = collectApiCalls(ctx, bindings, resolver, clients);
  ctx.findings.push(...apiCalls.calls.map((call) => call.finding));
  const frameworks = collectFrameworkUsage(ctx, bindings);
  collectEnvReads(ctx);
  markClientOptions(ctx.findings, ctx.findings.filter((finding) => finding.kind === 'client'));
  collectLiterals(ctx, new Set([...apiCalls.modelLiterals, ...frameworks.models]));
  collectRestPaths(ctx);
  const urlFlow = collectUrlFlow(ctx, bindings.relative);

  const exported = collectExportedValues(ctx);
  const { clients: exportedClients, factories, origins } = classifyExports(exported, resolver);
  const facts: TsFacts = {
    exportedClients: [...exportedClients, ...frameworks.exportedProviders],
    clientOrigins: origins,
    exportedFactories: factories,
    exportedModels: collectExportedModels(ctx, exported, bindings.relative),
    reExports,
    pending: [...apiCalls.pending, ...frameworks.pending],
    unresolved: apiCalls.unresolved.map((call) => ({ ...call, finding: { ...call.finding, confidence: 'likely' as const } })),
    importsOpenAI,
    importedModels: [...apiCalls.calls.flatMap((call) => call.importedModels.map((ref) => ({ ref, call: call.finding }))), ...frameworks.importedModels],
    urlFlow,
  };
  return { ok: true, findings: ctx.findings, facts };
}

/**
 * Env reads that are the value of a client option (`apiKey: process.env.X`) say which option; a
 * `$env/static/*` import used only as client options says so too.
 */
function markClientOptions(findings: Finding[], constructions: Finding[]): void {
  const options = new Map<number, string>();
  for (const client of constructions) {
    const argument = client.detail?.argument;
    if (argument?.kind !== 'object') continue;
    for (const property of argument.properties) {
      if (property.value.kind === 'env') options.set(property.value.range.start, property.name);
    }
  }
  for (const finding of findings) {
    if (finding.kind !== 'env-var') continue;
    const option = options.get(finding.span.start);
    if (option !== undefined) finding.detail = { ...finding.detail, clientOption: option };
    const imported = finding.detail?.envImport;
    if (imported !== undefined && imported.uses.length > 0 && imported.uses.every((use) => options.has(use.start))) {
      finding.detail = { ...finding.detail, envImport: { ...imported, isClientOption: true } };
    }
  }
}

/**
 * `export const CHAT_MODEL = process.env.X ?? 'gpt-4o'` → { CHAT_MODEL: [finding at 'gpt-4o'] };
 * `export const MODELS = { chat: 'gpt-4o' }` → { 'MODELS.chat': [finding at 'gpt-4o'] }.
 */
function collectExportedModels(ctx: FileContext, exported: readonly ExportedValue[], relative: ReadonlyMap<string, ImportedRef>): Record<string, Finding[]> {
  const models: Record<string, Finding[]> = {};
  const add = (name: string, value: ts.Expression) => {
    const literals = resolveStrings(value, relative).literals.filter((literal) => isModelId(literal.text));
    if (literals.length === 0) return;
    models[name] = literals.map((literal) => {
      const range = ctx.rangeOf(literal);
      return ctx.createFinding('model', range, {
        model: literal.text,
        detail: { literal: { start: range.start + 1, end: range.end - 1 } },
      });
    });
  };
  for (const { name, value } of exported) {
    if (!ts.isExpression(value as ts.Node) || ts.isFunctionLike(value)) continue;
    const object = unwrap(value as ts.Expression);
    if (!ts.isObjectLiteralExpression(object)) {
      add(name, value as ts.Expression);
      continue;
    }
    for (const property of object.properties) {
      const key = nameText(property.name);
      if (key !== undefined && ts.isPropertyAssignment(property)) add(`${name}.${key}`, property.initializer);
    }
  }
  return models;
}

export const typescriptFrontend: Frontend<TsFacts> = {
  id: 'typescript',
  scan: scanTypeScript,
  verify(path, text) {
    const parse = (code: string, dialect: Dialect): string | null => {
      const parsed = parseSource(path, code, dialect);
      return parsed.ok ? null : parsed.message;
    };
    return isComponent(path) ? verifyComponent(path, text, parse) : parse(text, dialectOfPath(path));
  },
};
