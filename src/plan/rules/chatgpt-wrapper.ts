import type { Finding, ManualAction, PropertyInfo } from '../../core/types.js';
import { baseUrlCode, describeBaseUrl, keyCode, type MigrationTarget } from '../target.js';
import { manual, result, type RuleContext, type RuleResult } from './types.js';

/** An option of the wrapper's constructor the plan sets, in the client rule's terms. */
export interface WrapperOption {
  name: string;
  code: string;
  isKey?: boolean;
  isUrl?: boolean;
}

/**
 * The `chatgpt` npm package. `ChatGPTAPI` posts to `${apiBaseUrl}/chat/completions` with the
 * key as a Bearer token, as the SDK does with its `baseURL`: it reaches an OpenAI-compatible
 * target once `apiBaseUrl` is the target's base URL and `apiKey` its key; the model comes from
 * `completionParams.model` (planned where it is written), else the wrapper's own default.
 * A wrapper that cannot reach the target is left by the routing (`unreachableWrapper`).
 */
export function planChatGptWrapper(finding: Finding, ctx: RuleContext, configure: (options: WrapperOption[]) => RuleResult): RuleResult {
  const { target, syntax } = ctx;
  const provider = target.provider.name;
  const configured = configure([
    { name: 'apiBaseUrl', code: baseUrlCode(target, syntax), isUrl: true },
    { name: 'apiKey', code: keyCode(target, syntax), isKey: true },
  ]);
  const argument = finding.detail?.argument;
  const setsModel = argument?.kind === 'object' && (argument.isOpen || hasModel(argument.properties));
  if (setsModel) return configured;
  const defaultModel = manual(
    finding,
    'warning',
    'wrapper-default-model',
    `ChatGPTAPI sends its default model (gpt-3.5-turbo) unless completionParams.model is set: set it to a ${provider} model here`,
  );
  return result(configured.edits, [...configured.manual, defaultModel]);
}

/**
 * `ChatGPTUnofficialProxyAPI` talks to the ChatGPT site, and no wrapper option reaches Azure's
 * `api-key` header: the error at the client, which then stays as written; else undefined.
 */
export function unreachableWrapper(finding: Finding, target: MigrationTarget): ManualAction | undefined {
  const provider = target.provider.name;
  const instead = `use the openai SDK with ${describeBaseUrl(target)} and the ${target.keyVar} key instead; until then it stays on OpenAI with its key and model`;
  if (finding.symbol === 'ChatGPTUnofficialProxyAPI') {
    return manual(finding, 'error', 'wrapper-unreachable', `ChatGPTUnofficialProxyAPI drives the ChatGPT website through a reverse proxy with an access token and cannot reach ${provider}: ${instead}`);
  }
  if (finding.symbol === 'ChatGPTAPI' && target.provider.clientStyle === 'azure') {
    return manual(finding, 'error', 'wrapper-unreachable', `ChatGPTAPI sends its key as a Bearer token, which ${provider} does not take for API keys (it expects an api-key header): ${instead}`);
  }
  return undefined;
}

/** `completionParams: { model }`, or a `completionParams` whose content is not known. */
function hasModel(properties: readonly PropertyInfo[]): boolean {
  const params = properties.find((property) => property.name === 'completionParams');
  if (params === undefined) return false;
  return params.value.kind !== 'object' || params.value.object.isOpen || params.value.object.properties.some((property) => property.name === 'model');
}
