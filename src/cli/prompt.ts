import prompts from 'prompts';
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

/** Asks for the target on a terminal; without one, `--to` is required. */
export async function askProvider(ctx: CliContext, providers: readonly Provider[]): Promise<string> {
  if (!ctx.stdinIsTTY) {
    throw new UsageError('missing --to <provider>', `valid providers: ${providers.map((p) => p.id).join(', ')}`);
  }
  const answer = await prompts(
    {
      type: 'select',
      name: 'provider',
      message: 'Migrate to which provider?',
      choices: providers.map((p) => ({ title: p.id, description: p.name, value: p.id })),
    },
    { onCancel },
  );
  return answer.provider as string;
}

/** One yes/no question; only asked on a terminal (callers skip it for --yes or CI). */
export async function confirm(message: string): Promise<boolean> {
  const answer = await prompts({ type: 'confirm', name: 'ok', message, initial: true }, { onCancel });
  return answer.ok === true;
}
