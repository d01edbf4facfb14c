import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../helpers/read-tree.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { inputOf, useTempProjects } from './temp-project.js';

/** fixtures/hardcoded-key holds OpenAI keys in code and in a comment; no output may repeat them. */
const temp = useTempProjects();
const INPUT = inputOf('hardcoded-key');

const OUTPUTS = [
  'scan text',
  'scan json',
  'plan text',
  'plan json',
  'plan diff',
  'plan --diff file',
  'apply --dry-run json',
  'apply text',
] as const;
type OutputName = (typeof OUTPUTS)[number];

let keys: string[] = [];
const outputs = new Map<OutputName, string>();

const both = ({ stdout, stderr }: CliResult) => `${stdout}\n${stderr}`;

beforeAll(async () => {
  const sources = [...(await readTree(INPUT)).values()].map((bytes) => bytes.toString('utf8'));
  keys = [...new Set(sources.flatMap((text) => text.match(/sk-[A-Za-z0-9_-]{20,}/g) ?? []))];

  const work = await temp.emptyDir();
  const copy = await temp.copy('hardcoded-key');
  const patch = path.join(work, 'out.patch');
  const plan = ['plan', '--to', 'yi', INPUT];
  outputs.set('scan text', both(await runCli(['scan', INPUT])));
  outputs.set('scan json', both(await runCli(['scan', '--format', 'json', INPUT])));
  outputs.set('plan text', both(await runCli(plan)));
  outputs.set('plan json', both(await runCli([...plan, '--format', 'json'])));
  outputs.set('plan diff', both(await runCli([...plan, '--format', 'diff', '--diff', patch])));
  outputs.set('plan --diff file', await readFile(patch, 'utf8'));
  outputs.set('apply --dry-run json', both(await runCli(['apply', '--to', 'yi', '--dry-run', '--format', 'json', copy])));
  outputs.set('apply text', both(await runCli(['apply', '--to', 'yi', '--yes', copy])));
});

describe('hard-coded keys', () => {
  it('are found in the fixture: one in code and one in a comment', () => {
    expect(keys).toHaveLength(2);
  });

  it.each(['scan json', 'plan text', 'plan json', 'plan diff', 'plan --diff file'] as const)('show as sk-proj-*** in the %s output', (name) => {
    expect(outputs.get(name)).toContain('sk-proj-***');
  });

  it.each(OUTPUTS)('never appear in the %s output, not even in part', (name) => {
    const output = outputs.get(name)!;
    expect(output.length).toBeGreaterThan(1);
    for (const key of keys) {
      expect(output).not.toContain(key);
      // A cut-off snippet would leak the start of the secret without the whole key.
      const secret = key.replace(/^sk-(?:proj-|svcacct-|admin-)?/, '');
      expect(output).not.toContain(secret.slice(0, 8));
    }
  });
});
