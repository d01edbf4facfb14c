import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, writeFiles } from './project.js';

const temp = useTempProjects();

async function project(files: Record<string, string> = {}): Promise<string> {
  const dir = await temp.emptyDir();
  await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE, ...files });
  return dir;
}

const ESCAPE_HINT = 'escape a bracket, brace or parenthesis meant literally with \\';

describe('a malformed glob is refused, naming it', () => {
  it.each([
    ['[', 'missing closing "]"'],
    ['src/**/[a-', 'missing closing "]"'],
    ['src/{a,b', 'missing closing "}"'],
    ['*.(ts', 'missing closing ")"'],
    ['a]', 'missing opening "["'],
  ])('--include %j: one line, exit 2', async (glob, problem) => {
    const dir = await project();
    for (const flag of ['--include', '--exclude']) {
      const result = await runCli(['scan', flag, glob], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: option '${flag} <glob>' argument '${glob}' is invalid. ${problem}; ${ESCAPE_HINT}\n`);
    }
  });

  it('an empty glob is refused too, not an internal error', async () => {
    const result = await runCli(['plan', '--to', 'zhipu', '--include', ''], { cwd: await project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: option '--include <glob>' argument '' is invalid. a glob cannot be empty\n");
  });

  it('in the configuration file: the file, the field and the glob', async () => {
    const dir = await project({ 'migrate-openai.config.json': '{ "include": ["src/**"], "exclude": ["legacy/{a"] }\n' });
    const result = await runCli(['scan'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: migrate-openai.config.json: exclude[0]: invalid glob "legacy/{a": missing closing "}"; ${ESCAPE_HINT}\n`);
  });

  it.each(['src/**/*.ts', 'app/[id]/**', '*.{ts,js}', '!(legacy)/**', 'src/\\[draft\\].ts'])('%j is a valid glob', async (glob) => {
    const result = await runCli(['scan', '--include', glob], { cwd: await project() });
    expect(result.code, result.stderr).toBe(0);
  });

  it('a glob naming a folder that does not exist matches nothing, and no folder is called unreadable', async () => {
    const result = await runCli(['scan', '--fail-on-findings', '--include', 'docs', '--format', 'json'], { cwd: await project() });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).skipped).toEqual([]);
  });
});

describe('--root that is not a folder', () => {
  it.each([
    ['a regular file', 'src/chat.ts', 'is a file'],
    ['a missing path', 'nowhere', 'does not exist'],
    ['a path below a file', 'src/chat.ts/x', 'does not exist'],
  ])('%s: one line saying a folder was expected, exit 2', async (_what, root, problem) => {
    const result = await runCli(['scan', '--root', root], { cwd: await project() });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: --root expects a folder, but ${root} ${problem}`);
  });

  it('a FIFO is never opened', async () => {
    const dir = await project();
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    for (const command of [['scan'], ['plan', '--to', 'zhipu'], ['apply', '--to', 'zhipu', '--yes']]) {
      const result = await runCli([...command, '--root', 'pipe'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe('error: --root expects a folder, but pipe is a FIFO');
    }
  });
});
