import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { IgnoreFile, localFolderAt, NameFilter, shapeOf } from '../../src/scan/ignore-file.js';
import { createRandom } from '../adversarial/random.js';

describe('shapeOf', () => {
  it.each([
    ['node_modules/', { kind: 'name', name: 'node_modules', deep: false }],
    ['.env', { kind: 'name', name: '.env', deep: false }],
    ['!keep.ts', { kind: 'name', name: 'keep.ts', deep: false }],
    ['!#hash.ts', { kind: 'name', name: '#hash.ts', deep: false }],
    ['*.log', { kind: 'name', name: '*.log', deep: false }],
    ['file?.ts', { kind: 'name', name: 'file?.ts', deep: false }],
    ['**/generated/', { kind: 'name', name: 'generated', deep: true }],
    ['*.py[cod]', { kind: 'name', name: '*.py[cod]', deep: false }],
    ['[Bb]in/', { kind: 'name', name: '[Bb]in', deep: false }],
    ['report.[0-9]*.[a-zA-Z0-9]*.json', { kind: 'name', name: 'report.[0-9]*.[a-zA-Z0-9]*.json', deep: false }],
    ['a/[0-9]/b', { kind: 'anchored', names: 3 }],
    ['!**/*.log', { kind: 'name', name: '*.log', deep: true }],
    ['/build', { kind: 'anchored', names: 1 }],
    ['/coverage/', { kind: 'anchored', names: 1 }],
    ['src/generated/', { kind: 'anchored', names: 2 }],
    ['!/a/*/c.ts', { kind: 'anchored', names: 3 }],
    ['*/index.ts', { kind: 'anchored', names: 2 }],
    ['**/a/gen', { kind: 'any' }],
    ['**/', { kind: 'any' }],
    ['**/**/gen', { kind: 'any' }],
    ['/**/gen', { kind: 'any' }],
    ['src/**', { kind: 'any' }],
    ['a**b', { kind: 'any' }],
    ['[!-0]', { kind: 'any' }],
    ['[--z].ts', { kind: 'any' }],
    ['[^a].ts', { kind: 'any' }],
    ['[a-z', { kind: 'any' }],
    ['a].ts', { kind: 'any' }],
    ['\\#hash.ts', { kind: 'any' }],
    ['name\\ ', { kind: 'any' }],
    ['gen/ ', { kind: 'any' }],
    ['with space.ts', { kind: 'any' }],
    ['!', { kind: 'any' }],
    ['/', { kind: 'any' }],
    ['a//b', { kind: 'any' }],
    ['', undefined],
    ['# a comment', undefined],
  ] as const)('reads %j as %j', (line, shape) => {
    expect(shapeOf(line)).toEqual(shape);
  });
});

