import { applyPatch, createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/apply/splice.js';
import type { Edit } from '../../src/core/types.js';
import { quotePath, unifiedDiff } from '../../src/report/diff.js';
import { createRandom } from './random.js';

/** A random file of short lines (some repeated, some CRLF, maybe no final newline) and non-overlapping edits. */
function randomChange(random: ReturnType<typeof createRandom>) {
  const words = ['a', 'b', 'model', 'gpt-4o', '', '  x', 'const k = 1;'];
  const lineCount = random.int(0, 30);
  let before = Array.from({ length: lineCount }, () => random.pick(words) + random.pick(['\n', '\n', '\r\n'])).join('');
  if (random.int(0, 3) === 0) before += random.pick(words);
  const edits: Edit[] = [];
  let position = 0;
  while (position <= before.length && edits.length < 6) {
    const start = random.int(position, Math.min(before.length, position + 20));
    const end = random.int(start, Math.min(before.length, start + random.pick([0, 1, 5, 15])));
    const text = random.pick(['', 'z', 'glm-4.6', '\n', 'new line\n', '\r\n', 'x\ny']);
    edits.push({ file: 'f.ts', start, end, text, reason: 'random' });
    position = end + 1;
    if (random.int(0, 2) === 0) break;
  }
  const after = applyEdits(before, edits);
  return { file: 'f.ts', before, after, edits: edits.length, spans: edits };
}

describe('the patch built from the edits', () => {
  it('turns the text before into the text after for a thousand random files and edits', () => {
    const random = createRandom(13);
    for (let round = 0; round < 1000; round++) {
      const change = randomChange(random);
      const patch = unifiedDiff([change]);
      if (change.before === change.after) continue;
      expect(applyPatch(change.before, patch), JSON.stringify(change)).toBe(change.after);
    }
  });

  it('is the whole-file line diff when edits sit on separate or adjacent lines', () => {
    const before = Array.from({ length: 40 }, (_, index) => `line ${index}\n`).join('');
    const edits: Edit[] = [3, 4, 5, 20, 38].map((line) => {
      const start = before.indexOf(`line ${line}\n`);
      return { file: 'f.ts', start, end: start + `line ${line}`.length, text: `changed ${line}`, reason: 'r' };
    });
    const after = applyEdits(before, edits);
    const expected = createTwoFilesPatch('a/f.ts', 'b/f.ts', before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
    expect(unifiedDiff([{ file: 'f.ts', before, after, edits: edits.length, spans: edits }])).toBe(expected);
  });

  it('quotes file names as git does when they hold a newline, a quote or a backslash', () => {
    expect(quotePath('a/src/chat.ts')).toBe('a/src/chat.ts');
    expect(quotePath('a/new\nline.ts')).toBe('"a/new\\nline.ts"');
    expect(quotePath('a/say "hi"\\é.ts')).toBe('"a/say \\"hi\\"\\\\\\303\\251.ts"');
  });
});
