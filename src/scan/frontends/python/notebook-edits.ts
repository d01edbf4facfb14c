import type { Edit } from '../../../core/types.js';

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
