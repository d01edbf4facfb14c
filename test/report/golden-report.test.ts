import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { reporters, type Format } from '../../src/report/index.js';
import { scanProject } from '../../src/scan/scan.js';
import { CONTEXT, FIXTURES, reportInput } from './report-input.js';

/**
 * Golden outputs of the reporters. Each `fixtures/<case>/expected/report/` holds, for every
 * `<target>.md` in it (a provider id, or `<id>@<region>`), the `report` output in every format,
 * and the `scan` output in the formats scan adds. Compared byte for byte; UPDATE_GOLDEN=1
 * rewrites them (add a target by creating an empty `<target>.md` first).
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** File extension of each format's golden file. */
const REPORT_FILES: Record<Exclude<Format, 'diff'>, string> = {
  markdown: 'md',
  json: 'json',
  sarif: 'sarif',
  text: 'txt',
  github: 'github.txt',
};
const SCAN_FILES = { sarif: 'scan.sarif', github: 'scan.github.txt' } as const;

const cases = (await readdir(FIXTURES)).filter((name) => existsSync(path.join(FIXTURES, name, 'expected/report'))).sort();

async function targetsOf(name: string): Promise<string[]> {
  const files = await readdir(path.join(FIXTURES, name, 'expected/report'));
  return files.filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -'.md'.length)).sort();
}

async function expectFile(file: string, actual: string): Promise<void> {
  if (UPDATE) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = existsSync(file) ? await readFile(file, 'utf8') : '';
  if (expected !== actual) {
    expect.fail(`${path.relative(FIXTURES, file)} differs from the output:\n${createTwoFilesPatch('expected', 'actual', expected, actual)}`);
  }
}

describe('report golden outputs', () => {
  it('has fixtures with report goldens', () => {
    expect(cases.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(cases)('fixture %s', async (name) => {
    const dir = path.join(FIXTURES, name, 'expected/report');

    it.each(await targetsOf(name))('renders the report for %s in every format', async (target) => {
      const input = await reportInput(name, target);
      for (const [format, extension] of Object.entries(REPORT_FILES) as [Format, string][]) {
        await expectFile(path.join(dir, `${target}.${extension}`), reporters[format](input, CONTEXT));
      }
    });

    it('renders the scan as SARIF and workflow commands', async () => {
      const root = path.join(FIXTURES, name, 'input');
      const scan = await scanProject({ root, paths: [root] });
      for (const [format, file] of Object.entries(SCAN_FILES) as [Format, string][]) {
        await expectFile(path.join(dir, file), reporters[format]({ scan }, CONTEXT));
      }
    });
  });
});
