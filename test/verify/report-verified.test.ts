import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempProjects } from '../cli/temp-project.js';
import { startStub, type Stub } from './stub-server.js';

const temp = useTempProjects();
const KEY = 'zhipu-key-0123456789';
let stub: Stub;
afterAll(() => stub?.close());

/** The app, and `verify.json` beside it (outside the scanned tree). */
async function verifiedApp(): Promise<string> {
  const dir = path.join(await temp.emptyDir(), 'app');
  await mkdir(dir);
  await mkdir(path.join(dir, 'src'));
  await writeFile(
    path.join(dir, 'src/chat.ts'),
    [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI();',
      "export const reply = () => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [], stream: true });",
      "export const plain = () => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });",
      '',
    ].join('\n'),
  );
  stub = await startStub({ key: KEY, noStreaming: true });
  const env = { NO_COLOR: '1', ZHIPUAI_API_KEY: KEY };
  const verified = await runCli(['verify', '--to', 'zhipu', '--base-url', stub.baseUrl, '--format', 'json', '--out', '../verify.json'], { cwd: dir, env });
  expect(verified.code).toBe(1);
  return dir;
}

describe('report --verified', () => {
  it('lists what verify found and turns its failures into errors at the call sites', async () => {
    const cwd = await verifiedApp();
    const env = { NO_COLOR: '1' };
    const markdown = await runCli(['report', '--to', 'zhipu', '--verified', '../verify.json', '--fail-on', 'error'], { cwd, env });
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('## Verified with your key: Zhipu AI (BigModel / Z.AI, GLM)');
    expect(markdown.stdout).toContain('| ✓ pass | chat | `glm-4.5-air` (not listed) | basic | `src/chat.ts:3`, `src/chat.ts:4` | 200 accepted |');
    expect(markdown.stdout).toContain(
      '- [ ] `src/chat.ts:3` — verify: Zhipu AI (BigModel / Z.AI, GLM) refused chat.completions with stream for glm-4.5-air with your key: answered, but not as a stream of server-sent events (error, `verify-failed`)',
    );
    const json = JSON.parse((await runCli(['report', '--to', 'zhipu', '--verified', '../verify.json', '--format', 'json'], { cwd, env })).stdout) as {
      manual: { code: string; line: number; severity: string }[];
      verification: { summary: Record<string, number> };
    };
    expect(json.manual.filter((a) => a.code === 'verify-failed').map((a) => [a.line, a.severity])).toEqual([[3, 'error']]);
    expect(json.verification.summary).toEqual({ pass: 1, fail: 1, 'not-run': 0 });
    const sarif = (await runCli(['report', '--to', 'zhipu', '--verified', '../verify.json', '--format', 'sarif'], { cwd, env })).stdout;
    expect(sarif).toContain('migrate-openai/verify-failed');
  });

  it('refuses a result for another provider, or a file that is not one, with one line and exit 2', async () => {
    const cwd = await verifiedApp();
    const other = await runCli(['report', '--to', 'yi', '--verified', '../verify.json'], { cwd, env: { NO_COLOR: '1' } });
    expect(other.code).toBe(2);
    expect(other.stderr.split('\n')[0]).toBe('error: ../verify.json verified zhipu, not yi');
    const notOne = await runCli(['report', '--to', 'zhipu', '--verified', 'src/chat.ts'], { cwd, env: { NO_COLOR: '1' } });
    expect(notOne.code).toBe(2);
    expect(notOne.stderr.split('\n')[0]).toBe('error: cannot read src/chat.ts as JSON: not JSON');
  });
});
