import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManualAction, ScanResult } from '../../src/core/types.js';
import { MANUAL_CODES } from '../../src/plan/codes.js';
import { planProject } from '../../src/plan/plan-project.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { FINGERPRINT_KEY, MAX_MESSAGE_LENGTH, MAX_RESULTS_PER_RUN, renderSarif } from '../../src/report/sarif.js';
import type { ReportInput } from '../../src/report/types.js';
import { scanProject } from '../../src/scan/scan.js';
import { CONTEXT, FIXTURES, reportInput } from './report-input.js';

/**
 * The official SARIF 2.1.0 schema, vendored in test/schemas/ (see its README). It is a
 * draft-04 schema: Ajv 8 reads it as draft-07 once its `id` is spelled `$id`, which is the only
 * draft-04 keyword it uses.
 */
const SCHEMA_FILE = path.resolve(import.meta.dirname, '../schemas/sarif-2.1.0.json');
const PACKAGED_SCHEMA = path.resolve(import.meta.dirname, '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function compileSchema() {
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // `unicodeRegExp: false`: the schema's `language` pattern has a stray `]`, which only non-Unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is CommonJS: its plugin is the module's `default`.
  formats.default(ajv);
  return ajv.compile({ ...schema, $id: id as string });
}

const validate = compileSchema();

function expectValid(text: string): Log {
  const log = JSON.parse(text) as Log;
  const valid = validate(log);
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(valid).toBe(true);
  return log;
}

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const REPORT_CASES = [
  ['sdk-v4-client', 'azure'],
  ['sdk-v4-client', 'zhipu'],
  ['unsupported-apis', 'zhipu'],
  ['unsupported-apis', 'deepseek'],
  ['hardcoded-key', 'yi'],
  ['model-ids', 'deepseek'],
  ['raw-fetch-base-url', 'azure'],
  ['skipped-files', 'zhipu'],
] as const;
const SCAN_CASES = ['sdk-v4-client', 'unsupported-apis', 'hardcoded-key', 'import-forms', 'env-reads'] as const;