describe('NameFilter', () => {
  it.each([
    ['*.log', 'app.log', true],
    ['*.log', 'app.lo', false],
    ['npm-debug.log*', 'npm-debug.log.1', true],
    ['npm-debug.log*', 'npm-debug.lo', false],
    ['report.[0-9]*.json', 'report.1.json', true],
    ['report.[0-9]*.json', 'report.json', false],
    ['a*x*b', 'axb', true],
    ['a*x*b', 'abxb', true],
    ['a*x*x*b', 'axb', false],
    ['a*b*bc', 'abc', false],
    ['a*b*bc', 'abbc', true],
    ['report.[0-9]*.json', 'reports.json', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acbc', true],
    ['a*b*c', 'acb', false],
    ['x*y*y*z', 'xyyz', true],
    ['x*y*y*z', 'xyz', false],
    ['a*ab', 'ab', false],
    ['ab*bc', 'abc', false],
    ['ab*bc', 'abbc', true],
    ['*x*', 'ab', false],
    ['?', 'a', true],
  ] as const)('%s may match %j: %s', (glob, name, expected) => {
    // It may let through a name its glob does not match, never the other way round.
    expect(new NameFilter(glob).mayMatch(name)).toBe(expected);
  });
});

/** `ignore`'s own answer for a path: 'ignored', 'unignored' or 'none'. */
function answerOf(result: { ignored: boolean; unignored: boolean }): string {
  return result.ignored ? 'ignored' : result.unignored ? 'unignored' : 'none';
}

function verdictName(verdict: boolean | undefined): string {
  return verdict === undefined ? 'none' : verdict ? 'ignored' : 'unignored';
}

const PATTERNS = [
  'gen', 'gen/', '/gen', '!gen/', 'a', '!a', '/a/', 'a/gen', '/a/gen/', 'a/*/x.ts', '*/x.ts', '/*.ts', 'x.ts', '!x.ts',
  '*.ts', '!*.ts', 'X.TS', '?.ts', 'x.*', '**/gen', '**/gen/', '!**/gen', '**/*.ts', '!**/x.ts', '**/X.TS', '**/a/gen', 'a/**',
  'x*.t?', 'g*n*', '*e*', 'a*b*c', '?b?', 'ab*bc', '!*b', '[xy].ts', '*.[tT][sx]', '!X.[Tt][Ss]', '[a-z]/x.ts', '[!-0]', '[--z].ts', 'b/', '!b', 'gen/ ', '\\!x.ts', '!', '#x.ts',
];
const NAMES = ['a', 'b', 'abc', 'abbc', 'abc.b', 'gen', 'x.ts', 'X.ts', 'y.ts', 'Gen', '!x.ts', '-.ts', 'line\nbreak', 'x\u2028.ts', 'K.ts', '\u212A.ts', 'μx', 'µx', 'ix', 'İx', 'dist', 'Dist'];

describe('IgnoreFile.verdict', () => {
  it.each([false, true])('gives ignore\'s answer for every entry of a folder the rules do not ignore (ignoreCase %s)', (ignoreCase) => {
    const random = createRandom(ignoreCase ? 7 : 3);
    const seen = new Map<string, number>();
    for (let round = 0; round < 250; round++) {
      const content = Array.from({ length: random.int(1, 5) }, () => random.pick(PATTERNS)).join('\n');
      const file = new IgnoreFile(content, ignoreCase);
      const oracle = ignore({ ignoreCase }).add(content);
      for (let folderIndex = 0; folderIndex < 12; folderIndex++) {
        const names = Array.from({ length: random.int(0, 3) }, () => random.pick(NAMES));
        const local = names.map((name) => `${name}/`).join('');
        if (local !== '' && oracle.test(local).ignored) continue;
        for (const name of NAMES) {
          for (const isFolder of [false, true]) {
            const path = `${local}${name}${isFolder ? '/' : ''}`;
            const expected = answerOf(oracle.test(path));
            expect(verdictName(file.judgeIn(localFolderAt(local))(name, isFolder)), `${JSON.stringify(content)} at ${JSON.stringify(path)}`).toBe(expected);
            seen.set(expected, (seen.get(expected) ?? 0) + 1);
          }
        }
      }
    }
    // Every kind of answer was checked many times.
    expect(Math.min(...['ignored', 'unignored', 'none'].map((answer) => seen.get(answer) ?? 0))).toBeGreaterThan(300);
  });

  it('answers for names the literal rules do not list without asking them', () => {
    const file = new IgnoreFile('node_modules/\n.env\n!keep.env\n', false);
    expect(file.judgeIn(localFolderAt('src/'))('.env', false)).toBe(true);
    expect(file.judgeIn(localFolderAt('src/'))('keep.env', false)).toBe(false);
    expect(file.judgeIn(localFolderAt('src/'))('node_modules', true)).toBe(true);
    expect(file.judgeIn(localFolderAt('src/'))('node_modules', false)).toBeUndefined();
    expect(file.judgeIn(localFolderAt('src/'))('index.ts', false)).toBeUndefined();
  });

  it('matches names without regard to case when asked to', () => {
    const file = new IgnoreFile('Generated/\n.ENV\nk*.ts\nµ*\n', true);
    expect(file.judgeIn(localFolderAt('src/'))('generated', true)).toBe(true);
    expect(file.judgeIn(localFolderAt('src/'))('.env', false)).toBe(true);
    expect(file.judgeIn(localFolderAt('src/'))('KEY.TS', false)).toBe(true);
    // As in a regular expression without case: the Kelvin sign is no K, the micro sign is a mu.
    expect(file.judgeIn(localFolderAt('src/'))('\u212Aey.ts', false)).toBeUndefined();
    expect(file.judgeIn(localFolderAt('src/'))('\u03BCs', false)).toBe(true);
    expect(new IgnoreFile('Generated/\n.ENV\n', false).judgeIn(localFolderAt('src/'))('.env', false)).toBeUndefined();
  });

  it('leaves out a rule ignore cannot compile, which git never matches, and keeps the others', () => {
    const file = new IgnoreFile('[a--]\ngen/\n', false);
    expect(file.judgeIn(localFolderAt(''))('gen', true)).toBe(true);
    expect(file.judgeIn(localFolderAt('src/'))('a', false)).toBeUndefined();
    expect(file.test('a').ignored).toBe(false);
  });

  it('keeps anchored rules to their own depth', () => {
    const file = new IgnoreFile('/local.ts\nsrc/gen/\n*.tmp\n', false);
    expect(file.judgeIn(localFolderAt(''))('local.ts', false)).toBe(true);
    expect(file.judgeIn(localFolderAt('src/'))('local.ts', false)).toBeUndefined();
    expect(file.judgeIn(localFolderAt('src/'))('gen', true)).toBe(true);
    expect(file.judgeIn(localFolderAt('lib/src/'))('gen', true)).toBeUndefined();
    expect(file.judgeIn(localFolderAt('lib/src/'))('a.tmp', false)).toBe(true);
  });
});
