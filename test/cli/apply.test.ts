import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { planProject } from '../../src/plan/plan-project.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { readTree } from '../helpers/read-tree.js';
import { linesOf, runCli } from '../helpers/run-cli.js';
import { commitAll, expectedOf, git, inputOf, useTempProjects } from './temp-project.js';

const temp = useTempProjects();
const NOT_A_REPO = 'note: not a git repository, so these changes cannot be reviewed or undone with git\n';

/** Every file apply changed must equal `expected/<target>/`; every other file must equal the input. */
async function expectMigrated(dir: string, fixture: string, target: string): Promise<void> {
  const expected = await readTree(expectedOf(fixture, target));
  const input = await readTree(inputOf(fixture));
  const output = await readTree(dir);
  expect(expected.size).toBeGreaterThan(0);
  expect([...output.keys()]).toEqual([...input.keys()]);
  for (const [file, bytes] of output) {
    const want = expected.get(file) ?? input.get(file)!;
    expect(bytes.toString('utf8'), file).toBe(want.toString('utf8'));
  }
}

describe('apply', () => {
  it('writes exactly the files of expected/<target>/ and leaves the rest alone', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { code, stdout } = await runCli(['apply', '--to', 'deepseek', '--yes', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Migrated to DeepSeek: 3 files changed');
    await expectMigrated(dir, 'sdk-v4-client', 'deepseek');
  });

  it('refuses a dirty git work tree with exit 2, and proceeds with --allow-dirty', async () => {
    const repo = await temp.copy('sdk-v4-client');
    await commitAll(repo);
    await appendFile(path.join(repo, 'src/util.ts'), '// work in progress\n');
    const before = await readTree(repo);

    const refused = await runCli(['apply', '--to', 'deepseek', '--yes', repo]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(linesOf(refused.stderr)).toEqual([
      'error: the git work tree has uncommitted changes (1 file: src/util.ts)',
      'hint: commit or stash them first, or pass --allow-dirty',
    ]);
    expect(await readTree(repo)).toEqual(before);

    const allowed = await runCli(['apply', '--to', 'deepseek', '--yes', '--allow-dirty', repo]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('3 files changed');
  });

  it('applies in a clean git work tree without a note', async () => {
    const repo = await temp.copy('sdk-v4-client');
    await commitAll(repo);
    const { code, stderr } = await runCli(['apply', '--to', 'deepseek', '--yes', repo]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(await git(repo, 'status', '--porcelain')).not.toBe('');
  });

  it('notes that the folder is not a git repository and applies anyway', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { code, stderr } = await runCli(['apply', '--to', 'deepseek', '--yes', dir]);
    expect(code).toBe(0);
    expect(stderr).toBe(NOT_A_REPO);
    await expectMigrated(dir, 'sdk-v4-client', 'deepseek');
  });

  it('writes nothing with --dry-run but reports what it would change', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const before = await readTree(dir);
    const { code, stdout } = await runCli(['apply', '--to', 'deepseek', '--dry-run', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run for DeepSeek: 3 files to change');
    expect(await readTree(dir)).toEqual(before);
  });

  it('changes 0 files when run a second time', async () => {
    const dir = await temp.copy('sdk-v4-client');
    expect((await runCli(['apply', '--to', 'deepseek', '--yes', dir])).code).toBe(0);
    const once = await readTree(dir);
    const { code, stdout } = await runCli(['apply', '--to', 'deepseek', '--yes', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Migrated to DeepSeek: 0 files changed (0 edits)');
    expect(await readTree(dir)).toEqual(once);
  });

  it('accepts -y as well as --yes without a terminal', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { code } = await runCli(['apply', '--to', 'deepseek', '-y', dir]);
    expect(code).toBe(0);
    await expectMigrated(dir, 'sdk-v4-client', 'deepseek');
  });

  it('skips a file that changed on disk after it was planned, and writes the others', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { scan, plan } = await planProject({ root: dir, paths: [dir] }, getProviderOrThrow('deepseek'));
    const edited = '// edited by hand meanwhile\n';
    await writeFile(path.join(dir, 'src/models.ts'), edited);
    const outcomes = await applyPlan(scan, plan);
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['src/chat.ts', 'changed'],
      ['src/client.ts', 'changed'],
      ['src/models.ts', 'skipped'],
    ]);
    expect(outcomes[2]).toMatchObject({ reason: 'changed-on-disk' });
    expect((await readTree(dir)).get('src/models.ts')?.toString('utf8')).toBe(edited);
  });

  it('reports the outcome of every file with --format json', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { code, stdout } = await runCli(['apply', '--to', 'deepseek', '--yes', '--format', 'json', dir]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as { files: { file: string; status: string }[] };
    expect(document.files).toEqual([
      { file: 'src/chat.ts', status: 'changed' },
      { file: 'src/client.ts', status: 'changed' },
      { file: 'src/models.ts', status: 'changed' },
    ]);
  });
});