describe('SARIF output', () => {
  it('vendors the schema that @microsoft/jest-sarif ships, unchanged', () => {
    if (!existsSync(PACKAGED_SCHEMA)) return;
    expect(readFileSync(SCHEMA_FILE).equals(readFileSync(PACKAGED_SCHEMA))).toBe(true);
  });

  it.each(REPORT_CASES)('validates against the SARIF 2.1.0 schema: %s to %s', async (name, target) => {
    expectValid(renderSarif(await reportInput(name, target), CONTEXT));
  });

  it.each(SCAN_CASES)('validates against the SARIF 2.1.0 schema: scan of %s', async (name) => {
    const root = path.join(FIXTURES, name, 'input');
    expectValid(renderSarif({ scan: await scanProject({ root, paths: [root] }) }, CONTEXT));
  });

  it('has one run whose rules are the manual-action codes its results use, and results that point at them', async () => {
    const log = expectValid(renderSarif(await reportInput('unsupported-apis', 'zhipu'), CONTEXT));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules ?? [];
    expect(run.tool.driver.name).toBe('migrate-openai');
    const used = new Set((run.results ?? []).map((result) => result.ruleId));
    expect(rules.map((rule) => rule.id)).toEqual(Object.keys(MANUAL_CODES).map((code) => `migrate-openai/${code}`).filter((id) => used.has(id)));
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) {
      expect(rule.name!.length).toBeLessThanOrEqual(255);
      expect(rule.shortDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help!.text).not.toBe('');
    }
    const results = run.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const location = result.locations![0]!.physicalLocation!;
      expect(location.artifactLocation!.uri).toMatch(/^[^/\\:][^\\:]*$/);
      expect(location.region!.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region!.startColumn).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:\d+$/);
    }
    expect(new Set(results.map((r) => r.partialFingerprints![FINGERPRINT_KEY])).size).toBe(results.length);
  });

  it('maps severities to levels: error → error, warning → warning, info → note', async () => {
    const input = syntheticInput([action('error'), action('warning'), action('info')]);
    const log = expectValid(renderSarif(input, CONTEXT));
    expect(log.runs[0]!.results!.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
  });

  it('uses one rule per finding kind for a scan, with the region of each finding', async () => {
    const root = path.join(FIXTURES, 'hardcoded-key/input');
    const log = expectValid(renderSarif({ scan: await scanProject({ root, paths: [root] }) }, CONTEXT));
    const run = log.runs[0]!;
    expect(run.tool.driver.rules!.map((rule) => rule.id)).toContain('migrate-openai/finding/api-key');
    // The key in the comment on line 3, and the one in the client options on line 4.
    const keys = run.results!.filter((r) => r.ruleId === 'migrate-openai/finding/api-key');
    expect(keys.map((key) => key.level)).toEqual(['error', 'error']);
    expect(keys.map((key) => key.locations![0]!.physicalLocation!.region)).toEqual([
      { startLine: 3, startColumn: 27, endLine: 3, endColumn: 72 },
      { startLine: 4, startColumn: 38, endLine: 4, endColumn: 85 },
    ]);
  });

  it('keeps fingerprints when lines are added above the results, and moves their regions', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrate-openai-sarif-'));
    tempDirs.push(dir);
    await cp(path.join(FIXTURES, 'unsupported-apis/input'), dir, { recursive: true });
    const render = async () => {
      const provider = getProviderOrThrow('zhipu');
      const { scan, plan, changes } = await planProject({ root: dir, paths: [dir] }, provider);
      return expectValid(renderSarif({ scan, plan: { plan, providerName: provider.name, changes } }, CONTEXT)).runs[0]!.results!;
    };
    const before = await render();
    const file = path.join(dir, 'src/everything.ts');
    await writeFile(file, `// a header comment\n\n${await readFile(file, 'utf8')}`);
    const after = await render();
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    const lines = (results: typeof before) => results.map((r) => r.locations![0]!.physicalLocation!.region!.startLine!);
    expect(lines(after)).toEqual(lines(before).map((line) => line + 2));
  });

  it(`keeps at most ${MAX_RESULTS_PER_RUN} results per run, the most severe first, and says how many it left out`, () => {
    const actions = [...Array.from({ length: MAX_RESULTS_PER_RUN }, () => action('info')), action('error', 'last')];
    const log = expectValid(renderSarif(syntheticInput(actions), CONTEXT));
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(MAX_RESULTS_PER_RUN);
    expect(run.results!.at(-1)!.message.text).toBe('last');
    expect(run.invocations![0]!.toolExecutionNotifications![0]!.message.text).toMatch(/^1 results left out/);
  });

  it('cuts long messages and percent-encodes paths', () => {
    const input = syntheticInput([{ ...action('warning', 'x'.repeat(5000)), file: 'src/with space#1.ts' }]);
    const result = expectValid(renderSarif(input, CONTEXT)).runs[0]!.results![0]!;
    expect(result.message.text!.length).toBe(MAX_MESSAGE_LENGTH);
    expect(result.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/with%20space%231.ts');
  });

  it('never shows a key, even where a message is cut', () => {
    const key = 'sk-proj-FAKEKEYforTESTS0123456789abcdefghijKLMN';
    const message = `${'x'.repeat(MAX_MESSAGE_LENGTH - 10)} ${key}`;
    const text = renderSarif(syntheticInput([action('error', message)]), CONTEXT);
    expect(text).not.toContain('FAKEKEY');
  });
});

function action(severity: ManualAction['severity'], message = `a ${severity}`): ManualAction {
  return { file: 'src/a.ts', line: 1, severity, code: 'unknown-model', message };
}

/** A plan with the given manual actions on a one-line file, without scanning anything. */
function syntheticInput(manual: ManualAction[]): ReportInput {
  const scan: ScanResult = {
    root: '/project',
    findings: [],
    skipped: [],
    stats: { discovered: 1, candidates: 1, parsed: 1, skipped: 0 },
    texts: new Map(manual.map((a) => [a.file, "  const model = 'gpt-4o';\n"])),
  };
  return { scan, plan: { plan: { target: 'zhipu', edits: [], manual, resolutions: [] }, providerName: 'Zhipu', changes: [] } };
}
