import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { commitAll, FIXTURES, useTempProjects } from '../cli/temp-project.js';

const temp = useTempProjects();
const env = { NO_COLOR: '1' };

describe('report --base', () => {
  it('describes the migration as it was before apply, on the migrated branch', async () => {
    const repo = await temp.emptyDir();
    await cp(path.join(FIXTURES, 'demo-app'), path.join(repo, 'app'), { recursive: true });
    await commitAll(repo);
    const cwd = path.join(repo, 'app');
    const before = await runCli(['report', '--to', 'zhipu', '--format', 'json'], { cwd, env });
    expect((await runCli(['apply', '--to', 'zhipu', '--yes'], { cwd, env })).code).toBe(0);
    const after = await runCli(['report', '--to', 'zhipu', '--format', 'json'], { cwd, env });
    expect(after.stdout).not.toBe(before.stdout);
    const based = await runCli(['report', '--to', 'zhipu', '--format', 'json', '--base', 'HEAD'], { cwd, env });
    expect(based.code).toBe(0);
    expect(based.stdout).toBe(before.stdout);
    expect(based.stderr).toMatch(/^Report on the code at HEAD \([0-9a-f]{12}\)$/m);
  });

  it('refuses an unknown ref or a folder outside git with one line and exit 2', async () => {
    const repo = await temp.copy('sdk-v4-client');
    await commitAll(repo);
    const unknown = await runCli(['report', '--to', 'zhipu', '--base', 'no-such-branch'], { cwd: repo, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('error: unknown git ref "no-such-branch"');
    const plain = await temp.copy('sdk-v4-client');
    const outside = await runCli(['report', '--to', 'zhipu', '--base', 'HEAD'], { cwd: plain, env });
    expect(outside.code).toBe(2);
    expect(outside.stderr.split('\n')[0]).toMatch(/^error: --base needs a git repository, and .* is not in one$/);
  });
});
