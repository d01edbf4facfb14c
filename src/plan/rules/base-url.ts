import { restApiOf, VERSIONED_BASE } from '../api-surface.js';
import { isSettings } from '../routing.js';
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
  // A URL in the options of a client left as written is that client's: its action says why.
  if (isInKeptClient(finding, ctx)) return NOTHING;
  const route = ctx.routes.get(finding);
  // A settings value kept for requests that stay on OpenAI is not to be pointed anywhere.
  if (isSettings(finding) && route?.edits === 'none') return result([], route.actions);
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

function isInKeptClient(finding: Finding, ctx: RuleContext): boolean {
  const client = ctx.fileFindings.find((other) => other.kind === 'client' && other.span.start <= finding.span.start && finding.span.end <= other.span.end);
  return client !== undefined && ctx.routes.get(client)?.edits === 'none';
}

/** A raw request to an API the target lacks is reported like an SDK call to it; undefined when the target serves it. */
function withSupportCheck(planned: RuleResult, url: string, finding: Finding, ctx: RuleContext, note?: string): RuleResult | undefined {
  const api = restApiOf(url);
  const unsupported = api === undefined ? undefined : checkApiSupport(finding, api, ctx.target.provider, note);
  if (unsupported === undefined) return undefined;
  return { edits: planned.edits, manual: [...planned.manual, unsupported.action], gaps: [unsupported.gap] };
}
