import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { FIXTURES } from './temp-project.js';

/**
 * CLI UX fixtures: each `fixtures/cli-<name>/README.md` holds a ````console block whose first line
 * is `$ migrate-openai <args>` and whose rest is that command's exact standard output. The command
 * runs in-process from the repository root with NO_COLOR and a fixed clock, must exit 0, and its
 * output must match byte for byte. UPDATE_GOLDEN=1 rewrites the block and keeps the prose.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const OPEN = '````console\n$ migrate-openai ';
const CLOSE = '````\n';

const cases = (await readdir(FIXTURES)).filter((name) => name.startsWith('cli-') && existsSync(path.join(FIXTURES, name, 'README.md'))).sort();

/** Splits the README into the text up to the output, the output, and the rest (from the closing fence). */
function parseReadme(text: string, file: string) {
  const open = text.indexOf(OPEN);
  if (open === -1) throw new Error(`${file} has no "${OPEN.replace('\n', '\\n')}" block`);
  const commandEnd = text.indexOf('\n', open + OPEN.length);
  const outputStart = commandEnd + 1;
  // The output ends with a newline, so the closing fence follows one; an empty output closes right after the command.
  const close = text.indexOf(`\n${CLOSE}`, commandEnd);
  if (close === -1) throw new Error(`${file} has no closing ${CLOSE.trim()} fence`);
  return {
    argv: text.slice(open + OPEN.length, commandEnd).split(' ').filter((arg) => arg !== ''),
    head: text.slice(0, outputStart),
    output: text.slice(outputStart, Math.max(outputStart, close + 1)),
    tail: text.slice(close + 1),
  };
}

describe('CLI UX fixtures', () => {
  it('finds the cli-* fixtures', () => {
    expect(cases).toEqual(expect.arrayContaining(['cli-plan-demo', 'cli-scan-demo']));
  });

  it.each(cases)('%s prints exactly what its README shows', async (name) => {
    const file = path.join(FIXTURES, name, 'README.md');
    const readme = parseReadme(await readFile(file, 'utf8'), file);
    const { code, stdout, stderr } = await runCli(readme.argv, { cwd: REPO_ROOT, env: { NO_COLOR: '1' }, now: () => 0 });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    if (UPDATE) {
      await writeFile(file, `${readme.head}${stdout}${readme.tail}`);
      return;
    }
    if (stdout !== readme.output) {
      expect.fail(`${name}/README.md differs from the output:\n${createTwoFilesPatch('README.md', 'actual', readme.output, stdout)}`);
    }
  });
});
