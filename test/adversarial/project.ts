import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readTree } from '../helpers/read-tree.js';

/** A small project that every migration changes: one client, one call with a model literal. */
export const CLIENT_FILE = [
  'import OpenAI from "openai";',
  'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  'export async function ask() {',
  '  return client.chat.completions.create({ model: "gpt-4o", messages: [] });',
  '}',
  '',
].join('\n');

/** Writes `files` (relative path → text) under `dir`. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

export { readTree };
