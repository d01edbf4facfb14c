import { isOpenAIKey } from '../../core/redact.js';
import type { Finding, ManualAction, ValueInfo } from '../../core/types.js';
import { manual, type RuleContext } from './types.js';

/** Options that only mean something to OpenAI's own platform. */
export const ACCOUNT_OPTIONS = ['organization', 'project'];

/**
 * A key that is not OpenAI's (a variable, a call) is the user's to repoint: the action that says
 * so, else undefined. A base URL that is not OpenAI's never gets here: its client is left as it
 * is (`checkClientHost`).
 */
export function checkCustomValue(finding: Finding, ctx: RuleContext, option: { name: string; isKey?: boolean }, value: ValueInfo): ManualAction | undefined {
  const provider = ctx.target.provider.name;
  const described = value.kind === 'string' ? 'a string literal' : `\`${value.text}\``;
  if (option.isKey && !(value.kind === 'env' || (value.kind === 'string' && isOpenAIKey(value.value)))) {
    // The client's URL moves to the target while this key stays as written: unless the code
    // behind it changes too, the OpenAI key is sent to another company.
    return manual(
      finding,
      'error',
      'custom-api-key',
      `${option.name} comes from ${described}, which the tool cannot change, while the client now goes to ${provider}: make it supply the ${provider} key (${ctx.target.keyVar}), or the OpenAI key is sent to ${provider}`,
    );
  }
  return undefined;
}
