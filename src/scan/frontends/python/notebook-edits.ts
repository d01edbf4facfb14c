import type { Edit, Finding } from '../../../core/types.js';

export function isNotebook(path: string): boolean {
  return /\.ipynb$/i.test(path);
}

/**
 * Edits computed on the cells' Python text, at offsets already mapped into the JSON, get
 * their text written as JSON string content: escaped, and each line break ending the current
 * element of the `source` list and opening the next one, indented like its siblings. A
 * notebook whose source is one string gets `\n` escapes only.
 */
export function toNotebookEdits(text: string, edits: readonly Edit[]): Edit[] {
  return edits.map((edit) => {
    const lineStartAt = text.lastIndexOf('\n', edit.start - 1) + 1;
    const before = text.slice(lineStartAt, edit.start);
    const element = /^(\s*)"(?:[^"\\]|\\.)*$/.exec(before);
    const newline = element ? `\\n",\n${element[1]}"` : '\\n';
    return { ...edit, text: edit.text.split('\n').map((line) => JSON.stringify(line).slice(1, -1)).join(newline) };
  });
}

/**
 * `import os` for migrated code that reads `os.environ` in a notebook that does not import it:
 * before the notebook's first top-level import, so that every cell after it can use it.
 * Python text, at an offset into the JSON (for `toNotebookEdits`).
 */
export function notebookImports(file: string, edits: readonly Edit[], findings: readonly Finding[]): Edit[] {
  if (!edits.some((edit) => edit.text.includes('os.environ'))) return [];
  const imports = findings.find((finding) => finding.detail?.moduleImports !== undefined)?.detail;
  if (imports?.importsStart === undefined || imports.moduleImports!.includes('os')) return [];
  return [{ file, start: imports.importsStart, end: imports.importsStart, text: 'import os\n', reason: 'import what the migrated code uses' }];
}
