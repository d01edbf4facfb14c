import type { Frontend, FrontendDescriptor } from '../types.js';

/** Python modules and Jupyter notebooks. The implementation, and with it the Python parser, loads on the first candidate. */
export const pythonDescriptor: FrontendDescriptor = {
  id: 'python',
  patterns: ['**/*.py', '**/*.ipynb'],
  handles: (path) => /\.(?:py|ipynb)$/i.test(path),
  load: async () => (await import('./index.js')).pythonFrontend as Frontend,
};
