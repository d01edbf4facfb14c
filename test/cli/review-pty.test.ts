import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { useTempProjects } from './temp-project.js';

const temp = useTempProjects();
const execFileAsync = promisify(execFile);
const DRIVER = path.join(REPO_ROOT, 'test/helpers/pty-driver.py');
const BIN = path.join(REPO_ROOT, 'bin/migrate-openai.js');

/** Keys for the review question: the choices are Accept, Skip, Accept the rest of this file, Quit. */
const DOWN = '\u001b[B';
const KEYS = { accept: '\r', skip: `${DOWN}\r`, file: `${DOWN}${DOWN}\r`, quit: `${DOWN}${DOWN}${DOWN}\r` };

/** Runs the built CLI in a pseudo-terminal (python3's pty module) and answers its questions. */
async function inTerminal(cwd: string, args: string[], steps: [RegExp, string][]): Promise<{ code: number; output: string }> {
  const { stdout } = await execFileAsync('python3', [DRIVER, JSON.stringify(steps.map(([pattern, keys]) => [pattern.source, keys])), process.execPath, BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, GIT_CEILING_DIRECTORIES: path.dirname(cwd), COLUMNS: '100', LINES: '40' },
    timeout: 120_000,
  });
  return JSON.parse(stdout) as { code: number; output: string };
}

const FILLER = Array.from({ length: 10 }, (_, i) => `// step ${i + 1}`).join('\n');
const APP = [
  "import OpenAI from 'openai';",
  'const client = new OpenAI({ organization: process.env.OPENAI_ORG_ID });',
  FILLER,
  "export const a = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });",
  FILLER,
  "export const b = () => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });",
  '',
].join('\n');

describe('apply review in a terminal', () => {
  it('reviews hunk by hunk with the manual actions beside the diff: skip, accept, then the rest of the next file', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, 'app.ts'), APP);
    await writeFile(path.join(dir, 'other.ts'), APP.replace("'gpt-4o'", "'gpt-4.1'"));
    const { code, output } = await inTerminal(dir, ['apply', '--to', 'deepseek', '--interactive'], [
      [/Apply this hunk to app\.ts\? \(1\/3\)/, KEYS.skip],
      [/Apply this hunk to app\.ts\? \(2\/3\)/, KEYS.accept],
      [/Apply this hunk to app\.ts\? \(3\/3\)/, KEYS.skip],
      [/Apply this hunk to other\.ts\? \(1\/3\)/, KEYS.file],
    ]);
    expect(code).toBe(0);
    expect(output).toContain('[1/2] app.ts (3 edits, 3 hunks)');
    expect(output).toMatch(/1 manual action in this file:\s+! line 2, info openai-account-option/);
    expect(output).toMatch(/-const client = new OpenAI\(\{ organization: process\.env\.OPENAI_ORG_ID \}\);/);
    expect(output).toContain('Migrated to DeepSeek: 2 files changed');
    const app = await readFile(path.join(dir, 'app.ts'), 'utf8');
    expect(app).toContain('const client = new OpenAI({ organization: process.env.OPENAI_ORG_ID });');
    expect(app).toContain("model: 'deepseek-v4-pro'");
    expect(app).toContain("model: 'gpt-4o-mini'");
    const other = await readFile(path.join(dir, 'other.ts'), 'utf8');
    expect(other).not.toMatch(/gpt-|OpenAI\(\{ organization: process\.env\.OPENAI_ORG_ID \}\)/);
  });

  it('writes nothing when the first answer is quit', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, 'app.ts'), APP);
    const { code, output } = await inTerminal(dir, ['apply', '--to', 'deepseek', '--interactive'], [[/Apply this hunk to app\.ts\? \(1\/3\)/, KEYS.quit]]);
    expect(code).toBe(0);
    expect(output).toContain('Nothing written.');
    expect(await readFile(path.join(dir, 'app.ts'), 'utf8')).toBe(APP);
  });

  it('shows the diff before asking to confirm, and writes nothing on no', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, 'app.ts'), APP);
    const { code, output } = await inTerminal(dir, ['apply', '--to', 'deepseek'], [[/Apply 3 edits to 1 file for DeepSeek\?/, 'n\r']]);
    expect(code).toBe(0);
    const diffAt = output.indexOf("+export const a = () => client.chat.completions.create({ model: 'deepseek-v4-pro', messages: [] });");
    expect(diffAt).toBeGreaterThan(-1);
    expect(diffAt).toBeLessThan(output.indexOf('Apply 3 edits to 1 file'));
    expect(output).toContain('Nothing written.');
    expect(await readFile(path.join(dir, 'app.ts'), 'utf8')).toBe(APP);
  });
});
