import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { planMigration } from '../../src/plan/plan.js';
import { previewChanges } from '../../src/plan/preview.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { unifiedDiff } from '../../src/report/diff.js';
import { scanProject } from '../../src/scan/scan.js';
import { FIXTURES, inputOf, useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree } from './project.js';

const temp = useTempProjects();

/** Lines ended with a lone CR, as classic Mac OS tools write them. */
const toCr = (text: string) => text.replaceAll('\n', '\r');

/** Each golden case with the first target it is checked against. */
const cases = (await readdir(FIXTURES)).filter((name) => existsSync(inputOf(name))).sort();
async function firstTarget(name: string): Promise<string | undefined> {
  const entries = await readdir(path.join(FIXTURES, name, 'expected'), { withFileTypes: true }).catch(() => []);
  const target = entries.filter((entry) => entry.isDirectory() && entry.name !== 'report').map((entry) => entry.name).sort()[0];
  return target?.replace(/[@+].*$/, '');
}

async function migrate(root: string, target: string) {
  const scan = await scanProject({ root, paths: [root] });
  const plan = planMigration(scan, getProviderOrThrow(target));
  const changes = previewChanges(plan, scan.texts);
  await applyPlan(scan, plan);
  return { plan, changes, tree: await readTree(root) };
}

/** Rewrites in place every LF-only text file of `dir` with lone CRs; returns their names. */
async function convertToCr(dir: string): Promise<Set<string>> {
  const converted = new Set<string>();
  for (const [file, bytes] of await readTree(dir)) {
    const text = bytes.toString('utf8');
    if (!text.includes('\n') || text.includes('\r') || !Buffer.from(text, 'utf8').equals(bytes)) continue;
    await writeFile(path.join(dir, file), toCr(text));
    converted.add(file);
  }
  return converted;
}

describe('files whose lines end with a lone CR migrate exactly as their LF copies do', () => {
  it.each(cases)('%s', async (name) => {
    const target = await firstTarget(name);
    if (target === undefined) return;
    const lf = await migrate(await temp.copy(name), target);
    const crDir = await temp.copy(name);
    const converted = await convertToCr(crDir);
    const cr = await migrate(crDir, target);

    // Byte for byte: the CR file's migration is the LF file's with its LFs as CRs.
    for (const [file, bytes] of lf.tree) {
      const expected = converted.has(file) ? Buffer.from(toCr(bytes.toString('utf8'))) : bytes;
      expect(cr.tree.get(file)?.equals(expected), `${file} (${target})`).toBe(true);
    }
    // The same manual actions on the same lines.
    expect(cr.plan.manual).toEqual(lf.plan.manual);
    // The patch splits lines where git does (LF only) and still rebuilds the file exactly.
    for (const change of cr.changes) expect(applyPatch(change.before, unifiedDiff([change]))).toBe(change.after);
  });
});

describe('people see a CR file line by line', () => {
  it('the terminal diff has no carriage return, and shows each changed line on its own', async () => {
    const dir = await temp.emptyDir();
    await writeFile(path.join(dir, '.env'), toCr('PORT=3000\nOPENAI_API_KEY=\nOPENAI_MODEL=gpt-4o\n'));
    const plan = await runCli(['plan', '--to', 'zhipu'], { cwd: dir });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).not.toContain('\r');
    expect(plan.stdout).toContain('\n PORT=3000\n-OPENAI_API_KEY=\n-OPENAI_MODEL=gpt-4o\n+ZHIPUAI_API_KEY=\n+OPENAI_MODEL=glm-');
    const patch = await runCli(['plan', '--to', 'zhipu', '--format', 'diff'], { cwd: dir });
    expect(patch.stdout.split('\n').filter((line) => line.startsWith('-'))).toEqual(['--- a/.env', '-PORT=3000\rOPENAI_API_KEY=\rOPENAI_MODEL=gpt-4o\r']);
  });
});
