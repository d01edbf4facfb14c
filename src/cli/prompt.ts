import type { Answers, PromptObject } from 'prompts';
import { EXIT, UsageError, UserError } from '../core/errors.js';
import type { Provider } from '../providers/types.js';
import type { CliContext } from './context.js';

/** Ctrl-C or Esc at a prompt: nothing has been written. */
export class CancelledError extends UserError {
  override readonly exitCode = EXIT.cancelled;
}

const onCancel = () => {
  throw new CancelledError('cancelled; no file was changed');
};

/** The prompt library loads only when a question is asked, which most runs never do. */
async function ask<Name extends string>(question: PromptObject<Name>): Promise<Answers<Name>> {
  const { default: prompts } = await import('prompts');
  return prompts(question, { onCancel });
}

/** Asks for the target on a terminal; without one, `--to` is required. */
export async function askProvider(ctx: CliContext, providers: readonly Provider[]): Promise<string> {
  if (!ctx.stdinIsTTY) {
    throw new UsageError('missing --to <provider>', `valid providers: ${providers.map((p) => p.id).join(', ')}`);
  }
  const answer = await ask({
    type: 'select',
    name: 'provider',
    message: 'Migrate to which provider?',
    choices: providers.map((p) => ({ title: p.id, description: describeProvider(p), value: p.id })),
  });
  return answer.provider as string;
}

/** One line under the highlighted choice: name, key variable, and where a custom one comes from. */
export function describeProvider(provider: Provider): string {
  const origin = provider.definedIn ? `, defined in ${provider.definedIn}` : '';
  return `${provider.name} (key ${provider.apiKeyEnv}${origin})`;
}

/** One yes/no question; only asked on a terminal (callers skip it for --yes or CI). */
export async function confirm(message: string): Promise<boolean> {
  const answer = await ask({ type: 'confirm', name: 'ok', message, initial: true });
  return answer.ok === true;
}

/** What to do with one hunk in `apply --interactive`. */
export type ReviewAnswer = 'accept' | 'skip' | 'file' | 'quit';

/** Asks about one hunk; Ctrl-C cancels the whole run (nothing is written). */
export async function askReview(message: string): Promise<ReviewAnswer> {
  const answer = await ask({
    type: 'select',
    name: 'review',
    message,
    choices: [
      { title: 'Accept', description: 'write this hunk', value: 'accept' },
      { title: 'Skip', description: 'leave these lines as they are', value: 'skip' },
      { title: 'Accept the rest of this file', description: 'this hunk and every later one in the file', value: 'file' },
      { title: 'Quit', description: 'write what was accepted so far, and nothing else', value: 'quit' },
    ],
  });
  return answer.review as ReviewAnswer;
}
