import path from 'node:path';
import type { Finding } from '../../../core/types.js';
import type { PyImportedRef } from './imports.js';
import type { PyFacts } from './index.js';

interface Target {
  facts: PyFacts;
  name: string;
}

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
    return { facts, name: ref.imported };
  };

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

  for (const { path: file, facts } of files) {
    for (const { call, ref } of facts.importedModels) linkModels(file, call, [ref]);
    for (const pending of facts.pending) {
      const target = resolve(file, pending.client);
      if (target === undefined || !target.facts.exportedClients.includes(target.name)) continue;
      found.push(pending.finding);
      linkModels(file, pending.finding, pending.importedModels);
    }
  }
  return found;
}
