import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { FULL_DIFF_LIMIT, hunksOf, showChanges } from '../../src/cli/review.js';
import type { Edit } from '../../src/core/types.js';

function context(): { ctx: CliContext; stderr: () => string } {
  let stderr = '';
  const ctx: CliContext = { cwd: '.', env: { NO_COLOR: '1' }, stdout: { write() {} }, stderr: { write: (text) => void (stderr += text) }, stdinIsTTY: true, now: () => 0, exitCode: 0 };
  return { ctx, stderr: () => stderr };
}

describe('review', () => {
  it('shows the whole diff before the question for a small plan', () => {
    const { ctx, stderr } = context();
    showChanges(ctx, [{ file: 'a.ts', before: "m('gpt-4o')\n", after: "m('glm-4.6')\n", edits: 1 }], undefined);
    expect(stderr()).toBe("--- a/a.ts\n+++ b/a.ts\n@@ -1,1 +1,1 @@\n-m('gpt-4o')\n+m('glm-4.6')\n\n");
  });

  it('shows one line per file instead when the diff is longer than the limit', () => {
    const { ctx, stderr } = context();
    const big = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');
    const changes = [
      { file: 'src/big.ts', before: big(FULL_DIFF_LIMIT), after: big(FULL_DIFF_LIMIT).replace(/line/g, 'row'), edits: FULL_DIFF_LIMIT },
      { file: 'b.ts', before: 'x\n', after: 'y\n', edits: 1 },
    ];
    showChanges(ctx, changes, undefined);
    const lines = stderr().split('\n');
    expect(lines[0]).toMatch(/^2 files to change \(the diff has \d+ lines; `migrate-openai plan` prints it\):$/);
    expect(lines.slice(1, 3)).toEqual([`  src/big.ts  ${FULL_DIFF_LIMIT} edits  +${FULL_DIFF_LIMIT} -${FULL_DIFF_LIMIT}`, '  b.ts           1 edit  +1 -1']);
  });

  it('gives every edit to the hunk its first line falls in', () => {
    const before = Array.from({ length: 30 }, (_, i) => `l${i + 1}`).join('\n');
    const at = (line: number) => before.indexOf(`l${line}\n`);
    const edits: Edit[] = [2, 20, 21].map((line) => ({ file: 'a.ts', start: at(line), end: at(line) + `l${line}`.length, text: `L${line}`, reason: '' }));
    let after = before;
    for (const edit of [...edits].reverse()) after = after.slice(0, edit.start) + edit.text + after.slice(edit.end);
    const hunks = hunksOf({ file: 'a.ts', before, after, edits: 3 }, edits);
    expect(hunks.map((hunk) => hunk.edits.map((edit) => edit.text))).toEqual([['L2'], ['L20', 'L21']]);
    expect(hunks[1]!.lines[0]).toBe('@@ -17,8 +17,8 @@');
  });
});
