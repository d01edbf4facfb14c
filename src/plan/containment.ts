import { groupByFile } from '../core/group.js';
import type { Finding } from '../core/types.js';

/** A finding with its place in the list the index was built from. */
interface Ranked {
  finding: Finding;
  order: number;
}

/**
 * Which findings of a set contain a given finding (same file, span around it), without
 * comparing every pair: a file with thousands of calls and model ids is answered in
 * logarithmic time per lookup, where a scan of the whole set would make planning quadratic.
 */
export class ContainmentIndex {
  private readonly byFile = new Map<string, { sorted: Ranked[]; maxEnd: number[] }>();

  constructor(outers: readonly Finding[]) {
    for (const [file, list] of groupByFile(outers.map((finding, order) => ({ file: finding.file, finding, order })))) {
      const sorted = list.sort((a, b) => a.finding.span.start - b.finding.span.start);
      // The largest end among the spans that start at or before each position: where a
      // backward search can stop, since no earlier span reaches the inner one's end.
      const maxEnd: number[] = [];
      sorted.forEach(({ finding }, index) => maxEnd.push(Math.max(finding.span.end, index > 0 ? maxEnd[index - 1]! : -1)));
      this.byFile.set(file, { sorted, maxEnd });
    }
  }

  /** The findings around `inner`, itself excepted, in the order they were given. */
  containing(inner: Finding): Finding[] {
    const entry = this.byFile.get(inner.file);
    if (entry === undefined) return [];
    const { sorted, maxEnd } = entry;
    // The last span that starts at or before the inner one.
    let low = 0;
    let high = sorted.length - 1;
    let last = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]!.finding.span.start <= inner.span.start) {
        last = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const found: Ranked[] = [];
    for (let index = last; index >= 0 && maxEnd[index]! >= inner.span.end; index--) {
      const candidate = sorted[index]!;
      if (candidate.finding !== inner && candidate.finding.span.end >= inner.span.end) found.push(candidate);
    }
    return found.sort((a, b) => a.order - b.order).map(({ finding }) => finding);
  }
}
