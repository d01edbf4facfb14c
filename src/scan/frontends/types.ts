import type { Finding } from '../../core/types.js';

export interface SourceText {
  /** Relative to the scan root, forward slashes. */
  path: string;
  text: string;
}

/** What a frontend makes of one file: findings plus facts its `link` step needs, or why it could not parse. */
export type FileScan<Facts> =
  | { ok: true; findings: Finding[]; facts: Facts }
  | { ok: false; message: string; reason?: 'analysis-failed' | 'unsupported-script' };

/**
 * What the scan knows of a frontend before loading it: which files it reads. Kept apart from
 * the implementation so that a parser is loaded only when a file of its language needs it.
 */
export interface FrontendDescriptor {
  id: string;
  handles(path: string): boolean;
  /** Whether a minified file of this kind is skipped rather than parsed (scripts). */
  skipsMinified?: boolean;
  /**
   * Whether the file's results go to the result cache: a parse worth skipping on the next run,
   * and code rather than settings, whose values are not to be copied.
   */
  cachesResults?: boolean;
  /** Imports the implementation; call it through the registry's `loadFrontend`, which shares the result. */
  load(): Promise<Frontend>;
  /**
   * Imports the link step, without the parser: a run whose results all came from the cache
   * still links. Frontends given the same function are linked as one program.
   */
  loadLink?(): Promise<LinkFiles>;
}

/**
 * Findings that need more than one file (a client exported here and used there), from the facts
 * of every file of the frontend. May repeat a finding with a higher confidence; the scan keeps
 * the most confident copy.
 */
export type LinkFiles = (files: { path: string; facts: unknown }[]) => Finding[];

/**
 * A language frontend turns files into findings. It is pure: no I/O, and it never throws on
 * user code (an unparsable file is a `{ ok: false }` result).
 */
export interface Frontend<Facts = unknown> {
  id: string;
  scan(file: SourceText): FileScan<Facts>;
  /** Null when `text` parses, else a one-line reason. Used by the writer after editing. */
  verify(path: string, text: string): string | null;
}
