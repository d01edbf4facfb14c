import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { ContainmentIndex } from '../../src/plan/containment.js';

function finding(file: string, start: number, end: number): Finding {
  return { file, language: 'ts', kind: 'api-call', span: { start, end, line: 1, column: 1, endLine: 1, endColumn: 1 }, snippet: '', confidence: 'certain' } as Finding;
}

/** Every finding of `outers` around `inner`, by comparing each pair. */
function bruteForce(outers: Finding[], inner: Finding): Finding[] {
  return outers.filter((outer) => outer !== inner && outer.file === inner.file && outer.span.start <= inner.span.start && inner.span.end <= outer.span.end);
}

describe('ContainmentIndex', () => {
  it('finds nested spans in the order given, never the finding itself nor another file', () => {
    const outer = finding('a.ts', 0, 100);
    const middle = finding('a.ts', 10, 50);
    const inner = finding('a.ts', 20, 30);
    const after = finding('a.ts', 60, 90);
    const elsewhere = finding('b.ts', 0, 100);
    const index = new ContainmentIndex([middle, after, outer, elsewhere, inner]);
    expect(index.containing(inner)).toEqual([middle, outer]);
    expect(index.containing(finding('a.ts', 70, 80))).toEqual([after, outer]);
    expect(index.containing(finding('c.ts', 0, 1))).toEqual([]);
  });

  it('agrees with comparing every pair on random spans', () => {
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % limit;
    };
    for (let round = 0; round < 50; round++) {
      const outers = Array.from({ length: 40 }, () => {
        const start = random(200);
        return finding(random(2) ? 'a.ts' : 'b.ts', start, start + random(60));
      });
      const index = new ContainmentIndex(outers);
      for (let probe = 0; probe < 40; probe++) {
        const start = random(200);
        const inner = probe % 4 === 0 ? outers[probe]! : finding(random(2) ? 'a.ts' : 'b.ts', start, start + random(20));
        expect(index.containing(inner)).toEqual(bruteForce(outers, inner));
      }
    }
  });
});
