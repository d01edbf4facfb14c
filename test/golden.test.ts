import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../src/apply/apply-plan.js';
import { planMigration } from '../src/plan/plan.js';
import { getProviderOrThrow } from '../src/providers/index.js';
import { renderJson } from '../src/report/json.js';
import { loadFrontendsFor } from '../src/scan/frontends/index.js';
import { scanProject } from '../src/scan/scan.js';
import { copyFixture, readTree } from './helpers/read-tree.js';

/**
 * The fixture runner. Each `fixtures/<case>/input/` is scanned and compared with
 * `expected/scan.json`; for each target with `expected/<target>/` or `<target>.manual.json`
 * (a target is a provider id, or `<id>@<region>` to migrate with `--region`, either one with
 * `+entra` to migrate with `--azure-auth entra` or `+untracked` as files git could not restore)
 * the input is migrated in a temp copy and checked byte for byte. UPDATE_GOLDEN=1 rewrites.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const REPORT_CONTEXT = { color: 0, version: '0.0.0-test', elapsedMs: 0 } as const;

// Realistic apps (fixtures/apps/) with an `input/` folder are golden cases too.
const cases = [...(await readdir(FIXTURES)), ...(await readdir(path.join(FIXTURES, 'apps'))).map((name) => `apps/${name}`)]
  .filter((name) => existsSync(path.join(FIXTURES, name, 'input')))
  .sort();
const targetsByCase = new Map(await Promise.all(cases.map(async (name) => [name, await targetsOf(path.join(FIXTURES, name, 'expected'))] as const)));
const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function targetsOf(expectedDir: string): Promise<string[]> {
  if (!existsSync(expectedDir)) return [];
  const names = await readdir(expectedDir, { withFileTypes: true });
  const targets = new Set<string>();
  for (const entry of names) {
    // `expected/report/` holds the reporters' golden outputs (test/report/golden-report.test.ts).
    if (entry.isDirectory() && entry.name !== 'report') targets.add(entry.name);
    else if (entry.name.endsWith('.manual.json')) targets.add(entry.name.slice(0, -'.manual.json'.length));
  }
  return [...targets].sort();
}

async function expectFile(file: string, actual: Buffer | string): Promise<void> {
  const bytes = Buffer.isBuffer(actual) ? actual : Buffer.from(actual);
  if (UPDATE) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return;
  }
  const expected = existsSync(file) ? await readFile(file) : Buffer.alloc(0);
  if (!expected.equals(bytes)) {
    const patch = createTwoFilesPatch('expected', 'actual', expected.toString('utf8'), bytes.toString('utf8'));
    expect.fail(`${path.relative(FIXTURES, file)} differs from the output:\n${patch}`);
  }
}

/**
 * A target folder is `<provider>` or `<provider>@<region>`, with `+entra` for keyless Azure and
 * `+untracked` for a tree git could not restore (every file ignored or uncommitted).
 */
async function migrate(root: string, target: string) {
  const [name, ...variants] = target.split('+') as [string, ...string[]];
  const [id, region] = name.split('@') as [string, string | undefined];
  const provider = getProviderOrThrow(id);
  const scan = await scanProject({ root, paths: [root] });
  const plan = planMigration(scan, provider, {
    region,
    ...(variants.includes('entra') ? { azureAuth: 'entra' as const } : {}),
    ...(variants.includes('untracked') ? { keepSecretsIn: new Set(scan.texts.keys()) } : {}),
  });
  const outcomes = await applyPlan(scan, plan);
  return { scan, plan, outcomes, provider };
}

describe.each(cases)('fixture %s', (name) => {
  const caseDir = path.join(FIXTURES, name);
  const inputDir = path.join(caseDir, 'input');
  const expectedDir = path.join(caseDir, 'expected');

  it('scans to expected/scan.json', async () => {
    const scan = await scanProject({ root: inputDir, paths: [inputDir] });
    await expectFile(path.join(expectedDir, 'scan.json'), renderJson({ scan }, REPORT_CONTEXT));
  });

  it.each(targetsByCase.get(name)!)('migrates to %s', async (target) => {
    const root = await copyFixture(inputDir);
    tempDirs.push(root);
    const input = await readTree(inputDir);
    const { plan, outcomes, provider } = await migrate(root, target);
    const output = await readTree(root);
    const targetDir = path.join(expectedDir, target);
    const changed = new Set(outcomes.filter((o) => o.status === 'changed').map((o) => o.file));

    // 1. Every file the migration changes equals its expected copy, byte for byte.
    if (UPDATE) await rm(targetDir, { recursive: true, force: true });
    for (const file of changed) await expectFile(path.join(targetDir, file), output.get(file)!);
    const expectedFiles = UPDATE ? changed : new Set((await readTree(targetDir).catch(() => new Map())).keys());
    expect([...changed].sort()).toEqual([...expectedFiles].sort());

    // 2. Every other file is untouched: the diff is minimal.
    for (const [file, bytes] of input) {
      if (!changed.has(file)) expect(output.get(file)?.equals(bytes), `${file} changed`).toBe(true);
    }

    // 3. The manual actions are exactly the expected ones.
    await expectFile(path.join(expectedDir, `${target}.manual.json`), `${JSON.stringify(plan.manual, null, 2)}\n`);

    // 4. Idempotence: a second run plans no edit.
    const again = await migrate(root, target);
    expect(again.plan.edits, `second apply to ${provider.id} still edits`).toEqual([]);

    // 5. Every changed file still parses.
    const frontendFor = await loadFrontendsFor(changed);
    for (const file of changed) {
      expect(frontendFor(file)?.verify(file, output.get(file)!.toString('utf8')) ?? null, `${file} no longer parses`).toBeNull();
    }
  });
});
