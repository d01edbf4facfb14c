import type { Frontend, FrontendDescriptor, LinkFiles } from '../types.js';

/** Modules and notebooks are linked as one program. */
async function loadPythonLink(): Promise<LinkFiles> {
  return (await import('./link.js')).linkPythonFiles as LinkFiles;
}

/** Python modules. The implementation, and with it the Python parser, loads on the first candidate. */
export const pythonDescriptor: FrontendDescriptor = {
  id: 'python',
  handles: (path) => /\.py$/i.test(path),
  cachesResults: true,
  loadLink: loadPythonLink,
  load: async () => (await import('./index.js')).pythonFrontend as Frontend,
};

/**
 * Jupyter notebooks: the same frontend (so that notebooks and modules are linked as one
 * program), plus the notebook reader and its JSON parser, loaded only once a notebook is a candidate.
 */
export const notebookDescriptor: FrontendDescriptor = {
  id: 'python-notebook',
  handles: (path) => /\.ipynb$/i.test(path),
  cachesResults: true,
  loadLink: loadPythonLink,
  async load() {
    const python = await import('./index.js');
    await python.loadNotebookSupport();
    return python.pythonFrontend as Frontend;
  },
};
