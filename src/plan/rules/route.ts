import { addBeside } from './settings.js';
import { result, type Rule } from './types.js';

/**
 * Applies the plan's routing decision before a rule: a finding left on OpenAI keeps its text
 * and gets only the routing's actions; otherwise the rule runs and the actions are added.
 */
export const routed =
  (rule: Rule): Rule =>
  (finding, ctx) => {
    const route = ctx.routes.get(finding);
    if (route === undefined) return rule(finding, ctx);
    if (route.edits === 'none') return result([], route.actions);
    if (route.edits === 'beside') return result(addBeside(finding, ctx), route.actions);
    const planned = rule(finding, ctx);
    return route.actions.length === 0 ? planned : { ...planned, manual: [...planned.manual, ...route.actions] };
  };
