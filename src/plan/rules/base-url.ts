import { restApiOf, VERSIONED_BASE } from '../api-surface.js';
import { describeBaseUrl } from '../target.js';
import { checkApiSupport } from './api-call.js';
import { edit, manual, NOTHING, result, type Rule, type RuleContext, type RuleResult } from './types.js';
import type { Finding } from '../../core/types.js';

const AZURE_HOST = /^https:\/\/[^/]+\.openai\.azure\.com/;

/**
 * A URL literal pointing at OpenAI gets the target's base URL in place of
 * `https://api.openai.com/v1`, keeping the path after it. A URL the plan leaves on OpenAI
 * (see `routeFindings`) only has its API checked.
 */
export const planBaseUrl: Rule = (finding, ctx) => {
  const url = finding.api;
  if (url === undefined) return NOTHING;
  // An Azure OpenAI endpoint is already where an Azure target's requests go.
  if (AZURE_HOST.test(url) && ctx.target.provider.clientStyle === 'azure') return NOTHING;
  const { target } = ctx;
  const route = ctx.routes.get(finding);
  const prefix = VERSIONED_BASE.exec(url);
  if (prefix === null || /\{\w+\}/.test(target.baseUrl)) {
    const unmapped = manual(finding, 'warning', 'base-url-unmapped', `${url} cannot be rewritten in place (its key is left as it is too): point both at ${describeBaseUrl(target)} by hand`);
    // An API the target lacks is the one problem to report; the URL is not to be moved at all.
    return withSupportCheck(NOTHING, url, finding, ctx, 'Left on OpenAI with its key.') ?? result([], [...(route?.actions ?? []), unmapped]);
  }
  if (route?.edits === 'none') return withSupportCheck(result([], route.actions), url, finding, ctx, route.note ?? 'Left on OpenAI with its key.') ?? result([], route.actions);
  const range = { start: finding.span.start, end: finding.span.start + prefix[0].length };
  const rewritten = ctx.syntax.replaceInLiteral(finding.detail?.literal ?? range, range, target.baseUrl);
  const planned = result([edit(finding, rewritten.range, rewritten.text, `${target.provider.name} endpoint`)]);
  return withSupportCheck(planned, url, finding, ctx) ?? planned;
};

/** A raw request to an API the target lacks is reported like an SDK call to it; undefined when the target serves it. */
function withSupportCheck(planned: RuleResult, url: string, finding: Finding, ctx: RuleContext, note?: string): RuleResult | undefined {
  const api = restApiOf(url);
  const unsupported = api === undefined ? undefined : checkApiSupport(finding, api, ctx.target.provider, note);
  if (unsupported === undefined) return undefined;
  return { edits: planned.edits, manual: [...planned.manual, unsupported.action], gaps: [unsupported.gap] };
}
