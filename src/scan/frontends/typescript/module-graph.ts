import path from 'node:path';
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

/**
 * Path aliases projects configure (tsconfig `paths`, bundlers): `@/lib/x`, `~/lib/x`, `#lib/x`, and
 * SvelteKit's `$lib/x` (`src/lib/x`; only the `$` goes, other `$` modules are SvelteKit's own).
 */
const ALIAS = /^(?:@\/|~\/|@@\/|#\/?|~|\$(?=lib(?:\/|$)))/;

/** Whether an import specifier names a module of the project rather than a package. */
export function isProjectSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || ALIAS.test(specifier);
}

/** What an export is wanted as: a client, a factory of clients, or a model constant. */
export type ExportRole = 'client' | 'factory' | 'model';

export interface ExportTarget {
  path: string;
  facts: TsFacts;
  name: string;
}

const MAX_HOPS = 8;

/**
 * The project's modules as the scan saw them, and how an import finds the export it names:
 * relative paths (with NodeNext `.js` → `.ts` and folder `index` files), path aliases (matched
 * against the project's files, since frontends read no tsconfig), `export … from` chains and
 * barrels. A module that was not scanned (no mention of OpenAI: many barrels) is skipped by
 * looking the name up among the modules that export it with the wanted role, if only one does.
 */
export class ModuleGraph {
  private readonly byPath: Map<string, TsFacts>;
  private readonly byStem = new Map<string, string[]>();
  /** Per role, each exported name → its one exporter, or null when several modules export it. */
  private readonly exporters = new Map<ExportRole, Map<string, ExportTarget | null>>();

  constructor(files: readonly { path: string; facts: TsFacts }[]) {
    this.byPath = new Map(files.map((file) => [file.path, file.facts]));
    for (const file of files) {
      for (const stem of stemsOf(file.path)) this.byStem.set(stem, [...(this.byStem.get(stem) ?? []), file.path]);
    }
  }

  /** The scanned file an import specifier names, if any. */
  resolveFile(importer: string, specifier: string): string | undefined {
    if (ALIAS.test(specifier) && !specifier.startsWith('.')) return this.resolveAlias(specifier.replace(ALIAS, ''));
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
    if (this.byPath.has(joined)) return joined;
    const extension = path.posix.extname(joined);
    const known = SOURCE_FOR[extension];
    const base = known ? joined.slice(0, joined.length - extension.length) : joined;
    for (const suffix of known ?? SOURCE_FOR['']!) {
      if (this.byPath.has(base + suffix)) return base + suffix;
    }
    return undefined;
  }

  /** The file and name an import finally refers to, in the wanted role. */
  resolveExport(importer: string, ref: ImportedRef, role: ExportRole): ExportTarget | undefined {
    const file = this.resolveFile(importer, ref.from);
    if (file === undefined) return this.findExporter(ref.imported, role);
    return this.followExport(file, ref.imported, role, 0);
  }

  private followExport(file: string, name: string, role: ExportRole, hops: number): ExportTarget | undefined {
    const facts = this.byPath.get(file);
    if (facts === undefined || hops > MAX_HOPS) return undefined;
    if (hasExport(facts, name, role)) return { path: file, facts, name };
    for (const reExport of facts.reExports) {
      if (reExport.exported !== name && reExport.exported !== '*') continue;
      const imported = reExport.exported === '*' ? name : reExport.imported;
      const next = this.resolveFile(file, reExport.from);
      const target = next === undefined ? this.findExporter(imported, role) : this.followExport(next, imported, role, hops + 1);
      if (target) return target;
    }
    return undefined;
  }

  /** The one scanned module exporting `name` in the wanted role; none when several do. */
  private findExporter(name: string, role: ExportRole): ExportTarget | undefined {
    let index = this.exporters.get(role);
    if (index === undefined) {
      index = new Map();
      for (const [file, facts] of this.byPath) {
        for (const exported of exportsIn(facts, role)) {
          if (exported === '*' || exported === 'default') continue;
          index.set(exported, index.has(exported) ? null : { path: file, facts, name: exported });
        }
      }
      this.exporters.set(role, index);
    }
    return index.get(name) ?? undefined;
  }

  /** `lib/llm` → the scanned file whose path ends so (`src/lib/llm.ts`), the shortest if several. */
  private resolveAlias(rest: string): string | undefined {
    const stem = rest.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/$/, '');
    const candidates = this.byStem.get(stem) ?? [];
    return [...candidates].sort((a, b) => a.length - b.length)[0];
  }
}

function exportsIn(facts: TsFacts, role: ExportRole): readonly string[] {
  if (role === 'client') return facts.exportedClients;
  if (role === 'factory') return facts.exportedFactories;
  return Object.keys(facts.exportedModels);
}

function hasExport(facts: TsFacts, name: string, role: ExportRole): boolean {
  return role === 'model' ? Object.hasOwn(facts.exportedModels, name) : exportsIn(facts, role).includes(name);
}

/** The path suffixes an alias may use for a file: `src/lib/llm.ts` → `src/lib/llm`, `lib/llm`, `llm`. */
function stemsOf(file: string): string[] {
  let stem = file.replace(/\.(?:[cm]?[jt]sx?)$/, '');
  if (stem.endsWith('/index')) stem = stem.slice(0, -'/index'.length);
  const parts = stem.split('/');
  return parts.map((_, index) => parts.slice(index).join('/'));
}
