import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  InvalidEditError,
  OverlappingEditsError,
} from '../../src/apply/splice.js';
import type { Edit } from '../../src/core/types.js';

function edit(start: number, end: number, text: string, reason = 'test', file = 'src/a.ts'): Edit {
  return { file, start, end, text, reason };
}

describe('applyEdits', () => {
  it('returns the text unchanged when there are no edits', () => {
    expect(applyEdits('const a = 1;\n', [])).toBe('const a = 1;\n');
  });

  it('inserts text at an offset without touching its neighbours', () => {
    expect(applyEdits('ab', [edit(1, 1, 'X')])).toBe('aXb');
    expect(applyEdits('ab', [edit(0, 0, '<'), edit(2, 2, '>')])).toBe('<ab>');
  });

  it('replaces a range', () => {
    expect(applyEdits("model: 'gpt-4o'", [edit(8, 14, 'glm-4')])).toBe("model: 'glm-4'");
  });

  it('deletes a range', () => {
    expect(applyEdits('a, b, c', [edit(1, 4, '')])).toBe('a, c');
  });

  it('applies edits given out of order against the original offsets', () => {
    const text = 'one two three';
    const edits = [edit(8, 13, '3'), edit(0, 3, '1'), edit(4, 7, '2')];
    expect(applyEdits(text, edits)).toBe('1 2 3');
  });

  it('keeps the given order of insertions at the same offset', () => {
    expect(applyEdits('()', [edit(1, 1, 'a'), edit(1, 1, 'b'), edit(1, 1, 'c')])).toBe('(abc)');
    expect(applyEdits('()', [edit(1, 1, 'c'), edit(1, 1, 'b'), edit(1, 1, 'a')])).toBe('(cba)');
  });

  it('puts an insertion before a replacement that starts at the same offset', () => {
    expect(applyEdits('old', [edit(0, 3, 'new'), edit(0, 0, '// ')])).toBe('// new');
  });

  it('accepts an edit that starts where the previous one ends', () => {
    expect(applyEdits('abcd', [edit(0, 2, 'X'), edit(2, 4, 'Y'), edit(4, 4, '!')])).toBe('XY!');
  });

  it('does not mutate the edits array it is given', () => {
    const edits = [edit(2, 3, 'c'), edit(0, 1, 'a')];
    applyEdits('xyz', edits);
    expect(edits.map((e) => e.start)).toEqual([2, 0]);
  });

  it('throws OverlappingEditsError naming the file and both edits', () => {
    const first = edit(0, 5, 'client', 'rename client');
    const second = edit(3, 8, 'model', 'swap model');
    let caught: unknown;
    try {
      applyEdits('0123456789', [second, first]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OverlappingEditsError);
    const overlap = caught as OverlappingEditsError;
    expect(overlap.file).toBe('src/a.ts');
    expect(overlap.first).toBe(first);
    expect(overlap.second).toBe(second);
    expect(overlap.message).toBe(
      'overlapping edits in src/a.ts: [0, 5) → "client" (rename client) and [3, 8) → "model" (swap model)',
    );
  });

  it('treats an insertion inside a replaced range as an overlap', () => {
    expect(() => applyEdits('0123456789', [edit(2, 6, 'x'), edit(4, 4, 'y')])).toThrow(OverlappingEditsError);
  });

  it('treats two identical replacements as an overlap', () => {
    expect(() => applyEdits('0123456789', [edit(2, 6, 'x'), edit(2, 6, 'x')])).toThrow(OverlappingEditsError);
  });

  it.each([
    ['a negative start', edit(-1, 2, 'x')],
    ['an end past the end of the text', edit(3, 11, 'x')],
    ['a start after its end', edit(5, 4, 'x')],
    ['a fractional offset', edit(1.5, 2, 'x')],
    ['a NaN offset', edit(Number.NaN, 2, 'x')],
  ])('throws InvalidEditError for %s', (_name, bad) => {
    expect(() => applyEdits('0123456789', [bad])).toThrow(InvalidEditError);
    expect(() => applyEdits('0123456789', [bad])).toThrow(/src\/a\.ts is outside the text \(length 10\)/);
  });

  it('accepts an insertion at the very end of the text', () => {
    expect(applyEdits('abc', [edit(3, 3, '\n')])).toBe('abc\n');
  });

  it('throws InvalidEditError when the edits belong to different files', () => {
    expect(() => applyEdits('abc', [edit(0, 1, 'x'), edit(2, 3, 'y', 'test', 'src/b.ts')])).toThrow(
      'edits for src/a.ts and src/b.ts were applied to one text',
    );
  });

  it('keeps CRLF line endings outside the edited ranges', () => {
    const text = "import OpenAI from 'openai';\r\nconst model = 'gpt-4o';\r\n";
    const start = text.indexOf('gpt-4o');
    const result = applyEdits(text, [edit(start, start + 'gpt-4o'.length, 'glm-4')]);
    expect(result).toBe("import OpenAI from 'openai';\r\nconst model = 'glm-4';\r\n");
    expect(result.match(/\r\n/g)).toHaveLength(2);
    expect(result.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps a leading BOM when the first line is edited', () => {
    const text = "\uFEFFimport OpenAI from 'openai';\n";
    const start = text.indexOf('OpenAI');
    const result = applyEdits(text, [edit(start, start + 'OpenAI'.length, 'Client')]);
    expect(result).toBe("\uFEFFimport Client from 'openai';\n");
    expect(result.charCodeAt(0)).toBe(0xfeff);
  });

  it('keeps a leading BOM when an insertion lands right after it', () => {
    expect(applyEdits('\uFEFFx', [edit(1, 1, '// migrated\n')])).toBe('\uFEFF// migrated\nx');
  });
});
