import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrontendsFor } from '../../src/scan/frontends/index.js';
import { FIXTURES, useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, writeFiles } from './project.js';
import { createRandom } from './random.js';

/**
 * Random mutations of the golden fixtures' inputs: token deletions and duplications, random
 * Unicode, truncation. Property: no crash, no exception escapes (exit 0 or 1, never 3), and
 * every file `apply` writes still parses. `npm run fuzz` runs many more with FUZZ_RUNS/FUZZ_SEED.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const EXTENSIONS = /\.(?:[cm]?[jt]sx?|env|ya?ml|json)$|(?:^|\/)\.env[^/]*$/;
const ODD_CHARACTERS = ['\u0000', '\u202e', '\u2028', '\ufeff', '\ud800', '😀', '`', '${', '"', "'", '\\', '\r', '\n', '/*', '*/', '{', '}', '(', ')', ':', '- ', 'é'];

const temp = useTempProjects();

async function fixtureInputs(): Promise<{ file: string; text: string }[]> {
  const inputs: { file: string; text: string }[] = [];
  for (const name of (await readdir(FIXTURES)).sort()) {
    const root = path.join(FIXTURES, name, 'input');
    let files: string[];
    try {
      files = (await readdir(root, { recursive: true })).map(String).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      if (!EXTENSIONS.test(file) || file.includes('node_modules')) continue;
      const text = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
      if (text !== undefined && text.length < 20_000) inputs.push({ file: file.split(path.sep).join('/'), text });
    }
  }
  return inputs;
}

function mutate(text: string, random: ReturnType<typeof createRandom>): string {
  const tokens = text.split(/(\s+|[()[\]{},;:'"`=])/).filter((token) => token !== '');
  for (let step = random.int(1, 4); step > 0; step--) {
    const at = random.int(0, Math.max(0, tokens.length - 1));
    switch (random.int(0, 3)) {
      case 0:
        tokens.splice(at, random.int(1, 3));
        break;
      case 1:
        tokens.splice(at, 0, ...tokens.slice(at, at + random.int(1, 5)));
        break;
      case 2:
        tokens.splice(at, 0, random.pick(ODD_CHARACTERS));
        break;
      default:
        tokens.length = Math.min(tokens.length, at + 1);
    }
  }
  return tokens.join('');
}

describe(`fuzz: ${RUNS} mutated fixture inputs (seed ${SEED})`, () => {
  it('never crashes, and every written file parses', { timeout: 600_000 }, async () => {
    const inputs = await fixtureInputs();
    const random = createRandom(SEED);
    for (let run = 0; run < RUNS; run++) {
      const input = random.pick(inputs);
      const text = mutate(input.text, random);
      const dir = await temp.emptyDir();
      await writeFiles(dir, { [input.file]: text });
      // As stored: a lone surrogate is written as U+FFFD.
      const before = (await readTree(dir)).get(input.file)?.toString('utf8');
      const result = await runCli(['apply', '--to', random.pick(['zhipu', 'azure', 'deepseek', 'qianfan']), '--yes', '--allow-dirty', '--format', 'json'], { cwd: dir });
      const context = `run ${run}: ${input.file} ${JSON.stringify(text.slice(0, 200))}\n${result.stderr}`;
      expect([0, 1], context).toContain(result.code);
      expect(result.stderr, context).not.toMatch(/internal error|\n\s+at /);
      const after = (await readTree(dir)).get(input.file)?.toString('utf8');
      if (after !== undefined && after !== before) {
        const frontendOf = await loadFrontendsFor([input.file]);
        expect(frontendOf(input.file)?.verify(input.file, after) ?? null, context).toBeNull();
      }
    }
  });
});
