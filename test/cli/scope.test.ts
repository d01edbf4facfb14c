import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../src/scope/changed-lines.js';
import { runCli } from '../helpers/run-cli.js';
import { commitAll, git, useTempProjects } from './temp-project.js';

const temp = useTempProjects();

interface Json {
  findings: { file: string; line: number; kind: string }[];
  manual?: { file: string; line: number; code: string }[];
}

const OLD_CLIENT = "import OpenAI from 'openai';\nexport const client = new OpenAI();\n";
const CHAT = [
  "import { client } from './client.js';",
  "export const a = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });",
  "export const b = () => client.images.generate({ model: 'dall-e-3', prompt: 'x' });",
  '',
].join('\n');

/** A repository with one commit on main, then a branch that adds a file and edits a line. */
async function branchProject(): Promise<string> {
  const dir = await temp.emptyDir();
  await mkdir(path.join(dir, 'src'));
  await writeFile(path.join(dir, 'src/client.ts'), OLD_CLIENT);
  await writeFile(path.join(dir, 'src/chat.ts'), CHAT);
  await commitAll(dir);
  await git(dir, 'branch', '-M', 'main');
  await git(dir, 'checkout', '-qb', 'feature');
  await writeFile(path.join(dir, 'src/chat.ts'), CHAT.replace("prompt: 'x'", "prompt: 'y'"));
  await writeFile(path.join(dir, 'src/new.ts'), "export const m = 'gpt-4o-mini';\nexport const url = 'https://api.openai.com/v1';\n");
  return dir;
}

const located = (stdout: string, key: 'findings' | 'manual') => ((JSON.parse(stdout) as Json)[key] ?? []).map((item) => `${item.file}:${item.line}`);

describe('--changed-since', () => {
  it('parses the new-side lines of a zero-context diff, new files and deletions included', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3 +3 @@',
      '-x',
      '+y',
      '@@ -10,2 +10,0 @@',
      '@@ -20,0 +19,3 @@',
      '--- /dev/null',
      '+++ "b/caf\\303\\251.ts"',
      '@@ -0,0 +1,2 @@',
      '--- a/gone.ts',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
    ].join('\n');
    const changed = parseUnifiedDiff(diff);
    expect([...changed.keys()]).toEqual(['src/a.ts', 'café.ts']);
    expect([...(changed.get('src/a.ts') as Set<number>)]).toEqual([3, 19, 20, 21]);
    expect([...(changed.get('café.ts') as Set<number>)]).toEqual([1, 2]);
  });

  it('limits scan findings to lines changed since the ref, untracked files whole', async () => {
    const dir = await branchProject();
    const all = await runCli(['scan', dir, '--format', 'json']);
    expect(located(all.stdout, 'findings').length).toBeGreaterThan(6);
    const { code, stdout } = await runCli(['scan', dir, '--format', 'json', '--changed-since', 'main']);
    expect(code).toBe(0);
    expect(located(stdout, 'findings')).toEqual(['src/chat.ts:3', 'src/chat.ts:3', 'src/new.ts:1', 'src/new.ts:2']);
  });

  it('gates plan on the manual actions of changed lines and keeps edits to changed files', async () => {
    const dir = await branchProject();
    const { code, stdout } = await runCli(['plan', dir, '--to', 'deepseek', '--format', 'json', '--changed-since', 'main', '--fail-on', 'error']);
    // One action for the images call: the API is unsupported, so its model is not reported again.
    expect(located(stdout, 'manual')).toEqual(['src/chat.ts:3']);
    expect(code).toBe(1);
    const edited = new Set((JSON.parse(stdout) as { edits: { file: string }[] }).edits.map((edit) => edit.file));
    expect([...edited].sort()).toEqual(['src/chat.ts', 'src/new.ts']);
  });

  it('applies only to files changed since the ref', async () => {
    const dir = await branchProject();
    const { code } = await runCli(['apply', dir, '--to', 'deepseek', '--yes', '--allow-dirty', '--changed-since', 'main', '--format', 'json']);
    expect(code).toBe(0);
    expect(await readFile(path.join(dir, 'src/client.ts'), 'utf8')).toBe(OLD_CLIENT);
    expect(await readFile(path.join(dir, 'src/new.ts'), 'utf8')).toContain('deepseek');
  });

  it('fails with exit 2 and one line for an unknown ref or outside a repository', async () => {
    const dir = await branchProject();
    const unknown = await runCli(['scan', dir, '--changed-since', 'no-such-branch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error: unknown git ref "no-such-branch" for --changed-since\nhint: fetch it first (in CI: actions/checkout with fetch-depth: 0)\n');
    const plain = await temp.emptyDir();
    const outside = await runCli(['scan', plain, '--changed-since', 'main']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^error: --changed-since needs a git repository/);
  });
});

