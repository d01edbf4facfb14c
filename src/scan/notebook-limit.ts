import { notebookDescriptor } from './frontends/python/descriptor.js';

/**
 * Notebooks keep their outputs beside the code: a plot is a base64 image, a table its HTML, so a
 * notebook of a few cells is often megabytes while its code is kilobytes. Only the cells' source
 * is scanned and edited (outputs stay byte for byte), so notebooks may be far larger than other
 * files. The limit still stops a notebook that is a data dump: past 64 MB its text and JSON tree
 * would hold hundreds of megabytes, and Git hosts refuse files of that size or warn about them.
 */
export const MAX_NOTEBOOK_BYTES = 64_000_000;

/** The size limit for `path`: the notebooks' own, or `otherwise`. */
export function maxBytesFor(path: string, otherwise: number): number {
  return notebookDescriptor.handles(path) ? MAX_NOTEBOOK_BYTES : otherwise;
}
