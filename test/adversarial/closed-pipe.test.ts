import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempProjects } from '../cli/temp-project.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeFiles } from './project.js';

const temp = useTempProjects();

/** A project whose scan, plan and report each print far more than a pipe holds (64 KiB). */
async function bigProject(): Promise<string> {
  const dir = await temp.emptyDir();
  const lines = ['import OpenAI from "openai";', 'const client = new OpenAI();'];
  for (let i = 0; i < 1500; i++) lines.push(`export const ask${i} = () => client.chat.completions.create({ model: "gpt-4o", messages: [] });`);
  await writeFiles(dir, { 'src/chat.ts': `${lines.join('\n')}\n` });
  return dir;
}

/**
 * Runs the built CLI with its stdout read by a reader that takes the first chunk and closes
 * the pipe, as `| head -1` does; resolves with the exit code and everything on stderr.
 */
function runIntoClosingReader(cwd: string, argv: string[]): Promise<{ code: number | null; signal: string | null; stderr: string; firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/migrate-openai.js'), ...argv], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let firstChunk = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.once('data', (chunk: Buffer) => {
      firstChunk = chunk.toString();
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, firstChunk }));
  });
}

describe('output piped into a reader that closes early (| head -1)', () => {
  it.each([
    [['scan', '--format', 'json'], 0],
    [['scan', '--fail-on-findings'], 1],
    [['plan', '--to', 'zhipu', '--format', 'diff'], 0],
    [['report', '--to', 'zhipu'], 0],
  ])('%j stops quietly with its own exit code', async (argv, code) => {
    const result = await runIntoClosingReader(await bigProject(), argv);
    expect(result.firstChunk.length).toBeGreaterThan(0);
    expect(result.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(code);
  });
});
