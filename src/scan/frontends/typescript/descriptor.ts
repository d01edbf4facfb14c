import type { Frontend, FrontendDescriptor, LinkFiles } from '../types.js';

/** The script extensions this frontend reads, lower case. */
export const EXTENSIONS: readonly string[] = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

export function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(dot).toLowerCase();
}

/** TypeScript and JavaScript. The implementation, and with it the TypeScript parser, loads on the first candidate. */
export const typescriptDescriptor: FrontendDescriptor = {
  id: 'typescript',
  handles: (path) => EXTENSIONS.includes(extensionOf(path)),
  skipsMinified: true,
  cachesResults: true,
  load: async () => (await import('./index.js')).typescriptFrontend as Frontend,
  loadLink: loadScriptLink,
};

/** Scripts and components are linked as one program. */
export async function loadScriptLink(): Promise<LinkFiles> {
  return (await import('./link.js')).linkFiles as LinkFiles;
}
