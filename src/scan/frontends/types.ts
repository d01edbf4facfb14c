import type { Finding } from '../../core/types.js';

export interface SourceText {
  /** Relative to the scan root, forward slashes. */
  path: string;
  text: string;
}

/** What a frontend makes of one file: findings plus facts its `link` step needs, or why it could not parse. */
export type FileScan<Facts> =
  | { ok: true; findings: Finding[]; facts: Facts }
  | { ok: false; message: string };

/**
 * A language frontend turns files into findings. It is pure: no I/O, and it never throws on
 * user code (an unparsable file is a `{ ok: false }` result).
 */
export interface Frontend<Facts = unknown> {
  id: string;
  /** fast-glob patterns for the files this frontend reads. */
  patterns: string[];
  handles(path: string): boolean;
  scan(file: SourceText): FileScan<Facts>;
  /**
   * Findings that need more than one file (a client exported here and used there). May repeat
   * a finding with a higher confidence; the scan keeps the most confident copy.
   */
  link?(files: { path: string; facts: Facts }[]): Finding[];
  /** Null when `text` parses, else a one-line reason. Used by the writer after editing. */
  verify(path: string, text: string): string | null;
}
