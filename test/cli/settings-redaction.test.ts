import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { commitAll, inputOf, useTempProjects } from './temp-project.js';

/**
 * The settings fixtures hold OpenAI keys in .env, YAML and JSON files: no output of any
 * command may repeat them, and no migrated file that git can restore may keep them.
 */
const temp = useTempProjects();
const CASES = ['env-files', 'compose-and-k8s', 'json-settings'] as const;
const KEY_SHAPE = /sk-[A-Za-z0-9_-]{20,}/g;

interface Outputs {
  keys: string[];
  outputs: Map<string, string>;
  migrated: Map<string, Buffer>;
}

const results = new Map<string, Outputs>();

beforeAll(async () => {
  for (const name of CASES) {
    const input = inputOf(name);
    const sources = [...(await readTree(input)).values()].map((bytes) => bytes.toString('utf8'));
    const keys = [...new Set(sources.flatMap((text) => text.match(KEY_SHAPE) ?? []))];
    const work = await temp.emptyDir();
    const copy = await temp.copy(name);
    const patch = path.join(work, 'out.patch');
    const plan = ['plan', '--to', 'zhipu', input];
    const outputs = new Map<string, string>();
    const run = async (label: string, argv: string[]) => {
      const { stdout, stderr } = await runCli(argv);
      outputs.set(label, `${stdout}\n${stderr}`);
    };
    await run('scan text', ['scan', input]);
    await run('scan json', ['scan', '--format', 'json', input]);
    await run('scan sarif', ['scan', '--format', 'sarif', input]);
    await run('plan text', plan);
    await run('plan json', [...plan, '--format', 'json']);
    await run('plan diff', [...plan, '--format', 'diff', '--diff', patch]);
    await run('report markdown', ['report', '--to', 'zhipu', input]);
    outputs.set('plan --diff file', await readFile(patch, 'utf8'));
    // Committed, so that git can give back the keys the migration removes (else they stay).
    await commitAll(copy);
    await run('apply text', ['apply', '--to', 'zhipu', '--yes', copy]);
    results.set(name, { keys, outputs, migrated: await readTree(copy) });
  }
});

describe.each(CASES)('keys in the %s fixture', (name) => {
  it('are there to be found', () => {
    expect(results.get(name)!.keys.length).toBeGreaterThan(0);
  });

  it('never appear in an output, not even in part', () => {
    const { keys, outputs } = results.get(name)!;
    for (const [label, output] of outputs) {
      expect(output.length, label).toBeGreaterThan(1);
      for (const key of keys) {
        expect(output, label).not.toContain(key);
        expect(output, label).not.toContain(key.replace(/^sk-(?:proj-)?/, '').slice(0, 8));
      }
    }
  });

  it('are gone from every migrated file', () => {
    const { keys, migrated } = results.get(name)!;
    for (const [file, bytes] of migrated) {
      for (const key of keys) expect(bytes.toString('utf8'), file).not.toContain(key);
    }
  });
});
