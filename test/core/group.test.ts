import { describe, expect, it } from 'vitest';
import { groupByFile } from '../../src/core/group.js';
import type { Edit } from '../../src/core/types.js';

function edit(start: number, end: number, text: string, reason: string, file: string): Edit {
  return { file, start, end, text, reason };
}

describe('groupByFile', () => {
  it('groups items by file in first-seen order and keeps each file’s edit order', () => {
    const a1 = edit(5, 6, 'a1', 'r', 'a.ts');
    const b1 = edit(0, 1, 'b1', 'r', 'b.ts');
    const a2 = edit(0, 1, 'a2', 'r', 'a.ts');
    const grouped = groupByFile([a1, b1, a2]);
    expect([...grouped.keys()]).toEqual(['a.ts', 'b.ts']);
    expect(grouped.get('a.ts')).toEqual([a1, a2]);
    expect(grouped.get('b.ts')).toEqual([b1]);
  });

  it('returns an empty map for no items', () => {
    expect(groupByFile([]).size).toBe(0);
  });
});
