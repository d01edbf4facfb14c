import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NOTEBOOK_BYTES } from '../../src/scan/notebook-limit.js';
import { MAX_FILE_BYTES, readCandidate } from '../../src/scan/read.js';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-notebook-limit-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A notebook whose one code cell uses OpenAI, padded by a plot output to `size` bytes. */
async function writeNotebook(name: string, size: number): Promise<{ absolute: string; relative: string }> {
  const head = '{"cells": [{"cell_type": "code", "source": ["from openai import OpenAI\\n"], "outputs": [{"data": {"image/png": "';
  const tail = '"}}]}]}\n';
  const absolute = path.join(dir, name);
  await fs.writeFile(absolute, head + 'A'.repeat(size - head.length - tail.length) + tail);
  return { absolute, relative: name };
}

describe('the size limit of notebooks', () => {
  it('reads a notebook whose outputs take it over the limit of other files', async () => {
    const file = await writeNotebook('plots.ipynb', MAX_FILE_BYTES + 500_000);
    expect(readCandidate(file)).toMatchObject({ kind: 'candidate' });
  });

  it('still skips other files of that size', async () => {
    const absolute = path.join(dir, 'generated.py');
    await fs.writeFile(absolute, `from openai import OpenAI\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(readCandidate({ absolute, relative: 'generated.py' })).toMatchObject({ kind: 'skipped', skipped: { reason: 'too-large' } });
  });

  it('skips a notebook over its own limit', async () => {
    const absolute = path.join(dir, 'dump.ipynb');
    await fs.writeFile(absolute, '');
    // Sparse: the size alone decides.
    await fs.truncate(absolute, MAX_NOTEBOOK_BYTES + 1);
    expect(readCandidate({ absolute, relative: 'dump.ipynb' })).toEqual({
      kind: 'skipped',
      skipped: { file: 'dump.ipynb', reason: 'too-large', message: `${MAX_NOTEBOOK_BYTES + 1} bytes, over the ${MAX_NOTEBOOK_BYTES}-byte limit` },
    });
  });
});
