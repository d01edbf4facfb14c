import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { appendUnbroken, wrapAfter } from '../../src/report/wrap.js';
import { scanProject } from '../../src/scan/scan.js';
import { CONTEXT, FIXTURES, reportInput } from './report-input.js';
import path from 'node:path';

describe('wrapAfter at a fixed width', () => {
  it('keeps a line that fits as it is, spacing included', () => {
    expect(wrapAfter('  a.ts:1  ', 'model  gpt-4o', '    ', 30)).toEqual(['  a.ts:1  model  gpt-4o']);
  });

  it('breaks a longer text at spaces, later lines under the indent', () => {
    expect(wrapAfter('  head  ', 'one two three four five six seven', '        ', 24)).toEqual(['  head  one two three', '        four five six', '        seven']);
  });

  it('gives a word longer than a line a line of its own', () => {
    expect(wrapAfter('  see ', 'https://example.com/a/very/long/path now', '    ', 20)).toEqual(['  see https://example.com/a/very/long/path', '    now']);
  });

  it('does not count colour codes as columns', () => {
    const red = (text: string) => `\u001b[31m${text}\u001b[39m`;
    expect(wrapAfter('  ', `${red('error')} fits here`, '  ', 18)).toEqual([`  ${red('error')} fits here`]);
  });

  it('puts a label after the text when it fits, else on its own line', () => {
    expect(appendUnbroken(['  12:3  api-call  chat'], 'no change needed', '    ', 40)).toEqual(['  12:3  api-call  chat  no change needed']);
    expect(appendUnbroken(['  12:3  api-call  chat.completions.create'], 'no change needed', '    ', 40)).toEqual(['  12:3  api-call  chat.completions.create', '    no change needed']);
  });
});

/** Lines wider than 100 columns that could have been broken (a lone URL cannot). */
function overlong(lines: readonly string[]): string[] {
  return lines.filter((line) => line.length > 100 && line.trim().includes(' '));
}

describe('text output fits 100 columns', () => {
  it.each([
    ['unsupported-apis', 'zhipu'],
    ['model-ids', 'deepseek'],
    ['package-json-deps', 'zhipu'],
  ])('report --format text for %s → %s: summary, models, gap notes and finding lines', async (name, target) => {
    const lines = renderText(await reportInput(name, target), CONTEXT).split('\n');
    // Up to the end of Capability gaps (no diffs there), and every finding line of the file sections.
    const gaps = lines.indexOf('Capability gaps');
    const head = lines.slice(0, lines.indexOf('', gaps));
    const findings = lines.filter((line) => /^ {2}\d+:\d+ /.test(line));
    expect(gaps).toBeGreaterThan(0);
    expect(findings.length).toBeGreaterThan(0);
    expect(overlong([...head, ...findings])).toEqual([]);
  });

  it('scan lines of long findings wrap under their description', async () => {
    const root = path.join(FIXTURES, 'compose-and-k8s', 'input');
    const text = renderText({ scan: await scanProject({ root, paths: [root] }) }, CONTEXT);
    expect(overlong(text.split('\n'))).toEqual([]);
  });
});
