export function isNotebook(path: string): boolean {
  return /\.ipynb$/i.test(path);
}

// The notebook reader needs a JSON parser with offsets (TypeScript's): it is loaded once a
// notebook is a candidate (by the notebook descriptor) or is planned, so that a tree of `.py`
// files never loads it. The scan and the planner share it.
let reader: typeof import('./notebook.js') | undefined;

export async function loadNotebookSupport(): Promise<void> {
  reader ??= await import('./notebook.js');
}

export function notebookSupport(): typeof import('./notebook.js') {
  if (reader === undefined) throw new Error('the notebook reader is not loaded: call loadNotebookSupport first');
  return reader;
}
