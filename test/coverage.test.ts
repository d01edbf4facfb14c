import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../src/core/types.js';
import { MANUAL_CODES } from '../src/plan/codes.js';
import { providers } from '../src/providers/index.js';

/** Checks that the fixtures, taken together, exercise every public identifier. */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const cases = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'expected')));

function expectedFiles(suffix: string): string[] {
  return cases.flatMap((name) => {
    const dir = path.join(FIXTURES, name, 'expected');
    return readdirSync(dir).filter((file) => file.endsWith(suffix)).map((file) => path.join(dir, file));
  });
}

describe('fixture coverage', () => {
  it('has a scan.json finding of every finding kind', () => {
    const kinds = new Set(
      expectedFiles('scan.json').flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { findings: { kind: string }[] }).findings.map((f) => f.kind)),
    );
    expect(FINDING_KINDS.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it('has a manual action of every code', () => {
    const codes = new Set(
      expectedFiles('.manual.json').flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { code: string }[]).map((a) => a.code)),
    );
    // `verify-failed` comes from a live `verify` run, which fixtures cannot hold; test/verify covers it.
    expect(Object.keys(MANUAL_CODES).filter((code) => !codes.has(code) && code !== 'verify-failed')).toEqual([]);
    expect([...codes].filter((code) => !(code in MANUAL_CODES))).toEqual([]);
  });

  it('has at least one expected output for every provider', () => {
    const targets = new Set(cases.flatMap((name) => readdirSync(path.join(FIXTURES, name, 'expected'))));
    expect(providers.map((p) => p.id).filter((id) => !targets.has(id))).toEqual([]);
  });
});
