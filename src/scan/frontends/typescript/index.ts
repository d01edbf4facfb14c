import { ts } from './ts.js';
import type { Finding } from '../../../core/types.js';
import type { FileScan, Frontend, SourceText } from '../types.js';
import { collectApiCalls, type PendingCall } from './api-calls.js';
import { collectClients } from './clients.js';
import { FileContext } from './context.js';
import { collectEnvReads } from './env-access.js';
import { collectFrameworkUsage } from './frameworks.js';
import { collectImports, type ReExport } from './imports.js';
import { linkFiles } from './link.js';
import { collectLiterals } from './literals.js';
import { EXTENSIONS, extensionOf, languageOf, parseSource } from './parse.js';
import { hasExportModifier } from './syntax.js';
import { resolveStrings, type ImportedRef } from './values.js';
import { isModelId } from '../../../core/model-ids.js';

/** What other files may need from this one. */
export interface TsFacts {
  /** Exported names (and 'default') bound to a client. */
  exportedClients: string[];
  /** Exported constants whose value is a model id, with the finding at the literal. */
  exportedModels: Record<string, Finding[]>;
  reExports: ReExport[];
  /** Calls on imported names that are API calls if the name is a client. */
  pending: PendingCall[];
  /** Model values of this file's API calls that come from imported constants. */
  importedModels: { ref: ImportedRef; call: Finding }[];
}

function scanTypeScript(file: SourceText): FileScan<TsFacts> {
  const parsed = parseSource(file.path, file.text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const ctx = new FileContext(file.path, languageOf(file.path), parsed.sourceFile);

  const { bindings, reExports } = collectImports(ctx);
  const clients = collectClients(ctx, bindings);
  const apiCalls = collectApiCalls(ctx, bindings, clients);
  ctx.findings.push(...apiCalls.calls.map((call) => call.finding));
  const frameworks = collectFrameworkUsage(ctx, bindings);
  collectEnvReads(ctx);
  markClientOptions(ctx.findings, ctx.findings.filter((finding) => finding.kind === 'client'));
  collectLiterals(ctx, new Set([...apiCalls.modelLiterals, ...frameworks.models]));

  const facts: TsFacts = {
    exportedClients: [...clients.exported, ...frameworks.exportedProviders],
    exportedModels: collectExportedModels(ctx, bindings.relative),
    reExports,
    pending: [...apiCalls.pending, ...frameworks.pending],
    importedModels: apiCalls.calls.flatMap((call) => call.importedModels.map((ref) => ({ ref, call: call.finding }))),
  };
  return { ok: true, findings: ctx.findings, facts };
}

/** Env reads that are the value of a client option (`apiKey: process.env.X`) say which option. */
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
    const option = finding.kind === 'env-var' ? options.get(finding.span.start) : undefined;
    if (option !== undefined) finding.detail = { ...finding.detail, clientOption: option };
  }
}

/** `export const CHAT_MODEL = process.env.X ?? 'gpt-4o'` → { CHAT_MODEL: [finding at 'gpt-4o'] }. */
function collectExportedModels(ctx: FileContext, relative: ReadonlyMap<string, ImportedRef>): Record<string, Finding[]> {
  const exported: Record<string, Finding[]> = {};
  for (const statement of ctx.sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || !hasExportModifier(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
      const literals = resolveStrings(declaration.initializer, relative).literals.filter((literal) => isModelId(literal.text));
      if (literals.length === 0) continue;
      exported[declaration.name.text] = literals.map((literal) => {
        const range = ctx.rangeOf(literal);
        return ctx.createFinding('model', range, {
          model: literal.text,
          detail: { literal: { start: range.start + 1, end: range.end - 1 } },
        });
      });
    }
  }
  return exported;
}

export const typescriptFrontend: Frontend<TsFacts> = {
  id: 'typescript',
  patterns: [`**/*.{${EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`],
  handles: (path) => EXTENSIONS.includes(extensionOf(path)),
  scan: scanTypeScript,
  link: linkFiles,
  verify(path, text) {
    const parsed = parseSource(path, text);
    return parsed.ok ? null : parsed.message;
  },
};
