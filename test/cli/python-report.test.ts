import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

/** The demo app (TypeScript with a Python worker) plus a notebook: one scan, every format. */
describe('a mixed TypeScript and Python project', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mixed-'));
  cpSync(path.join(REPO_ROOT, 'fixtures', 'demo-app'), root, { recursive: true });
  const notebook = {
    cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['from openai import OpenAI\n', 'client = OpenAI()'] }],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(path.join(root, 'worker', 'explore.ipynb'), `${JSON.stringify(notebook, null, 1)}\n`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const scan = (format: string) => runCli(['scan', '--format', format], { cwd: root });

  it('lists Python findings in the text report like TypeScript ones, notebook cells named', async () => {
    const { stdout, code } = await scan('text');
    expect(code).toBe(0);
    expect(stdout).toContain('  src/chat/stream.ts:7:24  api-call   chat.completions.create (model gpt-4o)');
    expect(stdout).toContain('  worker/digest/jobs.py:8:22  api-call   chat.completions.create (model gpt-4o-mini)');
    expect(stdout).toContain('  worker/explore.ipynb:10:15  client     OpenAI(…) (cell 1, line 2)');
    expect(stdout).toContain('  worker/digest/llm.py:7:10  client     AsyncOpenAI(…)');
    expect(stdout).toContain('  worker/requirements.txt:1:1  import     openai >=1.55,<2');
  });

  it('gives Python findings their language, and notebook findings their cell, in JSON', async () => {
    const report = JSON.parse((await scan('json')).stdout) as { findings: { file: string; kind: string; language: string; line: number; cell?: unknown }[] };
    const languages = new Set(report.findings.map((finding) => finding.language));
    expect([...languages].sort()).toEqual(['env', 'js', 'json', 'python', 'requirements', 'ts']);
    expect(report.findings.find((f) => f.file === 'worker/explore.ipynb' && f.kind === 'client')).toMatchObject({ language: 'python', line: 10, cell: { index: 1, line: 2 } });
  });

  it('points SARIF results at Python lines and at the notebook JSON line', async () => {
    const sarif = JSON.parse((await scan('sarif')).stdout) as {
      runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const where = sarif.runs[0]!.results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine} ${r.message.text}`);
    expect(where).toContain('worker/digest/llm.py:7 Creates an OpenAI client: AsyncOpenAI(…)');
    expect(where).toContain('worker/explore.ipynb:10 Creates an OpenAI client: OpenAI(…) (cell 1, line 2)');
  });

  it('annotates Python lines for GitHub and lists them in the Markdown report', async () => {
    const github = (await scan('github')).stdout;
    expect(github).toMatch(/file=worker\/digest\/jobs\.py,line=8,.*chat\.completions\.create \(model gpt-4o-mini\)/);
    const markdown = (await runCli(['report', '--to', 'deepseek', '--format', 'markdown'], { cwd: root })).stdout;
    expect(markdown).toContain('worker/digest/jobs.py');
    expect(markdown).toContain('OpenAI(…) (cell 1, line 2)');
  });
});
