import { keyCode } from '../target.js';
import { planKeyValue } from './settings.js';
import { edit, manual, result, type Rule } from './types.js';

/**
 * A hard-coded key is replaced by a read of the target's key variable when it is a whole
 * string value; it must be revoked in any case, since it is in the history already.
 */
export const planApiKey: Rule = (finding, ctx) => {
  if (finding.detail?.entry) return planKeyValue(finding, finding.detail.entry, ctx);
  const expression = finding.detail?.expression;
  const code = keyCode(ctx.target, ctx.syntax);
  const revoke = manual(
    finding,
    'error',
    'hardcoded-key',
    expression
      ? `a hard-coded OpenAI key was replaced by a read of ${ctx.target.keyVar}: revoke the key at https://platform.openai.com/api-keys, it stays in version control history`
      : `a hard-coded OpenAI key: remove it, read ${ctx.target.keyVar} instead, and revoke it at https://platform.openai.com/api-keys`,
  );
  return result(expression ? [edit(finding, expression, code, `read the key from ${ctx.target.keyVar}`)] : [], [revoke]);
};
