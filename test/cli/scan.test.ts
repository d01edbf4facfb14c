import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesOf, runCli } from '../helpers/run-cli.js';
import { inputOf, useTempProjects } from './temp-project.js';

const temp = useTempProjects();
const SDK_V4 = inputOf('sdk-v4-client');

interface ScanJson {
  schemaVersion: number;
  summary: { findings: number };
  findings: { file: string; kind: string }[];
  skipped: { file: string; reason: string }[];
}

const filesOf = (stdout: string) => [...new Set((JSON.parse(stdout) as ScanJson).findings.map((f) => f.file))].sort();

describe('scan', () => {
  it('prints findings grouped by file, then the counts, without colour under NO_COLOR', async () => {
    const { code, stdout, stderr } = await runCli(['scan', SDK_V4]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/\x1b\[/);
    const lines = linesOf(stdout);
    expect(lines.filter((line) => /^\S/.test(line)).slice(0, 4)).toEqual(['package.json', 'src/chat.ts', 'src/client.ts', 'src/models.ts']);
    expect(lines).toContain('  src/client.ts:4:23   client     new OpenAI(…)');
    expect(lines).toContain('  src/models.ts:1:53  model      gpt-4o-mini');
    expect(lines.slice(-3)).toEqual([
      '5 files discovered, 4 candidates, 4 parsed, 0 skipped',
      '12 findings: 3 import, 2 client, 2 api-call, 2 model, 3 env-var',
      'Done in 0 ms',
    ]);
  });

  it('writes JSON with schemaVersion 1 that is byte-identical across runs, whatever the clock', async () => {
    const first = await runCli(['scan', '--format', 'json', SDK_V4]);
    let tick = 0;
    const second = await runCli(['scan', '--format', 'json', SDK_V4], { now: () => (tick += 1234) });
    expect(first.code).toBe(0);
    const document = JSON.parse(first.stdout) as ScanJson;
    expect(document.schemaVersion).toBe(1);
    expect(document.summary.findings).toBe(12);
    expect(document.findings).toHaveLength(12);
    expect(second.stdout).toBe(first.stdout);
  });

  it('exits with 1 under --fail-on-findings when something is found', async () => {
    const { code, stdout } = await runCli(['scan', '--fail-on-findings', SDK_V4]);
    expect(code).toBe(1);
    expect(stdout).toContain('12 findings');
  });

  it('exits with 0 under --fail-on-findings on a folder without OpenAI usage', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, 'index.ts'), 'export const answer = 42;\n');
    const { code, stdout } = await runCli(['scan', '--fail-on-findings', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('No OpenAI usage found');
  });

  it('does not give the all-clear when a file that may hold usage was skipped', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, 'index.ts'), 'export const answer = 42;\n');
    await writeFile(path.join(dir, 'chat.ts'), "import OpenAI from 'openai';\nexport const ai = new OpenAI((;\n");
    const { stdout } = await runCli(['scan', dir]);
    expect(stdout).toContain('chat.ts  parse-error');
    expect(stdout).toContain('No OpenAI usage found in the files read; 1 skipped file (listed above) may hold some');
    expect(stdout).not.toMatch(/^No OpenAI usage found$/m);
    const gate = await runCli(['scan', '--fail-on-findings', dir]);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('error: --fail-on-findings cannot pass: 1 path could not be read or analysed (chat.ts)');
  });

  it('writes the report to --out and prints nothing on stdout', async () => {
    const dir = await temp.emptyDir();
    const { code, stdout, stderr } = await runCli(['scan', '--format', 'json', '--out', 'report.json', SDK_V4], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('Wrote report.json\n');
    const written = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as ScanJson;
    expect(written.findings).toHaveLength(12);
  });

  it('scans only the files --include matches', async () => {
    const { code, stdout } = await runCli(['scan', '--format', 'json', '--include', 'src/models.ts', SDK_V4]);
    expect(code).toBe(0);
    expect(filesOf(stdout)).toEqual(['src/models.ts']);
  });

  it('leaves out the files --exclude matches', async () => {
    const { code, stdout } = await runCli(['scan', '--format', 'json', '--exclude', 'src/client.ts', '--exclude', 'src/chat.ts', '--exclude', 'package.json', SDK_V4]);
    expect(code).toBe(0);
    expect(filesOf(stdout)).toEqual(['src/models.ts']);
  });

  it('exits with 2 and one line naming the path as typed when a path does not exist', async () => {
    const relative = await runCli(['scan', 'no/such/folder']);
    expect(relative).toEqual({ code: 2, stdout: '', stderr: 'error: path not found: no/such/folder\n' });
    const absolute = await runCli(['scan', '/does/not/exist']);
    expect(absolute).toEqual({ code: 2, stdout: '', stderr: 'error: path not found: /does/not/exist\n' });
  });

  it('exits with 2 and one line on stderr for an unknown flag', async () => {
    const { code, stdout, stderr } = await runCli(['scan', '--bogus', SDK_V4]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(linesOf(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^error: unknown option '--bogus'/);
  });

  it('exits with 2 for an unknown --format and names the valid ones', async () => {
    const { code, stdout, stderr } = await runCli(['scan', '--format', 'xml', SDK_V4]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(linesOf(stderr)).toHaveLength(1);
    expect(stderr).toContain("argument 'xml' is invalid");
    expect(stderr).toContain('text, json');
  });

  it('lists a file that does not parse under Skipped and still exits with 0', async () => {
    const { code, stdout } = await runCli(['scan', inputOf('skipped-files')]);
    expect(code).toBe(0);
    const lines = linesOf(stdout);
    const skipped = lines.indexOf('Skipped');
    expect(skipped).toBeGreaterThan(0);
    expect(lines.slice(skipped + 1)).toContainEqual(expect.stringMatching(/^ {2}src\/broken\.ts {2}parse-error {2}\d+:\d+ /));
    expect(lines.slice(skipped + 1)).toContainEqual(expect.stringMatching(/^ {2}src\/chunk-4f2a\.js {2}minified {2}minified or generated code /));
    // Wrapped at 100 columns, the rest under a four-space indent.
    const legacy = lines.indexOf('  src/Legacy.vue  unsupported-script  line 5: a <script lang="coffee"> is not JavaScript or');
    expect(lines.slice(legacy, legacy + 2)).toEqual(['  src/Legacy.vue  unsupported-script  line 5: a <script lang="coffee"> is not JavaScript or', '    TypeScript']);
    expect(stdout).toContain('6 skipped');
  });
});
