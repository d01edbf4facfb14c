import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/errors.js';
import { FINDING_KINDS } from '../src/core/types.js';
import { MANUAL_CODES } from '../src/plan/codes.js';
import { providers } from '../src/providers/index.js';

/** The README is the user's reference: it must name every public identifier the code has. */
const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');

describe('README', () => {
  it.each(providers.map((p) => [p.id, p]))('documents provider %s with its key variable and regions', (_id, provider) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${provider.id}\` |`));
    expect(row, `no providers table row for ${provider.id}`).toBeDefined();
    expect(row).toContain(provider.apiKeyEnv);
    for (const region of Object.keys(provider.baseUrls)) {
      if (region !== provider.defaultRegion) expect(row).toContain(`\`${region}\``);
    }
  });

  it('documents every manual-action code', () => {
    expect(Object.keys(MANUAL_CODES).filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });

  it('documents every finding kind', () => {
    expect(FINDING_KINDS.filter((kind) => !readme.includes(`| \`${kind}\` |`))).toEqual([]);
  });

  it('documents every exit code', () => {
    expect(Object.values(EXIT).filter((code) => !readme.includes(`| ${code} |`))).toEqual([]);
  });
});
