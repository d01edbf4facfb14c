// Pathological inputs for the benchmark: one file with thousands of edits, a .env of 20,000
// lines, one line holding 24,000 model literals. Each is generated under bench/trees/ (never
// committed) and `plan --format diff` and `scan --format json` on it must stay within a budget.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const INPUT_BUDGET_SECONDS = 2;

const HEADER = 'import OpenAI from "openai";\nconst client = new OpenAI();\n';

/** name → files (relative path → text) of each input. */
const INPUTS = {
  'many-edits': () => ({
    'many.ts': HEADER + Array.from({ length: 5000 }, (_, i) => `export const r${i} = await client.chat.completions.create({ model: "gpt-4o", messages: [] });\n`).join(''),
  }),
  'env-20k-lines': () => ({
    '.env': Array.from({ length: 20000 }, (_, i) => (i % 2 ? `OPENAI_API_KEY_${i}=sk-proj-${'a'.repeat(30)}${i}\n` : `MODEL_${i}=gpt-4o\n`)).join(''),
  }),
  'one-line-24k-models': () => ({
    'line.ts': `${HEADER}export const all = [${Array.from({ length: 24000 }, () => '"gpt-4o"').join(',')}];\n`,
  }),
};

/** Writes each input under `dir` and returns the commands to time, ids `<input>: plan|scan`. */
export async function prepareInputs(dir, cli, node) {
  const commands = [];
  for (const [name, make] of Object.entries(INPUTS)) {
    const root = path.join(dir, name);
    for (const [file, text] of Object.entries(make())) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    commands.push({ id: `${name}: plan`, argv: [node, cli, 'plan', '--to', 'zhipu', '--format', 'diff', '--no-cache', root] });
    commands.push({ id: `${name}: scan`, argv: [node, cli, 'scan', '--format', 'json', '--no-cache', root] });
  }
  return commands;
}
