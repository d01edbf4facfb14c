import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

/** The Express app's Assistants service reaches its client through an untyped constructor parameter: `likely` calls. */
const APP = path.join(REPO_ROOT, 'fixtures/apps/assistants-express/project');

async function scanJson(...flags: string[]) {
  const { code, stdout, stderr } = await runCli(['scan', APP, '--format', 'json', ...flags]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as { summary: { findings: number; minConfidence?: string }; findings: { confidence: string; file: string }[] };
}

describe('scan --min-confidence', () => {
  it('keeps every finding by default and says nothing about a filter', async () => {
    const all = await scanJson();
    expect(new Set(all.findings.map((f) => f.confidence))).toEqual(new Set(['certain', 'likely']));
    expect(all.summary.minConfidence).toBeUndefined();
  });

  it('leaves out findings less sure than the level, and records the level in the JSON summary', async () => {
    const all = await scanJson();
    const certain = await scanJson('--min-confidence', 'certain');
    expect(certain.findings.every((f) => f.confidence === 'certain')).toBe(true);
    expect(certain.findings.length).toBe(all.findings.filter((f) => f.confidence === 'certain').length);
    expect(certain.findings.some((f) => f.file === 'src/services/assistant.service.js')).toBe(false);
    expect(certain.summary).toMatchObject({ findings: certain.findings.length, minConfidence: 'certain' });
  });

  it('refuses an unknown level with a usage error', async () => {
    const { code, stderr } = await runCli(['scan', APP, '--min-confidence', 'sure']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--min-confidence/);
  });
});
