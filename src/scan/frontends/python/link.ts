import path from 'node:path';
import type { Finding } from '../../../core/types.js';
import type { PyApiCall } from './api-calls.js';
import type { ExportedClient } from './clients.js';
import type { PyImportedRef } from './imports.js';
import type { PyFacts } from './index.js';

interface Target {
  path: string;
  facts: PyFacts;
  name: string;
}

/** How many modules a client may be passed through by name (`from .llm import client` in each). */
const MAX_HOPS = 8;

/**
 * Follows imports between the scanned Python files: `from .llm import client` (relative) and
 * `from app.llm import client` (absolute, matched against the scanned paths, which need not
 * start at the package root).
 */
export function linkPythonFiles(files: { path: string; facts: PyFacts }[]): Finding[] {
  const byPath = new Map(files.map((file) => [file.path, file.facts]));
  const found: Finding[] = [];

  const moduleFile = (importer: string, module: string): string | undefined => {
    const dots = /^\.*/.exec(module)![0].length;
    const rest = module.slice(dots).split('.').filter(Boolean).join('/');
    const candidates = (base: string) => [`${base}.py`, `${base}/__init__.py`];
    if (dots > 0) {
      let folder = path.posix.dirname(importer);
      for (let i = 1; i < dots; i++) folder = path.posix.dirname(folder);
      return candidates(path.posix.join(folder, rest === '' ? '__init__' : rest)).find((file) => byPath.has(file));
    }
    for (const suffix of candidates(rest)) {
      if (byPath.has(suffix)) return suffix;
      const match = files.find((file) => file.path.endsWith(`/${suffix}`));
      if (match) return match.path;
    }
    return undefined;
  };

  /** The file defining a name another file imports; `from pkg import module` names a module. */
  const resolve = (importer: string, ref: PyImportedRef): Target | undefined => {
    const file = moduleFile(importer, ref.from);
    const facts = file === undefined ? undefined : byPath.get(file);
    if (facts === undefined) return undefined;
    return { path: file!, facts, name: ref.imported };
  };

  /** Where the client behind an exported name was built, through the modules that pass it on. */
  const clientLink = (target: Target, hops = 0): { file: string; start: number } | undefined => {
    const exported = exportedClient(target);
    if (exported === undefined || hops > MAX_HOPS) return undefined;
    if ('origin' in exported) return exported.origin === undefined ? undefined : { file: target.path, start: exported.origin };
    if (!('ref' in exported)) return undefined;
    const next = resolve(target.path, exported.ref);
    return next && clientLink(next, hops + 1);
  };

  // The `openai` module's client is one per program: its calls go where its settings send them.
  const moduleSetting = files.find((file) => file.facts.moduleSetting !== undefined)?.facts.moduleSetting;
  const moduleLink = moduleSetting && { file: moduleSetting.file, start: moduleSetting.span.start };

  /** The model findings of the ids imported for a call, and the call with them, when it gains a model. */
  const linkModels = (importer: string, call: Finding, refs: PyImportedRef[]): Finding | undefined => {
    const imported = refs.flatMap((ref) => {
      const target = resolve(importer, ref);
      return target === undefined ? [] : exportedModels(target);
    });
    found.push(...imported);
    if (call.model !== undefined || imported.length === 0) return undefined;
    const models = [...(call.detail?.models ?? []), ...imported.map((finding) => ({ file: finding.file, start: finding.span.start }))];
    return { ...call, model: imported[0]!.model, detail: { ...call.detail, models } };
  };

  const addCall = (file: string, call: PyApiCall, client: { file: string; start: number } | undefined) => {
    const finding = client === undefined ? call.finding : { ...call.finding, detail: { ...call.finding.detail, client } };
    found.push(linkModels(file, finding, call.importedModels) ?? finding);
  };

  for (const { path: file, facts } of files) {
    for (const { call, refs } of facts.importedModels) {
      const linked = linkModels(file, call, refs);
      if (linked) found.push(linked);
    }
    for (const call of facts.moduleCalls) addCall(file, call, moduleLink);
    for (const pending of facts.pending) {
      const target = resolve(file, pending.client);
      if (target === undefined || exportedClient(target) === undefined) continue;
      addCall(file, pending, pending.isUnlinked ? undefined : clientLink(target));
    }
  }
  return found;
}

function exportedModels(target: Target): Finding[] {
  return Object.hasOwn(target.facts.exportedModels, target.name) ? target.facts.exportedModels[target.name]! : [];
}

function exportedClient(target: Target): ExportedClient | undefined {
  return Object.hasOwn(target.facts.exportedClients, target.name) ? target.facts.exportedClients[target.name] : undefined;
}
