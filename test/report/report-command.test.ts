import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STEP_SUMMARY_LIMIT } from '../../src/cli/step-summary.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/github.js';
import { linesOf, runCli } from '../helpers/run-cli.js';
import { FIXTURES } from './report-input.js';

const SDK_V4 = path.join(FIXTURES, 'sdk-v4-client/input');
const UNSUPPORTED = path.join(FIXTURES, 'unsupported-apis/input');
const HARDCODED = path.join(FIXTURES, 'hardcoded-key/input');
/** The bodies of the two keys in fixtures/hardcoded-key: neither may appear in any output. */
const SECRETS = ['FAKEKEYforTESTS0123456789abcdefghijKLMN', 'OLDKEYrotatedAAAAAAAAAAAAAAAAAAAAAAAA'];

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempFile(name: string, content = ''): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'migrate-openai-report-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('report', () => {
  it('prints the Markdown report by default and changes nothing', async () => {
    const { code, stdout, stderr } = await runCli(['report', '--to', 'deepseek', SDK_V4]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^# Migration report: OpenAI → DeepSeek\n/);
    expect(stdout).toContain('| Readiness | **');
    expect(stdout).toContain('<details>');
  });

  it('writes the report to --out instead of standard output', async () => {
    const out = await tempFile('migration-report.md');
    const { code, stdout, stderr } = await runCli(['report', '--to', 'deepseek', '--out', out, SDK_V4]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Wrote ${out}\n`);
    expect(await readFile(out, 'utf8')).toMatch(/^# Migration report/);
  });

  it('adds the report section to its JSON, with the readiness figure', async () => {
    const { code, stdout } = await runCli(['report', '--to', 'zhipu', '--format', 'json', UNSUPPORTED]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as { schemaVersion: number; report: { summary: { readiness: { percent: number; automatic: number; manual: number } }; gaps: unknown[] } };
    expect(document.schemaVersion).toBe(1);
    const { readiness } = document.report.summary;
    expect(readiness.percent).toBe(Math.floor((100 * readiness.automatic) / (readiness.automatic + readiness.manual)));
    expect(document.report.gaps.length).toBeGreaterThan(0);
  });

  it('rejects a format that needs no plan for scan, and a format scan does not have', async () => {
    expect((await runCli(['scan', '--format', 'markdown', SDK_V4])).code).toBe(2);
    expect((await runCli(['report', '--to', 'deepseek', '--format', 'diff', SDK_V4])).code).toBe(2);
  });

  it('gives the same SARIF and JSON bytes on two runs, whatever the clock', async () => {
    for (const argv of [
      ['report', '--to', 'zhipu', '--format', 'sarif', UNSUPPORTED],
      ['report', '--to', 'zhipu', '--format', 'json', UNSUPPORTED],
      ['plan', '--to', 'azure', '--format', 'sarif', SDK_V4],
      ['scan', '--format', 'sarif', UNSUPPORTED],
    ]) {
      const first = await runCli(argv, { now: () => 0 });
      let tick = 0;
      const second = await runCli(argv, { now: () => (tick += 1234) });
      expect(first.code).toBe(0);
      expect(second.stdout, argv.join(' ')).toBe(first.stdout);
    }
  });
});

describe('--fail-on', () => {
  it.each([
    ['plan', 'error', UNSUPPORTED, 'zhipu', 1],
    ['report', 'error', UNSUPPORTED, 'zhipu', 1],
    ['report', 'error', SDK_V4, 'deepseek', 0],
    ['report', 'warning', SDK_V4, 'deepseek', 0],
    ['report', 'info', SDK_V4, 'deepseek', 1],
    ['plan', 'info', SDK_V4, 'deepseek', 1],
  ] as const)('%s --fail-on %s on %s for %s exits %i', async (command, severity, dir, target, expected) => {
    const { code, stderr } = await runCli([command, '--to', target, '--fail-on', severity, '--format', 'json', dir]);
    expect(code).toBe(expected);
    if (expected === 1) expect(stderr).toMatch(new RegExp(`^\\d+ manual actions? at severity ${severity} or above remains? \\(--fail-on ${severity}\\)\\n$`));
    else expect(stderr).toBe('');
  });

  it('counts the actions at or above the severity', async () => {
    const { stderr } = await runCli(['report', '--to', 'zhipu', '--fail-on', 'warning', '--format', 'json', UNSUPPORTED]);
    const errors = (await runCli(['report', '--to', 'zhipu', '--fail-on', 'error', '--format', 'json', UNSUPPORTED])).stderr;
    const count = (text: string) => Number(/^(\d+)/.exec(text)![1]);
    expect(count(stderr)).toBeGreaterThan(count(errors));
  });

  it('exits with 2 for a severity that does not exist', async () => {
    const { code, stderr } = await runCli(['report', '--to', 'zhipu', '--fail-on', 'fatal', UNSUPPORTED]);
    expect(code).toBe(2);
    expect(stderr).toContain("error: option '--fail-on <severity>' argument 'fatal' is invalid");
  });
});

describe('--format github', () => {
  it('prints one workflow command per manual action, by severity', async () => {
    const { code, stdout } = await runCli(['report', '--to', 'azure', '--format', 'github', SDK_V4], { env: { NO_COLOR: '1' } });
    expect(code).toBe(0);
    const json = JSON.parse((await runCli(['plan', '--to', 'azure', '--format', 'json', SDK_V4])).stdout) as { manual: { severity: string }[] };
    const lines = linesOf(stdout);
    expect(lines).toHaveLength(json.manual.length);
    const command = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>;
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^::${command[json.manual[i]!.severity]} file=src/[^,]+,line=\\d+,title=[^:]+::.+$`)));
  });

  it('prints one workflow command per finding for scan', async () => {
    const { code, stdout } = await runCli(['scan', '--format', 'github', HARDCODED]);
    expect(code).toBe(0);
    expect(linesOf(stdout)).toContain('::error file=scripts/seed.ts,line=4,col=38,title=OpenAI api-key::hard-coded API key (value redacted)');
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a: b, c%\n')).toBe('a%3A b%2C c%25%0A');
    expect(workflowCommand('warning', { file: 'src/a,b.ts', line: '3', title: 'Note: x' }, 'first\nsecond: 5%')).toBe(
      '::warning file=src/a%2Cb.ts,line=3,title=Note%3A x::first%0Asecond: 5%25',
    );
  });

  it('redacts a key before escaping could hide it from redaction', () => {
    const command = workflowCommand('error', { file: 'a.ts', title: `key:${'sk-proj-'}${SECRETS[0]}` }, `x:sk-proj-${SECRETS[0]}`);
    expect(command).not.toContain(SECRETS[0]);
    expect(command).toBe('::error file=a.ts,title=key%3Ask-proj-***::x:sk-proj-***');
  });

  it('appends the Markdown report to GITHUB_STEP_SUMMARY for report and plan, keeping what is there', async () => {
    const summary = await tempFile('step-summary.md', '# Earlier step\n');
    const env = { NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary };
    expect((await runCli(['report', '--to', 'deepseek', '--format', 'github', SDK_V4], { env })).code).toBe(0);
    const report = (await runCli(['report', '--to', 'deepseek', SDK_V4])).stdout;
    expect(await readFile(summary, 'utf8')).toBe(`# Earlier step\n${report}`);
    expect((await runCli(['plan', '--to', 'deepseek', '--format', 'github', SDK_V4], { env })).code).toBe(0);
    expect(await readFile(summary, 'utf8')).toBe(`# Earlier step\n${report}${report}`);
  });

  it('leaves GITHUB_STEP_SUMMARY alone for other formats and for scan', async () => {
    const summary = await tempFile('step-summary.md');
    const env = { NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary };
    await runCli(['report', '--to', 'deepseek', SDK_V4], { env });
    await runCli(['plan', '--to', 'deepseek', '--format', 'sarif', SDK_V4], { env });
    await runCli(['scan', '--format', 'github', SDK_V4], { env });
    expect(await readFile(summary, 'utf8')).toBe('');
  });

  it('leaves out the per-file sections when the summary would pass GitHub’s 1 MiB limit', async () => {
    const filler = 'x'.repeat(STEP_SUMMARY_LIMIT - 2000);
    const summary = await tempFile('step-summary.md', filler);
    await runCli(['report', '--to', 'zhipu', '--format', 'github', UNSUPPORTED], { env: { GITHUB_STEP_SUMMARY: summary } });
    const appended = (await readFile(summary, 'utf8')).slice(filler.length);
    expect(appended).toMatch(/^# Migration report/);
    expect(appended).toContain('## Capability gaps');
    expect(appended).not.toContain('## Files');
  });
});

describe('secrets', () => {
  it.each([
    ['report', 'markdown'],
    ['report', 'sarif'],
    ['report', 'github'],
    ['report', 'json'],
    ['report', 'text'],
    ['plan', 'markdown'],
    ['scan', 'sarif'],
    ['scan', 'github'],
  ])('never shows a key of fixtures/hardcoded-key in %s --format %s', async (command, format) => {
    const summary = await tempFile('step-summary.md');
    const argv = command === 'scan' ? [command, '--format', format, HARDCODED] : [command, '--to', 'yi', '--format', format, HARDCODED];
    const { code, stdout } = await runCli(argv, { env: { NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary } });
    expect(code).toBe(0);
    const written = await readFile(summary, 'utf8');
    for (const secret of SECRETS) {
      expect(stdout).not.toContain(secret);
      expect(written).not.toContain(secret);
    }
  });
});
