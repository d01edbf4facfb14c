import type { Finding, FindingKind, Range } from '../../core/types.js';
import { manifestKind, type ManifestKind } from './settings-files.js';
import { SettingsCollector } from './settings.js';
import type { FileScan, Frontend, SourceText } from './types.js';

/**
 * Python dependency manifests: requirements files, pyproject.toml (PEP 621 and Poetry),
 * Pipfile and setup.cfg (`setup.py`, which is code, is read by the Python frontend with these
 * helpers). The OpenAI packages they declare are findings, with the version
 * specifier as written, as package.json dependencies are. Read line by line: these formats
 * put one dependency per line, and no edit is ever made to them.
 */

/** PyPI packages (normalised names, PEP 503) → the kind their imports have in code. */
const OPENAI_PACKAGES: Record<string, FindingKind> = {
  openai: 'import',
  'langchain-openai': 'framework',
  'llama-index-llms-openai': 'framework',
  'llama-index-embeddings-openai': 'framework',
};


const LANGUAGE: Record<ManifestKind, string> = { requirements: 'requirements', pyproject: 'toml', pipfile: 'toml', 'setup-cfg': 'ini' };

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A PEP 508 requirement: `openai[datalib]>=1.30,<2 ; python_version>="3.9"` → name and specifier. */
const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;#]*?)\s*(?:;.*)?$/;

export interface Declared {
  name: string;
  version: string;
  range: Range;
  section: string;
}

/** Reads the requirement written at `[start, end)`; undefined when it is not one. */
export function readRequirement(text: string, start: number, end: number, section: string): Declared | undefined {
  const raw = text.slice(start, end);
  const match = REQUIREMENT.exec(raw.trim());
  if (match === null) return undefined;
  const at = start + raw.indexOf(match[0]);
  return { name: match[1]!, version: match[2]!.replace(/\s+/g, ''), range: { start: at, end: at + match[0].length }, section };
}

/** Each line with its offsets, comments cut off (`#` after a space, or at the start). */
function* linesOf(text: string): Generator<{ start: number; end: number; content: string }> {
  // LF, CRLF or a lone CR ends a line.
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  while (start <= text.length) {
    lineBreak.lastIndex = start;
    const newline = lineBreak.exec(text);
    const lineEnd = newline === null ? text.length : newline.index;
    const line = text.slice(start, lineEnd);
    const comment = line.search(/(?:^|\s)#/);
    const content = comment === -1 ? line : line.slice(0, comment);
    yield { start, end: start + content.length, content };
    if (newline === null) break;
    start = lineEnd + newline[0].length;
  }
}

function requirementsFile(text: string): Declared[] {
  const found: Declared[] = [];
  for (const line of linesOf(text)) {
    if (/^\s*(?:-|$)/.test(line.content)) continue;
    const declared = readRequirement(text, line.start, line.end, 'requirements');
    if (declared) found.push(declared);
  }
  return found;
}

/** Sections whose arrays hold PEP 508 strings, and which of their keys do. */
const PEP508_ARRAYS: Record<string, (key: string) => boolean> = {
  project: (key) => key === 'dependencies',
  'project.optional-dependencies': () => true,
  'dependency-groups': () => true,
};
/** Sections whose keys are package names (Poetry, Pipfile). */
const isPackageTable = (section: string): boolean =>
  /^tool\.poetry\.(?:dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/.test(section) || section === 'packages' || section === 'dev-packages';

function tomlFile(text: string): Declared[] {
  const found: Declared[] = [];
  let section = '';
  let arrayKey: string | undefined;
  for (const line of linesOf(text)) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/.exec(line.content);
    if (header && arrayKey === undefined) {
      section = header[1]!.replace(/["']/g, '');
      continue;
    }
    const keyValue = /^\s*["']?([A-Za-z0-9._-]+)["']?\s*=\s*(.*)$/.exec(line.content);
    if (arrayKey === undefined && keyValue && PEP508_ARRAYS[section]?.(keyValue[1]!) && keyValue[2]!.startsWith('[')) arrayKey = keyValue[1]!;
    if (arrayKey !== undefined) {
      for (const string of line.content.matchAll(/"([^"\\]*)"|'([^']*)'/g)) {
        const contentStart = line.start + string.index + 1;
        const declared = readRequirement(text, contentStart, contentStart + (string[1] ?? string[2]!).length, `${section}.${arrayKey}`);
        if (declared) found.push(declared);
      }
      if (line.content.includes(']')) arrayKey = undefined;
      continue;
    }
    if (keyValue && isPackageTable(section)) {
      const value = keyValue[2]!.trim();
      const version = /^["']([^"']*)["']/.exec(value)?.[1] ?? /version\s*=\s*["']([^"']*)["']/.exec(value)?.[1] ?? '';
      const start = line.start + line.content.indexOf(keyValue[1]!);
      found.push({ name: keyValue[1]!, version, range: { start, end: line.start + line.content.trimEnd().length }, section });
    }
  }
  return found;
}

function setupCfgFile(text: string): Declared[] {
  const found: Declared[] = [];
  let section = '';
  let key: string | undefined;
  for (const line of linesOf(text)) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line.content);
    if (header) {
      section = header[1]!.trim();
      key = undefined;
      continue;
    }
    const keyValue = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line.content);
    let valueStart: number;
    if (keyValue) {
      key = (section === 'options' && keyValue[1] === 'install_requires') || section === 'options.extras_require' ? keyValue[1] : undefined;
      valueStart = line.start + line.content.length - keyValue[2]!.length;
    } else if (key !== undefined && /^\s+\S/.test(line.content)) {
      valueStart = line.start;
    } else {
      if (!/^\s*$/.test(line.content)) key = undefined;
      continue;
    }
    if (key === undefined) continue;
    const declared = readRequirement(text, valueStart, line.end, `${section}.${key}`);
    if (declared) found.push(declared);
  }
  return found;
}

const READERS: Record<ManifestKind, (text: string) => Declared[]> = {
  requirements: requirementsFile,
  pyproject: tomlFile,
  pipfile: tomlFile,
  'setup-cfg': setupCfgFile,
};

/** The finding a declared requirement makes when it is an OpenAI package: its kind and fields. */
export function dependencyFinding(declared: Declared): { kind: FindingKind; fields: Partial<Finding> } | undefined {
  const name = normalise(declared.name);
  const kind = Object.hasOwn(OPENAI_PACKAGES, name) ? OPENAI_PACKAGES[name] : undefined;
  if (kind === undefined) return undefined;
  return { kind, fields: { api: name, version: declared.version, detail: { dependency: { section: declared.section, ecosystem: 'pypi' } } } };
}

function scanManifest(file: SourceText): FileScan<null> {
  const kind = manifestKind(file.path)!;
  const collector = new SettingsCollector(file.path, LANGUAGE[kind], file.text);
  for (const declared of READERS[kind](file.text)) {
    const dependency = dependencyFinding(declared);
    if (dependency) collector.add(dependency.kind, declared.range, 'certain', dependency.fields);
  }
  return { ok: true, findings: collector.finish(), facts: null };
}

/** Python manifests; they are never edited, so any text "parses". */
export const pythonManifestFrontend: Frontend<null> = {
  id: 'python-manifest',
  scan: scanManifest,
  verify: () => null,
};
