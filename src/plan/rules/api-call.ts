import type { PropertyInfo } from '../../core/types.js';
import { capabilityFor } from '../../providers/index.js';
import type { CapabilityKey, Provider, SupportLevel } from '../../providers/types.js';
import { capabilityForCall, hostedToolsOf } from '../api-surface.js';
import { usesJsonSchema } from '../request-features.js';
import type { ManualCode } from '../codes.js';
import { edit, manual, NOTHING, result, type Rule, type RuleContext } from './types.js';
import type { CapabilityGap, Edit, Finding, ManualAction, Severity } from '../../core/types.js';

type Gap = Exclude<SupportLevel, 'supported'>;

/**
 * Request parameters whose behaviour differs, when a given value triggers the difference, and
 * how much it matters when no source says whether the target accepts it: `warning` where the
 * response would change shape or the request could be refused, `info` where the target at
 * worst ignores it.
 */
const PARAMETERS: { name: string; key: CapabilityKey; applies: (property: PropertyInfo, api: string) => boolean; unknown: Severity }[] = [
  // Values up to 1 are valid on every target; a computed value is the code's business.
  { name: 'temperature', key: 'param.temperature', applies: (p) => p.value.kind === 'number' && p.value.value > 1, unknown: 'warning' },
  { name: 'tool_choice', key: 'param.tool_choice', applies: (p) => !(p.value.kind === 'string' && ['auto', 'none'].includes(p.value.value)), unknown: 'warning' },
  { name: 'response_format', key: 'param.response_format.json_schema', applies: usesJsonSchema, unknown: 'warning' },
  { name: 'n', key: 'param.n', applies: (p) => !(p.value.kind === 'number' && p.value.value <= 1), unknown: 'warning' },
  { name: 'dimensions', key: 'param.dimensions', applies: () => true, unknown: 'warning' },
  { name: 'stream_options', key: 'param.stream_options', applies: () => true, unknown: 'warning' },
  { name: 'parallel_tool_calls', key: 'param.parallel_tool_calls', applies: () => true, unknown: 'info' },
  { name: 'logprobs', key: 'param.logprobs', applies: (p) => p.value.text !== 'false', unknown: 'info' },
  { name: 'seed', key: 'param.seed', applies: () => true, unknown: 'info' },
];

/** An API the target lacks, or that no source confirms, cannot be served: an error either way. */
const API_SEVERITY: Record<Gap, Severity> = { unsupported: 'error', unknown: 'error', partial: 'warning' };
const API_CODE: Record<Gap, ManualCode> = { unsupported: 'unsupported-api', partial: 'partial-api', unknown: 'unverified-api' };
const PARAMETER_CODE: Record<Gap, ManualCode> = {
  unsupported: 'unsupported-parameter',
  partial: 'partial-parameter',
  unknown: 'unverified-parameter',
};

/**
 * The manual action and gap for an API the target does not fully support, if any. `note` says
 * where the request goes after migration (left on OpenAI, or through a redirected client).
 */
export function checkApiSupport(finding: Finding, api: string, provider: Provider, note?: string): { action: ManualAction; gap: CapabilityGap } | undefined {
  const key = capabilityForCall(api, finding.kind === 'api-call' ? finding.detail?.argument : undefined);
  if (key === undefined) return undefined;
  const capability = capabilityFor(provider, key);
  if (capability.support === 'supported') return undefined;
  const support = capability.support;
  return {
    gap: { kind: 'api', name: api, support, note: capability.note },
    action: manual(finding, API_SEVERITY[support], API_CODE[support], `${displayApi(api)}: ${describeSupport(support)} on ${provider.name}. ${capability.note}${note ? ` ${note}` : ''}`, provider.docs),
  };
}

/**
 * Every call to an API or with a parameter the target lacks or only partly supports is
 * reported; a call the target cannot serve at all has that one error, not a list of its parameters.
 */
