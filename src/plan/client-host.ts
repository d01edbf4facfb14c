import type { Finding, ManualAction, PropertyInfo, ValueInfo } from '../core/types.js';
import { capabilityFor } from '../providers/index.js';
import type { CapabilityKey } from '../providers/types.js';
import { unreachableWrapper } from './rules/chatgpt-wrapper.js';
import { manual } from './rules/types.js';
import { describeBaseUrl, type MigrationTarget } from './target.js';

/** Client options that hold the base URL, in every SDK and language the planner configures. */
const URL_OPTIONS = new Set(['baseURL', 'base_url', 'basePath', 'apiBaseUrl', 'openai_api_base', 'api_base']);
/** Options whose object holds the URL option (LangChain JS: `configuration: { baseURL }`). */
const URL_GROUPS = new Set(['configuration']);
/** Framework classes that call one API, whatever the code does with them (LangChain's and LlamaIndex's embedding classes). */
const CLASS_APIS: Record<string, CapabilityKey> = { OpenAIEmbeddings: 'embeddings', OpenAIEmbedding: 'embeddings' };
/** Python's module-level client settings that hold the base URL. */
const MODULE_URL_SETTINGS = new Set(['api_base', 'base_url']);

/** An env read of the variables the SDKs take OpenAI's URL from. */
const OPENAI_URL_VARIABLE = /OPENAI_(?:BASE_URL|API_BASE)\b/;
/** OpenAI's host at the start of a URL (regional hosts too). */
const OPENAI_HOST = /^https:\/\/(?:(?:us|eu|ae)\.)?api\.openai\.com(?:[/:]|$)/;
/** One alternative of `a ?? b`, `a || b` or `a or b` that is OpenAI's URL variable, or a literal (its value is checked apart). */
const OPENAI_URL_VARIABLE_READ = /^(?:(?:process\.env|import\.meta\.env)(?:\.OPENAI_(?:BASE_URL|API_BASE)|\[\s*['"]OPENAI_(?:BASE_URL|API_BASE)['"]\s*\])|os\.(?:environ\.get|getenv)\(\s*['"]OPENAI_(?:BASE_URL|API_BASE)['"]\s*\)|os\.environ\[\s*['"]OPENAI_(?:BASE_URL|API_BASE)['"]\s*\])$/;
const QUOTED = /^(['"`])([^'"`\\]*)\1$/;

/** OpenAI's URL as a literal, the variables the SDKs read it from, or a choice between those. */
export function isOpenAIUrl(value: ValueInfo): boolean {
  if (value.kind === 'string') return OPENAI_HOST.test(value.value);
  if (value.kind === 'env') return OPENAI_URL_VARIABLE.test(value.name);
  if (value.kind !== 'other') return false;
  return value.text.split(/\?\?|\|\||\bor\b/).every((part) => isOpenAIUrlPart(part.trim()));
}

function isOpenAIUrlPart(part: string): boolean {
  const literal = QUOTED.exec(part);
  return literal === null ? OPENAI_URL_VARIABLE_READ.test(part) : OPENAI_HOST.test(literal[2]!);
}

/**
 * Why a client cannot be pointed at the target, as the one action at its line: a wrapper that
 * cannot reach it, or a base URL that is not OpenAI's (a gateway, a proxy, a value the tool
 * cannot read). Such a client stays as written, URL and key together, so that the target's key
 * never goes to a host the plan did not choose. Undefined when the client can move.
 */
export function checkClientHost(client: Finding, target: MigrationTarget): ManualAction | undefined {
  const unserved = unservedClass(client, target);
  if (unserved) return unserved;
  const unreachable = unreachableWrapper(client, target);
  if (unreachable) return unreachable;
  const url = urlOptionOf(client);
  if (url === undefined || isOpenAIUrl(url.value) || isTargetUrl(url.value, target)) return undefined;
  return customBaseUrl(client, url.name, url.value, target);
}

/**
 * Python's module-level client reads one base URL for the whole program: a setting that is not
 * OpenAI's keeps every module-level setting (the key too) where it is. The action at each such URL setting.
 */
export function checkModuleHosts(findings: readonly Finding[], target: MigrationTarget): Map<Finding, ManualAction> {
  const actions = new Map<Finding, ManualAction>();
  for (const finding of findings) {
    const setting = finding.symbol === 'OpenAIModule' ? finding.detail?.setting : undefined;
    if (setting && MODULE_URL_SETTINGS.has(setting.name) && !isOpenAIUrl(setting.value)) actions.set(finding, customBaseUrl(finding, setting.name, setting.value, target));
  }
  return actions;
}

/**
 * A framework class whose only API the target lacks (`OpenAIEmbeddings` on a target without
 * embeddings) stays on OpenAI as written, as an SDK client used only for such APIs does: pointed
 * at the target, every request it makes would fail there.
 */
function unservedClass(client: Finding, target: MigrationTarget): ManualAction | undefined {
  const key = CLASS_APIS[client.symbol ?? ''];
  if (key === undefined) return undefined;
  const { support, note } = capabilityFor(target.provider, key);
  if (support === 'supported' || support === 'partial') return undefined;
  const { name, docs } = target.provider;
  const described = support === 'unsupported' ? 'not available' : 'support not verified';
  return manual(client, 'error', support === 'unsupported' ? 'unsupported-api' : 'unverified-api', `${client.symbol} calls the ${key} API: ${described} on ${name}. ${note} It is left on OpenAI as written, with its key.`, docs);
}

/** A literal that already names the target's base URL: the client moves, and only its key changes. */
function isTargetUrl(value: ValueInfo, target: MigrationTarget): boolean {
  return value.kind === 'string' && value.value.replace(/\/+$/, '') === target.baseUrl.replace(/\/+$/, '');
}

function customBaseUrl(finding: Finding, name: string, value: ValueInfo, target: MigrationTarget): ManualAction {
  const described = value.kind === 'string' ? 'is a string literal that is not OpenAI\'s URL' : `comes from \`${value.text}\`, which the tool cannot tell is OpenAI's URL`;
  const provider = target.provider.name;
  return manual(
    finding,
    'error',
    'custom-base-url',
    `${name} ${described} (a gateway, a proxy, a value set elsewhere): this client is left as it is, URL and key, so that the ${provider} key never goes to another host. Point ${name} at ${describeBaseUrl(target)} and the key at ${target.keyVar} together, or keep both if that host serves ${provider}`,
  );
}

/** The client's base URL option and its value, nested one level for LangChain JS. */
function urlOptionOf(client: Finding): { name: string; value: ValueInfo } | undefined {
  const argument = client.detail?.argument;
  if (argument?.kind !== 'object') return undefined;
  return findUrlOption(argument.properties);
}

function findUrlOption(properties: readonly PropertyInfo[]): { name: string; value: ValueInfo } | undefined {
  for (const property of properties) {
    if (URL_OPTIONS.has(property.name)) return { name: property.name, value: property.value };
    if (URL_GROUPS.has(property.name) && property.value.kind === 'object') {
      const nested = findUrlOption(property.value.object.properties);
      if (nested) return nested;
    }
  }
  return undefined;
}
