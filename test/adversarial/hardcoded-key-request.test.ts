import { describe, expect, it } from 'vitest';
import { planMigration } from '../../src/plan/plan.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { scanProject } from '../../src/scan/scan.js';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A raw request whose key is written in the code: the key and the URL move together or not at all. */
async function planFor(source: string) {
  const root = await mkdtemp(path.join(tmpdir(), 'hardcoded-key-'));
  try {
    await mkdir(path.join(root, 'src'));
    await writeFile(path.join(root, 'src/ask.ts'), source);
    const scan = await scanProject({ root, paths: [root] });
    return { scan, plan: planMigration(scan, getProviderOrThrow('deepseek')) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const KEY = 'sk-proj-ATTACKERcanSEEthisKEY0123456789abcdefghij';
const request = (headers: string) =>
  `export const ask = () => fetch('https://api.openai.com/v1/chat/completions', {\n  method: 'POST',\n  headers: ${headers},\n});\n`;

describe('a request with a hard-coded OpenAI key', () => {
  it('is not redirected while the key sits inside a template string', async () => {
    const { plan } = await planFor(request(`{ Authorization: \`Bearer ${KEY}\` }`));
    expect(plan.edits).toEqual([]);
    expect(plan.manual.map((action) => action.code).sort()).toEqual(['hardcoded-key', 'key-url-split']);
    expect(plan.manual.every((action) => action.severity === 'error')).toBe(true);
  });

  it('moves the URL and a concatenated whole-string key together or not at all', async () => {
    const { plan } = await planFor(request(`{ Authorization: 'Bearer ' + '${KEY}' }`));
    const urlEdits = plan.edits.filter((edit) => edit.text.includes('deepseek.com'));
    const keyEdits = plan.edits.filter((edit) => edit.text.includes('DEEPSEEK_API_KEY'));
    // The whole-string key is replaced together with the URL, never one without the other.
    expect(urlEdits.length > 0).toBe(keyEdits.length > 0);
  });

  it('moves the URL and the key together when the key is a whole string constant', async () => {
    const { plan } = await planFor(`const KEY = '${KEY}';\n${request('{ Authorization: `Bearer ${KEY}` }')}`);
    expect(plan.edits.some((edit) => edit.text === 'https://api.deepseek.com')).toBe(true);
    expect(plan.edits.some((edit) => edit.text.includes('process.env.DEEPSEEK_API_KEY'))).toBe(true);
  });

  it('never writes the key into the plan', async () => {
    const { plan } = await planFor(request(`{ Authorization: \`Bearer ${KEY}\` }`));
    expect(JSON.stringify(plan)).not.toContain(KEY);
  });
});
