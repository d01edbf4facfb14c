import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PromptObject } from 'prompts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { providers } from '../../src/providers/index.js';
import { readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempProjects } from './temp-project.js';

/** Stands in for the user at the terminal: each question goes to the next handler in `answers`. */
type Answer = (question: PromptObject, options: { onCancel: () => void }) => unknown;
const prompter = vi.hoisted(() => ({ answers: [] as Answer[], questions: [] as PromptObject[] }));
vi.mock('prompts', () => ({
  default: async (question: PromptObject, options: { onCancel: () => void }) => {
    prompter.questions.push(question);
    const answer = prompter.answers.shift();
    if (answer === undefined) throw new Error(`unexpected prompt: ${String(question.message)}`);
    return answer(question, options);
  },
}));

const temp = useTempProjects();
beforeEach(() => {
  prompter.answers = [];
  prompter.questions = [];
});

const onTerminal = { stdinIsTTY: true };

describe('apply on a terminal', () => {
  it('asks once with the counts, then writes', async () => {
    const dir = await temp.copy('sdk-v4-client');
    prompter.answers.push(() => ({ ok: true }));
    const { code, stdout } = await runCli(['apply', '--to', 'deepseek', dir], onTerminal);
    expect(code).toBe(0);
    expect(prompter.questions).toHaveLength(1);
    expect(prompter.questions[0]!.message).toMatch(/^Apply \d+ edits to 3 files for DeepSeek\? \(\d+ manual actions? remains?\)$/);
    expect(stdout).toContain('Migrated to DeepSeek: 3 files changed');
  });

  it('skips a file edited while the question was open, writes the rest, and exits with 1', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const edited = '// edited by hand meanwhile\n';
    prompter.answers.push(async () => {
      await writeFile(path.join(dir, 'src/models.ts'), edited);
      return { ok: true };
    });
    const { code, stdout } = await runCli(['apply', '--to', 'deepseek', dir], onTerminal);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}src\/models\.ts {2}changed-on-disk {2}/m);
    expect(stdout).toContain('2 files changed');
    const after = await readTree(dir);
    expect(after.get('src/models.ts')?.toString('utf8')).toBe(edited);
  });

  it('writes nothing when the answer is no', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const before = await readTree(dir);
    prompter.answers.push(() => ({ ok: false }));
    const { code, stdout, stderr } = await runCli(['apply', '--to', 'deepseek', dir], onTerminal);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('Nothing written.\n');
    expect(await readTree(dir)).toEqual(before);
  });

  it('exits with 130 and writes nothing when the prompt is cancelled', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const before = await readTree(dir);
    prompter.answers.push((_question, { onCancel }) => onCancel());
    const { code, stderr } = await runCli(['apply', '--to', 'deepseek', dir], onTerminal);
    expect(code).toBe(130);
    expect(stderr).toContain('error: cancelled; no file was changed\n');
    expect(await readTree(dir)).toEqual(before);
  });

  it('never asks with --yes', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { code } = await runCli(['apply', '--to', 'deepseek', '--yes', dir], onTerminal);
    expect(code).toBe(0);
    expect(prompter.questions).toEqual([]);
  });

  it('asks for the provider when --to is missing, offering every id', async () => {
    const dir = await temp.copy('sdk-v4-client');
    prompter.answers.push(() => ({ provider: 'deepseek' }));
    const { code, stdout } = await runCli(['plan', dir], onTerminal);
    expect(code).toBe(0);
    const choices = (prompter.questions[0]!.choices as { value: string }[]).map((choice) => choice.value);
    expect(choices).toEqual(providers.map((provider) => provider.id));
    expect(stdout).toContain('Plan for DeepSeek');
  });
});
