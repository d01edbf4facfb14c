import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PromptObject } from 'prompts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getProviderOrThrow, providers } from '../../src/providers/index.js';
import { readTree } from '../helpers/read-tree.js';
import { linesOf, runCli } from '../helpers/run-cli.js';
import { expectedOf, useTempProjects } from './temp-project.js';

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
/** The files sdk-v4-client's migration changes, in the order they are reviewed. */
const CHANGED = ['src/chat.ts', 'src/client.ts', 'src/models.ts'];
const review = (...answers: ('accept' | 'skip' | 'file' | 'quit')[]) => prompter.answers.push(...answers.map((review) => () => ({ review })));
const cancel: Answer = (_question, { onCancel }) => onCancel();

/** The relative paths whose bytes differ between two trees. */
function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  return [...after].filter(([file, bytes]) => !before.get(file)?.equals(bytes)).map(([file]) => file);
}

async function expectMigrated(dir: string, files: string[]): Promise<void> {
  const expected = await readTree(expectedOf('sdk-v4-client', 'deepseek'));
  for (const file of files) expect(await readFile(path.join(dir, file), 'utf8'), file).toBe(expected.get(file)!.toString('utf8'));
}

describe('apply --interactive', () => {
  it('shows each diff and writes the accepted files only', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const before = await readTree(dir);
    review('accept', 'skip', 'accept');
    const { code, stdout, stderr } = await runCli(['apply', '--to', 'deepseek', '--interactive', dir], onTerminal);
    expect(code).toBe(0);
    expect(prompter.questions.map((question) => question.message)).toEqual(CHANGED.map((file) => `Apply this hunk to ${file}? (1/1)`));
    expect(prompter.questions[0]!.choices).toEqual([
      expect.objectContaining({ title: 'Accept', value: 'accept' }),
      expect.objectContaining({ title: 'Skip', value: 'skip' }),
      expect.objectContaining({ title: 'Accept the rest of this file', value: 'file' }),
      expect.objectContaining({ title: 'Quit', value: 'quit' }),
    ]);
    expect(stderr).toMatch(/\[1\/3\] src\/chat\.ts \(1 edit, 1 hunk\)\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    // Each file's manual actions stand above its diff.
    expect(stderr).toMatch(/\[2\/3\] src\/client\.ts \(\d+ edits, 1 hunk\)\n {2}\d+ manual actions? in this file:\n {4}! line \d+, info openai-account-option: `organization`/);
    expect(stderr).toContain('[3/3] src/models.ts');
    expect(linesOf(stderr)).toContain('Left as it is: src/client.ts');
    expect(changedFiles(before, await readTree(dir))).toEqual(['src/chat.ts', 'src/models.ts']);
    await expectMigrated(dir, ['src/chat.ts', 'src/models.ts']);
    expect(stdout).toContain('Migrated to DeepSeek: 2 files changed');
  });

  it('reviews hunk by hunk: a skipped hunk stays, "accept the rest of this file" takes the later ones', async () => {
    const dir = await temp.emptyDir();
    const filler = Array.from({ length: 10 }, (_, i) => `// step ${i + 1}`).join('\n');
    const source = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      filler,
      "export const a = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });",
      filler,
      "export const b = () => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });",
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'app.ts'), source);
    review('skip', 'file');
    const { code, stderr } = await runCli(['apply', '--to', 'deepseek', '--interactive', dir], onTerminal);
    expect(code).toBe(0);
    expect(prompter.questions.map((question) => question.message)).toEqual(['Apply this hunk to app.ts? (1/3)', 'Apply this hunk to app.ts? (2/3)']);
    expect(stderr).toContain('[1/1] app.ts (3 edits, 3 hunks)');
    const written = await readFile(path.join(dir, 'app.ts'), 'utf8');
    expect(written).toContain('const client = new OpenAI();');
    expect(written).toContain("model: 'deepseek-v4-pro'");
    expect(written).toContain("model: 'deepseek-v4-flash'");
    expect(written).not.toContain('gpt-4o');
  });

  it('writes what was accepted before "quit", and nothing else', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const before = await readTree(dir);
    review('accept', 'quit');
    const { code, stderr } = await runCli(['apply', '--to', 'deepseek', '--interactive', dir], onTerminal);
    expect(code).toBe(0);
    expect(prompter.questions).toHaveLength(2);
    expect(linesOf(stderr)).toContain('Left as they are: src/client.ts, src/models.ts');
    expect(changedFiles(before, await readTree(dir))).toEqual(['src/chat.ts']);
  });

  it('writes nothing when nothing was accepted', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const before = await readTree(dir);
    review('skip', 'quit');
    const { code, stdout, stderr } = await runCli(['apply', '--to', 'deepseek', '--interactive', dir], onTerminal);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('Nothing written.\n');
    expect(await readTree(dir)).toEqual(before);
  });

  it('leaves every file as it was on Ctrl-C, even after accepting some, and exits with 130', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const before = await readTree(dir);
    review('accept');
    prompter.answers.push(cancel);
    const { code, stderr } = await runCli(['apply', '--to', 'deepseek', '--interactive', dir], onTerminal);
    expect(code).toBe(130);
    expect(stderr).toContain('error: cancelled; no file was changed\n');
    expect(await readTree(dir)).toEqual(before);
  });

  it('needs a terminal', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { code, stderr } = await runCli(['apply', '--to', 'deepseek', '--interactive', dir]);
    expect(code).toBe(2);
    expect(linesOf(stderr)).toEqual(['error: --interactive needs a terminal', 'hint: review with `migrate-openai plan` instead']);
  });

  it('cannot be combined with --yes', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const { code, stderr } = await runCli(['apply', '--to', 'deepseek', '--interactive', '--yes', dir], onTerminal);
    expect(code).toBe(2);
    expect(stderr).toContain("option '-i, --interactive' cannot be used with option '-y, --yes'");
    expect(prompter.questions).toEqual([]);
  });
});