describe('--baseline', () => {
  it('ignores what the baseline listed, even after lines moved, and reports what is new', async () => {
    const dir = await temp.emptyDir();
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src/client.ts'), OLD_CLIENT);
    await writeFile(path.join(dir, 'src/chat.ts'), CHAT);
    // Kept outside the scanned folder: a report holds model ids a later scan would find.
    const reports = await temp.emptyDir();
    const baseline = path.join(reports, 'baseline.json');
    await runCli(['scan', dir, '--format', 'json', '--out', baseline]);
    await runCli(['plan', dir, '--to', 'deepseek', '--format', 'json', '--out', path.join(reports, 'plan-baseline.json')]);
    // Two lines inserted above everything, and one new call.
    await writeFile(path.join(dir, 'src/chat.ts'), `// header\n// more\n${CHAT}export const c = () => client.images.generate({ model: 'dall-e-3', prompt: 'x' });\n`);
    const scan = await runCli(['scan', dir, '--format', 'json', '--baseline', baseline, '--fail-on-findings']);
    expect(located(scan.stdout, 'findings')).toEqual(['src/chat.ts:6', 'src/chat.ts:6']);
    expect(scan.code).toBe(1);
    const plan = await runCli(['plan', dir, '--to', 'deepseek', '--format', 'json', '--baseline', path.join(reports, 'plan-baseline.json'), '--fail-on', 'error']);
    expect(located(plan.stdout, 'manual')).toEqual(['src/chat.ts:6']);
    expect(plan.code).toBe(1);
  });

  it('passes once everything left was in the baseline', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, 'chat.ts'), CHAT);
    const baseline = path.join(await temp.emptyDir(), 'baseline.json');
    await runCli(['scan', dir, '--format', 'json', '--out', baseline]);
    const { code, stdout } = await runCli(['scan', dir, '--baseline', baseline, '--fail-on-findings']);
    expect(code).toBe(0);
    expect(stdout).toContain('No OpenAI usage found');
  });

  it('rejects a file that is not a JSON report with exit 2', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, 'x.json'), '{"hello": 1}');
    await writeFile(path.join(dir, 'y.json'), 'not json');
    const wrong = await runCli(['scan', dir, '--baseline', path.join(dir, 'x.json')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: .*x\.json is not a migrate-openai JSON report\n/);
    const broken = await runCli(['scan', dir, '--baseline', path.join(dir, 'y.json')]);
    expect(broken.stderr).toMatch(/^error: cannot read the baseline .*y\.json: not JSON\n$/);
  });
});

describe('--fail-on none', () => {
  it("turns off the configuration file's failOn", async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, 'chat.ts'), CHAT);
    await writeFile(path.join(dir, 'migrate-openai.config.json'), JSON.stringify({ target: 'deepseek', failOn: 'info' }));
    expect((await runCli(['plan', dir, '--format', 'json'])).code).toBe(1);
    expect((await runCli(['plan', dir, '--format', 'json', '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['report', dir, '--fail-on', 'none'])).code).toBe(0);
  });
});
