import { describe, expect, it } from 'vitest';
import { useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, readTree, writeFiles } from './project.js';

const temp = useTempProjects();
const HEADER = 'import OpenAI from "openai";\n';

/** Code nested thousands deep, in the shapes that overflow recursive parsers and walkers. */
/** Code nested thousands deep, in the shapes that overflow recursive parsers and walkers (one level a line, so not minified). */
const DEEP_FILES: Record<string, string> = {
  'arrays.ts': `${HEADER}export const x = ${'[\n'.repeat(5000)}"gpt-4o"${'\n]'.repeat(5000)};\n`,
  'calls.ts': `${HEADER}export const x = ${'f(\n'.repeat(3000)}"gpt-4o"${'\n)'.repeat(3000)};\n`,
  'parens.js': `${HEADER}export const x = ${'(\n'.repeat(5000)}"gpt-4o"${'\n)'.repeat(5000)};\n`,
  'objects.ts': `${HEADER}export const x = ${'{ a:\n'.repeat(3000)}"gpt-4o"${'\n}'.repeat(3000)};\n`,
  'plus-chain.ts': `${HEADER}export const x = ${Array.from({ length: 2000 }, () => '"gpt-4o"').join(' +\n')};\n`,
  'ternaries.ts': `${HEADER}export const x = ${'a ? "gpt-4o" :\n'.repeat(3000)}"gpt-4o";\n`,
  'arrows.ts': `${HEADER}export const x = ${'() =>\n'.repeat(3000)}"gpt-4o";\n`,
};

describe('a pathological file is skipped with its reason and the run goes on', () => {
  it('scan lists the deep files as skipped and still reports the ordinary one', async () => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { ...DEEP_FILES, 'src/chat.ts': CLIENT_FILE });
    const result = await runCli(['scan', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: { file: string }[]; skipped: { file: string; reason: string; message: string }[] };
    expect(report.findings.some((finding) => finding.file === 'src/chat.ts')).toBe(true);
    // Every deep file is either analysed or skipped with a reason; none aborts the run.
    for (const file of Object.keys(DEEP_FILES)) {
      const skipped = report.skipped.find((entry) => entry.file === file);
      const found = report.findings.some((finding) => finding.file === file);
      expect(found || skipped !== undefined, file).toBe(true);
      if (skipped) expect(skipped.reason, skipped.message).toBe('analysis-failed');
    }
  });

  it('plan and apply still migrate the ordinary file', async () => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { ...DEEP_FILES, 'src/chat.ts': CLIENT_FILE });
    const plan = await runCli(['plan', '--to', 'zhipu', '--format', 'json'], { cwd: dir });
    expect(plan.code, plan.stderr).toBe(0);
    const applied = await runCli(['apply', '--to', 'zhipu', '--yes', '--allow-dirty'], { cwd: dir });
    expect([0, 1], applied.stderr).toContain(applied.code);
    expect((await readTree(dir)).get('src/chat.ts')?.toString()).toContain('glm-');
  });
});

describe('names that only look like a way out of the root', () => {
  it.each(['..top.ts', '...ts', 'src/..env.ts'])('%s is inside the root and is migrated', async (name) => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { [name]: CLIENT_FILE });
    const result = await runCli(['apply', '--to', 'zhipu', '--yes', '--allow-dirty', name], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect((await readTree(dir)).get(name)?.toString()).toContain('glm-');
  });
});
