import { readTree } from '../helpers/read-tree.js';
import { writeFiles } from '../helpers/write-files.js';

/** A small project that every migration changes: one client, one call with a model literal. */
export const CLIENT_FILE = [
  'import OpenAI from "openai";',
  'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  'export async function ask() {',
  '  return client.chat.completions.create({ model: "gpt-4o", messages: [] });',
  '}',
  '',
].join('\n');

export { readTree, writeFiles };
