import path from 'node:path';
import type { Finding } from '../../../core/types.js';
import type { TsFacts } from './index.js';
import type { ImportedRef } from './values.js';

/** `.js` in an import may name a `.ts` file (NodeNext style), and a folder its index. */
const SOURCE_FOR: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '': ['.ts', '.tsx', '.js', '.jsx', '.mts', '.mjs', '.cts', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.jsx'],
};

interface Target {
  path: string;
  facts: TsFacts;
  name: string;
}

/** Follows imports between the scanned files to find clients and model constants defined elsewhere. */
export function linkFiles(files: { path: string; facts: TsFacts }[]): Finding[] {
  const byPath = new Map(files.map((file) => [file.path, file.facts]));
  const found: Finding[] = [];

  const resolveFile = (importer: string, specifier: string): string | undefined => {
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
    const extension = path.posix.extname(joined);
    const known = SOURCE_FOR[extension];
    const base = known ? joined.slice(0, joined.length - extension.length) : joined;
    if (byPath.has(joined)) return joined;
    for (const suffix of known ?? SOURCE_FOR['']!) {
      if (byPath.has(base + suffix)) return base + suffix;
    }
    return undefined;
  };

  /** The file and name an import finally refers to, through `export … from` chains. */
  const resolveExport = (importer: string, ref: ImportedRef, depth = 0): Target | undefined => {
    const file = resolveFile(importer, ref.from);
    const facts = file === undefined ? undefined : byPath.get(file);
    if (file === undefined || facts === undefined || depth > 8) return undefined;
    if (facts.exportedClients.includes(ref.imported) || ref.imported in facts.exportedModels) {
      return { path: file, facts, name: ref.imported };
    }
    for (const reExport of facts.reExports) {
      if (reExport.exported === ref.imported || reExport.exported === '*') {
        const imported = reExport.exported === '*' ? ref.imported : reExport.imported;
        const target = resolveExport(file, { from: reExport.from, imported }, depth + 1);
        if (target) return target;
      }
    }
    return undefined;
  };

  const linkModels = (importer: string, call: Finding, refs: ImportedRef[]) => {
    let model = call.model;
    for (const ref of refs) {
      const target = resolveExport(importer, ref);
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
      const target = resolveExport(file, pending.client);
      if (target === undefined || !target.facts.exportedClients.includes(target.name)) continue;
      found.push(pending.finding, ...(pending.models ?? []));
      linkModels(file, pending.finding, pending.importedModels);
    }
  }
  return found;
}