export const planApiCall: Rule = (finding, ctx) => {
  const api = finding.api;
  if (api === undefined) return NOTHING;
  const { provider } = ctx.target;
  const route = ctx.routes.get(finding);
  const note = route?.note;
  const unsupported = checkApiSupport(finding, api, provider, note);
  const legacy = legacyModuleAction(finding, ctx);
  if (unsupported && unsupported.gap.support !== 'partial') return { ...result([], [unsupported.action, ...(legacy ? [legacy] : [])]), gaps: [unsupported.gap] };
  const actions: ManualAction[] = [...(unsupported ? [unsupported.action] : []), ...(route?.actions ?? [])];
  const gaps: CapabilityGap[] = unsupported ? [unsupported.gap] : [];
  const argument = finding.detail?.argument;
  if (argument?.kind === 'object') {
    for (const parameter of PARAMETERS) {
      const property = argument.properties.find((p) => p.name === parameter.name);
      if (property === undefined || !parameter.applies(property, api)) continue;
      const capability = capabilityFor(provider, parameter.key);
      if (capability.support === 'supported') continue;
      const severity = capability.support === 'unsupported' ? 'error' : capability.support === 'partial' ? 'warning' : parameter.unknown;
      gaps.push({ kind: 'parameter', name: parameter.name, support: capability.support, note: capability.note });
      actions.push(
        manual(finding, severity, PARAMETER_CODE[capability.support], `${parameter.name} (${property.value.text.replace(/\s+/g, ' ').slice(0, 60)}): ${describeSupport(capability.support)} on ${provider.name}. ${capability.note}`, provider.docs),
      );
    }
  }
  for (const key of hostedToolsOf(api, argument)) {
    const capability = capabilityFor(provider, key);
    if (capability.support === 'supported') continue;
    const name = key.slice('tool.'.length);
    gaps.push({ kind: 'parameter', name: `tools: ${name}`, support: capability.support, note: capability.note });
    actions.push(
      manual(finding, API_SEVERITY[capability.support], 'unsupported-hosted-tool', `the hosted ${name} tool: ${describeSupport(capability.support)} on ${provider.name}. ${capability.note} Define it as a function tool your code runs, or keep this call on OpenAI.${note ? ` ${note}` : ''}`, provider.docs),
    );
  }
  if (legacy) actions.push(legacy);
  const edits = aiSdkChatEdit(finding);
  return gaps.length > 0 ? { ...result(edits, actions), gaps } : result(edits, actions);
};

/**
 * Python's v0 module API (removed in openai 1.0) reaches an OpenAI-compatible target through
 * the module settings the client rule writes, once per file; Azure's dated API it cannot reach.
 */
function legacyModuleAction(finding: Finding, ctx: RuleContext): ManualAction | undefined {
  if (!finding.detail?.isLegacy) return undefined;
  const { provider, azureClient } = ctx.target;
  const docs = 'https://github.com/openai/openai-python/discussions/742';
  if (azureClient) {
    return manual(finding, 'error', 'legacy-sdk', `the openai v0 module API (${finding.api}) cannot use Azure's dated API as migrated: upgrade to openai>=1 and call an AzureOpenAI client`, docs);
  }
  if (ctx.fileFindings.find((f) => f.detail?.isLegacy) !== finding) return undefined;
  return manual(finding, 'warning', 'legacy-sdk', `the openai v0 module API (${finding.api}) was removed in openai 1.0 and is unmaintained; it reaches ${provider.name} through openai.api_base and openai.api_key, but upgrade to openai>=1 to use it reliably`, docs);
}

/**
 * Since AI SDK 5, `openai('id')` calls the Responses API, which most targets lack; the
 * chat-completions model function (`openai.chat('id')`) is what they all serve.
 */
function aiSdkChatEdit(finding: Finding): Edit[] {
  const callee = finding.detail?.callee;
  if (finding.api !== 'ai-sdk:default' || callee === undefined) return [];
  return [edit(finding, { start: callee.end, end: callee.end }, '.chat', 'use the chat-completions API')];
}

/** API paths as a reader knows them: AI SDK provider calls read `openai(…)` / `openai.embedding(…)`. */
function displayApi(api: string): string {
  if (!api.startsWith('ai-sdk:')) return api;
  const method = api.slice('ai-sdk:'.length);
  return method === 'default' ? 'AI SDK provider(…)' : `AI SDK provider.${method}(…)`;
}

function describeSupport(support: string): string {
  return support === 'unsupported' ? 'not available' : support === 'partial' ? 'partly supported' : 'support not verified';
}