describe('the target prompt', () => {
  it('offers the custom providers of the configuration file too, each with a one-line description', async () => {
    const dir = await temp.copy('sdk-v4-client');
    const acme = { id: 'acme', name: 'Acme Gateway', baseURL: 'https://llm.acme.test/v1', apiKeyEnv: 'ACME_API_KEY' };
    await writeFile(path.join(dir, 'migrate-openai.config.json'), JSON.stringify({ providers: [acme] }));
    prompter.answers.push(() => ({ provider: 'acme' }));
    const { code, stdout } = await runCli(['plan', dir], onTerminal);
    expect(code).toBe(0);
    const choices = prompter.questions[0]!.choices as { title: string; description: string; value: string }[];
    expect(choices.map((choice) => choice.value)).toEqual([...providers.map((provider) => provider.id), 'acme']);
    expect(choices.find((choice) => choice.value === 'zhipu')!.description).toBe(`${getProviderOrThrow('zhipu').name} (key ZHIPUAI_API_KEY)`);
    expect(choices.at(-1)!.description).toBe(`Acme Gateway (key ACME_API_KEY, defined in ${path.join(dir, 'migrate-openai.config.json')})`);
    expect(stdout).toContain('Plan for Acme Gateway');
  });

  it('asks for the target of init on a terminal', async () => {
    const dir = await temp.emptyDir();
    prompter.answers.push(() => ({ provider: 'moonshot' }));
    const { code } = await runCli(['init'], { ...onTerminal, cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'migrate-openai.config.json'), 'utf8'))).toMatchObject({ target: 'moonshot', region: 'cn' });
  });

  it('writes nothing when init is cancelled', async () => {
    const dir = await temp.emptyDir();
    prompter.answers.push(cancel);
    const { code } = await runCli(['init'], { ...onTerminal, cwd: dir });
    expect(code).toBe(130);
    expect(await readTree(dir)).toEqual(new Map());
  });
});
