import type { readdir as Readdir, readdirSync as ReaddirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, writeFiles } from './project.js';

// Folders named `locked` cannot be listed, as with `chmod 000` for a user who is not root,
// whether the walk lists folders with blocking calls or callbacks.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readdir = ((folder: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries?: unknown) => void) => {
    if (path.basename(String(folder)) === 'locked') {
      callback(Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' }));
      return;
    }
    (actual.readdir as unknown as (...args: unknown[]) => void)(folder, options, callback);
  }) as unknown as typeof Readdir;
  const readdirSync = ((folder: string, options: unknown) => {
    if (path.basename(String(folder)) === 'locked') throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
    return (actual.readdirSync as unknown as (...args: unknown[]) => unknown)(folder, options);
  }) as unknown as typeof ReaddirSync;
  return { ...actual, readdir, readdirSync, default: { ...actual, readdir, readdirSync } };
});

const temp = useTempProjects();

describe('a folder that cannot be read', () => {
  it('is reported as skipped, and --fail-on-findings does not pass over it', async () => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { 'locked/chat.ts': CLIENT_FILE, 'src/readme.md': 'nothing here\n' });
    const json = await runCli(['scan', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout).skipped).toEqual([{ file: 'locked/', reason: 'unreadable', message: 'folder could not be read (EACCES)' }]);
    const gate = await runCli(['scan', '--fail-on-findings'], { cwd: dir });
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('error: --fail-on-findings cannot pass: 1 path could not be read or analysed (locked/)');
  });

  it('is not reported when .gitignore leaves it out', async () => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { 'locked/chat.ts': CLIENT_FILE, '.gitignore': 'locked/\n' });
    const gate = await runCli(['scan', '--fail-on-findings'], { cwd: dir });
    expect(gate.code, gate.stderr).toBe(0);
  });
});
