import { describe, expect, it } from 'vitest';
import type { ManualAction } from '../../src/core/types.js';
import { mergeProjectActions } from '../../src/plan/aggregate.js';

const deployment = (file: string, line: number, model: string): ManualAction => ({
  file,
  line,
  severity: 'info',
  code: 'create-deployment',
  message: `create a deployment named ${model}`,
});

describe('mergeProjectActions', () => {
  it('reports one deployment per model for the project, at its first call site, listing every site', () => {
    const merged = mergeProjectActions([deployment('b.ts', 3, 'gpt-4o'), deployment('a.ts', 9, 'gpt-4o'), deployment('a.ts', 2, 'gpt-4o-mini')]);
    expect(merged).toEqual([
      { ...deployment('a.ts', 2, 'gpt-4o-mini'), callSites: [{ file: 'a.ts', line: 2 }] },
      { ...deployment('a.ts', 9, 'gpt-4o'), callSites: [{ file: 'a.ts', line: 9 }, { file: 'b.ts', line: 3 }] },
    ]);
  });

  it('keeps every action of a per-call problem', () => {
    const call = (line: number): ManualAction => ({ file: 'a.ts', line, severity: 'error', code: 'unsupported-api', message: 'moderations.create: not available' });
    expect(mergeProjectActions([call(4), call(8)])).toEqual([call(4), call(8)]);
  });
});
