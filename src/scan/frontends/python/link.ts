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

  const linkModels = (importer: string, call: Finding, refs: PyImportedRef[]) => {
    let model = call.model;
    for (const ref of refs) {
      const target = resolve(importer, ref);
      for (const finding of target?.facts.exportedModels[target.name] ?? []) {
        found.push(finding);
        model ??= finding.model;
      }
    }
    if (model !== undefined && call.model === undefined) found.push({ ...call, model });
  };

  const addCall = (file: string, call: PyApiCall, client: { file: string; start: number } | undefined) => {
    const finding = client === undefined ? call.finding : { ...call.finding, detail: { ...call.finding.detail, client } };
    found.push(finding);
    linkModels(file, finding, call.importedModels);
  };

  for (const { path: file, facts } of files) {
    for (const { call, ref } of facts.importedModels) linkModels(file, call, [ref]);
    for (const call of facts.moduleCalls) addCall(file, call, moduleLink);
    for (const pending of facts.pending) {
      const target = resolve(file, pending.client);
      if (target === undefined || exportedClient(target) === undefined) continue;
      addCall(file, pending, clientLink(target));
    }
  }
  return found;
}

function exportedClient(target: Target): ExportedClient | undefined {
  return Object.hasOwn(target.facts.exportedClients, target.name) ? target.facts.exportedClients[target.name] : undefined;
}
