import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from './errors.js';

/** A JSON file the user named: its value, or what went wrong in a few words (`not JSON`, `ENOENT` …). */
export type JsonFile = { ok: true; value: unknown } | { ok: false; problem: string; isNotJson: boolean };

/** Reads and parses a JSON file relative to `cwd`; each caller words its own one-line error. */
export async function readJsonFile(cwd: string, file: string): Promise<JsonFile> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    return { ok: false, problem: describeError(error), isNotJson: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'not JSON', isNotJson: true };
  }
}
