import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, writeFiles } from './project.js';

const temp = useTempProjects();

/** A named pipe with no writer: reading it the ordinary way blocks for ever. */
function fifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe('a FIFO where the tool reads a file by name', () => {
  it('as .gitignore: the scan goes on without its rules', async () => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE });
    fifo(path.join(dir, '.gitignore'));
    const scan = await runCli(['scan', '--format', 'json'], { cwd: dir });
    expect(scan.code, scan.stderr).toBe(0);
    expect(JSON.parse(scan.stdout).findings.length).toBeGreaterThan(0);
  });

  it('as the configuration file: one line, exit 2', async () => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE });
    fifo(path.join(dir, 'migrate-openai.config.json'));
    const plan = await runCli(['plan', '--to', 'zhipu'], { cwd: dir });
    expect(plan.code).toBe(2);
    expect(plan.stderr.split('\n')[0]).toBe('error: cannot read migrate-openai.config.json: not a regular file');
  });

  it('a folder named like the configuration file: one line, exit 2', async () => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE, 'cfg/keep': '' });
    const plan = await runCli(['plan', '--to', 'zhipu', '--config', 'cfg'], { cwd: dir });
    expect(plan.code).toBe(2);
    expect(plan.stderr.split('\n')[0]).toBe('error: cannot read cfg: not a regular file');
  });
});
