import type { Finding } from '../../core/types.js';
import { describeBaseUrl } from '../target.js';
import { checkApiSupport } from './api-call.js';
import { edit, manual, NOTHING, result, type Rule, type RuleContext, type RuleResult } from './types.js';

/** `https://api.openai.com/v1` (or a regional host) at the start of the URL: the part that maps 1:1. */
const VERSIONED_BASE = /^https:\/\/(?:(?:us|eu|ae)\.)?api\.openai\.com\/v1(?=\/|$)/;

/** REST paths (after `/v1/`) → the SDK method that calls them, for the capability check. */
const REST_APIS: [RegExp, string][] = [
  [/^chat\/completions/, 'chat.completions.create'],
  [/^completions/, 'completions.create'],
  [/^responses/, 'responses.create'],
  [/^embeddings/, 'embeddings.create'],
  [/^images\//, 'images.generate'],
  [/^audio\/transcriptions/, 'audio.transcriptions.create'],
  [/^audio\/translations/, 'audio.translations.create'],
  [/^audio\/speech/, 'audio.speech.create'],
  [/^moderations/, 'moderations.create'],
  [/^files/, 'files.create'],
  [/^batches/, 'batches.create'],
  [/^fine_tuning\//, 'fine_tuning.jobs.create'],
  [/^(?:assistants|threads)/, 'beta.assistants.create'],
  [/^vector_stores/, 'vectorStores.create'],
  [/^realtime/, 'realtime.clientSecrets.create'],
];

/**
 * A URL literal pointing at OpenAI gets the target's base URL in place of
 * `https://api.openai.com/v1`, keeping the path after it.
 */
export const planBaseUrl: Rule = (finding, ctx) => {
  const url = finding.api;
  if (url === undefined) return NOTHING;
  const { target } = ctx;
  const prefix = VERSIONED_BASE.exec(url);
  if (prefix === null || /\{\w+\}/.test(target.baseUrl)) {
    return result([], [
      manual(finding, 'warning', 'base-url-unmapped', `${url} cannot be rewritten in place: point it at ${describeBaseUrl(target)} by hand`),
    ]);
  }
  const range = { start: finding.span.start, end: finding.span.start + prefix[0].length };
  const rewritten = ctx.syntax.replaceInLiteral(finding.detail?.literal ?? range, range, target.baseUrl);
  return withSupportCheck(result([edit(finding, rewritten.range, rewritten.text, `${target.provider.name} endpoint`)]), url.slice(prefix[0].length + 1), finding, ctx);
};

/** A raw request to an API the target lacks is reported like an SDK call to it. */
function withSupportCheck(planned: RuleResult, path: string, finding: Finding, ctx: RuleContext): RuleResult {
  const api = REST_APIS.find(([pattern]) => pattern.test(path))?.[1];
  const unsupported = api === undefined ? undefined : checkApiSupport(finding, api, ctx.target.provider);
  if (unsupported === undefined) return planned;
  return { edits: planned.edits, manual: [...planned.manual, unsupported.action], gaps: [unsupported.gap] };
}
