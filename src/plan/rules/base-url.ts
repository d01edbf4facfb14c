import { describeBaseUrl } from '../target.js';
import { edit, manual, NOTHING, result, type Rule } from './types.js';

/** `https://api.openai.com/v1` (or a regional host) at the start of the URL: the part that maps 1:1. */
const VERSIONED_BASE = /^https:\/\/(?:(?:us|eu|ae)\.)?api\.openai\.com\/v1(?=\/|$)/;

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
  return result([edit(finding, range, target.baseUrl, `${target.provider.name} endpoint`)]);
};
