import type { Frontend, FrontendDescriptor } from '../types.js';
import { loadScriptLink } from '../typescript/descriptor.js';

export const COMPONENT = /\.(vue|svelte|astro)$/i;

export function isComponent(path: string): boolean {
  return COMPONENT.test(path);
}

/**
 * Vue and Svelte single-file components and Astro pages. Their scripts are TypeScript or
 * JavaScript, read by the TypeScript frontend (so imports between components and modules link),
 * which loads on the first candidate.
 */
export const componentDescriptor: FrontendDescriptor = {
  id: 'components',
  handles: isComponent,
  cachesResults: true,
  loadLink: loadScriptLink,
  load: async () => (await import('../typescript/index.js')).typescriptFrontend as Frontend,
};
