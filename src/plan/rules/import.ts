import { describeBaseUrl } from '../target.js';
import { manual, NOTHING, result, type Rule } from './types.js';

/** Framework packages are not rewritten yet: say so where they are imported. */
export const planFramework: Rule = (finding, ctx) => {
  if (finding.api === undefined) return NOTHING;
  return result([], [
    manual(finding, 'warning', 'framework-not-migrated', `${finding.api} is not rewritten by this version: configure its base URL (${describeBaseUrl(ctx.target)}) and key (${ctx.target.keyVar}) by hand`),
  ]);
};
