import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listApps, measureApp } from '../../scripts/recall-measure.mjs';
import { scanProject } from '../../src/scan/scan.js';

/**
 * The realistic apps in fixtures/apps/ were labelled before the scanner was run on them:
 * what a migration must find there, and the hard negatives it must not report. These
 * floors only go up (they are all the labelled places now, with no false positive);
 * `npm run recall -- --verbose` lists what is missed or wrongly found.
 */
const APPS = path.resolve(import.meta.dirname, '../../fixtures/apps');

const EXPECTED: Record<string, { found: number; falsePositives: number; hardNegatives: number }> = {
  'assistants-express': { found: 40, falsePositives: 0, hardNegatives: 0 },
  'fastapi-service': { found: 20, falsePositives: 0, hardNegatives: 0 },
  'langchain-rag': { found: 15, falsePositives: 0, hardNegatives: 0 },
  'legacy-v0-bot': { found: 19, falsePositives: 0, hardNegatives: 0 },
  'ml-service': { found: 11, falsePositives: 0, hardNegatives: 0 },
  'nextjs-chat': { found: 32, falsePositives: 0, hardNegatives: 0 },
  'nuxt-chat': { found: 19, falsePositives: 0, hardNegatives: 0 },
  'sveltekit-chat': { found: 13, falsePositives: 0, hardNegatives: 0 },
  'sveltekit-static-env': { found: 15, falsePositives: 0, hardNegatives: 0 },
  'vue-chatgpt-web': { found: 36, falsePositives: 0, hardNegatives: 0 },
};

describe('recall on realistic apps', () => {
  it('has an expectation for every app', () => {
    expect(listApps(APPS)).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s: finds at least the recorded share of the labelled places', async (app) => {
    const result = await measureApp(scanProject, path.join(APPS, app));
    const expected = EXPECTED[app]!;
    expect(result.found, result.missed.join('\n')).toBeGreaterThanOrEqual(expected.found);
    expect(result.falsePositives.length, result.falsePositives.join('\n')).toBeLessThanOrEqual(expected.falsePositives);
    expect(result.hardNegatives.length, result.hardNegatives.join('\n')).toBeLessThanOrEqual(expected.hardNegatives);
  });
});
