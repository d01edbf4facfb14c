import { isOpenAIKey } from '../../core/redact.js';
import type { Finding, ManualAction, ValueInfo } from '../../core/types.js';
import { describeBaseUrl } from '../target.js';
import { manual, type RuleContext } from './types.js';

/** Options that only mean something to OpenAI's own platform. */
export const ACCOUNT_OPTIONS = ['organization', 'project'];

/** OpenAI's URL as a literal, or the variables the SDKs read it from. */
function isOpenAIUrl(value: ValueInfo): boolean {
  if (value.kind === 'string') return /api\.openai\.com/.test(value.value);
  return value.kind === 'env' && /OPENAI_(?:BASE_URL|API_BASE)$/.test(value.name);
}

/**
 * A key that is not OpenAI's (a variable, a call) or a URL that is not OpenAI's (a gateway or
 * proxy set up on purpose) is the user's to repoint: the action that says so, else undefined.
 */
export function checkCustomValue(finding: Finding, ctx: RuleContext, option: { name: string; isKey?: boolean; isUrl?: boolean }, value: ValueInfo): ManualAction | undefined {
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
  if (option.isUrl && !isOpenAIUrl(value)) {
    // The key beside it becomes the target's: unless this URL reaches the target, that key goes
    // to another host. The tool cannot tell where the URL leads, so the user must say.
    return manual(
      finding,
      'error',
      'custom-base-url',
      `${option.name} comes from ${described}, not OpenAI's URL, and the tool leaves it while the key becomes the ${provider} key: point it at ${describeBaseUrl(ctx.target)}, or keep the key that host expects`,
    );
  }
  return undefined;
}
