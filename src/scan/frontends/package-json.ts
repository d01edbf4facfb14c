import { ts } from './typescript/ts.js';
import type { FindingKind } from '../../core/types.js';
import { collectJsonEntries, jsonKey, jsonString, parseJson, verifyJson } from './json.js';
import { SettingsCollector } from './settings.js';
import type { FileScan, Frontend, SourceText } from './types.js';

/** The packages reported where they are declared, with the kind their imports have in code. */
const OPENAI_PACKAGES: Record<string, FindingKind> = {
  openai: 'import',
  '@langchain/openai': 'framework',
  '@ai-sdk/openai': 'framework',
  '@ai-sdk/azure': 'framework',
  '@llamaindex/openai': 'framework',
  langchain: 'framework',
  chatgpt: 'framework',
};

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

function collectDependencies(collector: SettingsCollector, file: ts.JsonSourceFile, root: ts.Expression): void {
  if (!ts.isObjectLiteralExpression(root)) return;
  for (const section of root.properties) {
    if (!ts.isPropertyAssignment(section) || !ts.isObjectLiteralExpression(section.initializer)) continue;
    const sectionName = jsonKey(section.name, file)?.text;
    if (sectionName === undefined || !DEPENDENCY_SECTIONS.includes(sectionName)) continue;
    for (const dependency of section.initializer.properties) {
      if (!ts.isPropertyAssignment(dependency)) continue;
      const name = jsonKey(dependency.name, file)?.text;
      const version = jsonString(dependency.initializer, file)?.text;
      // hasOwn, so that a package named "constructor" is not found on Object.prototype.
      const kind = name !== undefined && Object.hasOwn(OPENAI_PACKAGES, name) ? OPENAI_PACKAGES[name] : undefined;
      if (kind === undefined || version === undefined) continue;
      collector.add(kind, { start: dependency.getStart(file), end: dependency.getEnd() }, 'certain', {
        api: name,
        version,
        detail: { dependency: { section: sectionName } },
      });
    }
  }
}

function scanPackageJson(file: SourceText): FileScan<null> {
  const parsed = parseJson(file.path, file.text);
  if (!parsed.ok) return parsed;
  const collector = new SettingsCollector(file.path, 'json', file.text);
  if (parsed.root) {
    collectDependencies(collector, parsed.file, parsed.root);
    collectJsonEntries(collector, parsed.file, parsed.root);
  }
  return { ok: true, findings: collector.finish(), facts: null };
}

/** `package.json`: OpenAI-related dependencies with their versions, plus what any JSON file holds (scripts, config). */
export const packageJsonFrontend: Frontend<null> = {
  id: 'package-json',
  scan: scanPackageJson,
  verify: verifyJson,
};
