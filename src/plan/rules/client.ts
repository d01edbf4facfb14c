import type { ArgumentInfo, Edit, Finding, ManualAction, ValueInfo } from '../../core/types.js';
import { baseUrlCode, keyCode, type MigrationTarget } from '../target.js';
import { isOpenAIKeyVariable, renamedKeyVariable } from '../env-names.js';
import { planChatGptWrapper } from './chatgpt-wrapper.js';
import { ACCOUNT_OPTIONS, checkCustomValue } from './client-values.js';
import { planDefaultModel } from './framework-model.js';
import { planModuleSetting } from './module-settings.js';
import { edit, manual, NOTHING, result, type Rule, type RuleContext, type RuleResult } from './types.js';

/** An option the migrated client must have. */
interface WantedOption {
  name: string;
  code: string;
  /** An option this one takes the place of (`endpoint` replaces `baseURL` on AzureOpenAI). */
  replaces?: string;
  /** Leave a value the user already set (`apiVersion`). */
  keepsExisting?: boolean;
  isKey?: boolean;
  /** A base URL: only OpenAI's own URL (literal or variable) is replaced. */
  isUrl?: boolean;
  /** Options set inside this one, an object (LangChain's `configuration: { baseURL }`). */
  nested?: WantedOption[];
}

/**
 * `new OpenAI(…)` gets the target's base URL and key variable; v3 `new Configuration(…)` the
 * same through `basePath`; for Azure's dated API the client becomes `AzureOpenAI`. Other
 * options are kept as they are.
 */
export const planClient: Rule = (finding, ctx) => {
  const { target, syntax } = ctx;
  const name = target.provider.name;
  switch (finding.symbol) {
    case 'OpenAI':
      if (target.entraScope !== undefined) return withEntraId(finding, ctx, target.entraScope);
      return target.azureClient ? switchToAzureClient(finding, ctx, target.azureClient) : configureClient(finding, ctx, openAIOptions(ctx, syntax.sdk.baseUrl));
    case 'Configuration': {
      const configured = configureClient(finding, ctx, openAIOptions(ctx, 'basePath'));
      const upgrade = manual(
        finding,
        'warning',
        'legacy-sdk',
        `openai v3 (Configuration/OpenAIApi) is unmaintained; upgrade to openai v4+ (\`new OpenAI({ baseURL, apiKey })\`) to use ${name} reliably`,
        'https://github.com/openai/openai-node/discussions/217',
      );
      return result(configured.edits, [...configured.manual, upgrade]);
    }
    case 'OpenAIModule':
      return planModuleSetting(finding, ctx);
    // LlamaIndex classes and the AI SDK's createOpenAI take a URL and a key like the SDK.
    case 'LlamaIndexOpenAI':
    case 'OpenAIEmbedding':
    case 'createOpenAI':
      return withDefaultModel(finding, ctx, openAIOptions(ctx, syntax.sdk.llamaIndexUrl));
    // LangChain: the key option was renamed; in JS the URL sits in `configuration`.
    case 'ChatOpenAI':
    case 'OpenAIEmbeddings':
    case 'LangChainOpenAI': {
      const { langchain } = syntax.sdk;
      const url: WantedOption = { name: syntax.sdk.baseUrl, code: baseUrlCode(target, syntax), isUrl: true, ...(langchain.legacyUrl ? { replaces: langchain.legacyUrl } : {}) };
      return withDefaultModel(finding, ctx, [
        { name: syntax.sdk.apiKey, code: keyCode(target, syntax), replaces: langchain.legacyKey, isKey: true },
        langchain.urlGroup ? { name: langchain.urlGroup, code: '', nested: [url] } : url,
      ]);
    }
    case 'AzureOpenAI':
    case 'AzureChatOpenAI':
    case 'AzureOpenAIEmbeddings':
      if (target.provider.clientStyle === 'azure') return NOTHING;
      return result([], [
        manual(finding, 'warning', 'azure-client', `${finding.symbol} client: replace it with \`${syntax.construct('OpenAI', openAIOptions(ctx, syntax.sdk.baseUrl).map((option) => optionText(option, ctx)))}\` for ${name}`),
      ]);
    case 'ChatGPTAPI':
    case 'ChatGPTUnofficialProxyAPI':
      return planChatGptWrapper(finding, ctx, (options) => configureClient(finding, ctx, options));
    default:
      return NOTHING;
  }
};

/**
 * Keyless Microsoft Entra ID: the SDK client gets a token provider from Azure Identity as its
 * key (a function there since openai 5.18.0; the dependency rule checks the range), or as the
 * dated `AzureOpenAI` client's token provider; the file imports the provider.
 */
function withEntraId(finding: Finding, ctx: RuleContext, scope: string): RuleResult {
  const { azureClient } = ctx.target;
  const { syntax } = ctx;
  const importsEnd = ctx.fileFindings.find((other) => other.detail?.importsEnd !== undefined)?.detail?.importsEnd;
  if (importsEnd === undefined || finding.detail?.binding === 'other' || finding.language !== 'ts' && finding.language !== 'js') {
    const keyed = azureClient ? switchToAzureClient(finding, ctx, azureClient) : configureClient(finding, ctx, openAIOptions(ctx, syntax.sdk.baseUrl));
    return withKeyNote(finding, ctx, keyed, 'the file has no ESM import to add Azure Identity beside');
  }
  const provider = syntax.azureTokenProvider(scope);
  const configured = azureClient
    ? switchToAzureClient(finding, ctx, azureClient, { name: 'azureADTokenProvider', code: provider.code, replaces: syntax.sdk.apiKey })
    : configureClient(finding, ctx, [
        { name: syntax.sdk.baseUrl, code: baseUrlCode(ctx.target, syntax), isUrl: true },
        { name: syntax.sdk.apiKey, code: provider.code, isKey: true },
      ]);
  if (configured.edits.length === 0) return configured;
  const importLine = edit(finding, { start: importsEnd, end: importsEnd }, `${ctx.lines.eol}${provider.importLine}`, 'Microsoft Entra ID token provider');
  return result([...configured.edits, importLine], configured.manual);
}

/** A framework client: configured for the target, with its library's default model named explicitly. */
function withDefaultModel(finding: Finding, ctx: RuleContext, wanted: WantedOption[]): RuleResult {
  const defaults = planDefaultModel(finding, ctx);
  const configured = configureClient(finding, ctx, defaults.option ? [...wanted, defaults.option] : wanted);
  return withKeyNote(finding, ctx, result(configured.edits, [...configured.manual, ...defaults.manual]));
}

/** With `--azure-auth entra`, a client configured with the key instead says so. */
function withKeyNote(finding: Finding, ctx: RuleContext, planned: RuleResult, why = `${finding.symbol} takes its key as a string`): RuleResult {
  if (ctx.target.entraScope === undefined || planned.edits.length === 0) return planned;
  return result(planned.edits, [
    ...planned.manual,
    manual(finding, 'warning', 'entra-not-applied', `keyless Entra ID is not set up here (${why}): this client reads ${ctx.target.keyVar}; give it a token provider by hand or keep key authentication`),
  ]);
}

function openAIOptions(ctx: RuleContext, urlOption: string): WantedOption[] {
  return [
    { name: urlOption, code: baseUrlCode(ctx.target, ctx.syntax), isUrl: true },
    { name: ctx.syntax.sdk.apiKey, code: keyCode(ctx.target, ctx.syntax), isKey: true },
  ];
}

/** The class for Azure's dated API; `AsyncAzureOpenAI` for Python's async client. */
export function azureClassFor(finding: Finding): string {
  return finding.detail?.isAsync ? 'AsyncAzureOpenAI' : 'AzureOpenAI';
}

/** Azure's dated API: `new AzureOpenAI({ endpoint, apiKey, apiVersion })`; the import rule adds the import. */
function switchToAzureClient(finding: Finding, ctx: RuleContext, azure: NonNullable<MigrationTarget['azureClient']>, credential?: WantedOption): RuleResult {
  const { syntax } = ctx;
  const className = azureClassFor(finding);
  const wanted: WantedOption[] = [
    // AzureOpenAI appends `/openai` to the endpoint as given: a portal value ending in `/` would double it.
    { name: syntax.sdk.azureEndpoint, code: syntax.interpolate([{ urlEnv: azure.endpointEnv }]), replaces: syntax.sdk.baseUrl },
    credential ?? { name: syntax.sdk.apiKey, code: keyCode(ctx.target, syntax), isKey: true },
    { name: syntax.sdk.apiVersion, code: syntax.string(azure.apiVersion), keepsExisting: true },
  ];
  const callee = finding.detail?.callee;
  if (callee === undefined || finding.detail?.binding === 'other') {
    return result([], [
      manual(finding, 'warning', 'switch-to-azure-client', `construct \`${className}\` from 'openai' here: \`${syntax.construct(className, wanted.map((option) => optionText(option, ctx)))}\``),
    ]);
  }
  const configured = configureClient(finding, ctx, wanted);
  return result([edit(finding, callee, className, "Azure's dated API client"), ...configured.edits], configured.manual);
}

/** `name: code`, or `name: { a: …, b: … }` for an option with nested options. */
function optionText(option: WantedOption, ctx: RuleContext): string {
  const { syntax } = ctx;
  return syntax.option(option.name, option.nested ? syntax.group(option.nested.map((inner) => optionText(inner, ctx))) : option.code);
}

function configureClient(finding: Finding, ctx: RuleContext, wanted: WantedOption[], argument = finding.detail?.argument): RuleResult {
  const provider = ctx.target.provider.name;
  const reason = `point the client at ${provider}`;
  const listed = wanted.map((option) => optionText(option, ctx));
  if (argument === undefined) return NOTHING;
  if (argument.kind === 'none') return result([edit(finding, argument.range, ctx.syntax.arguments(listed), reason)]);
  if (argument.kind === 'other') {
    return result([], [
      manual(finding, 'warning', 'client-options-not-literal', `client options come from \`${argument.text}\`; set ${listed.join(' and ')} where they are built`),
    ]);
  }
  const edits: Edit[] = [];
  const actions: ManualAction[] = [];
  const missing: string[] = [];
  const byName = new Map(argument.properties.map((property) => [property.name, property]));

  for (const option of wanted) {
    const existing = byName.get(option.name);
    const replaced = option.replaces === undefined ? undefined : byName.get(option.replaces);
    if (existing === undefined) {
      if (replaced) edits.push(edit(finding, replaced.range, optionText(option, ctx), reason));
      else missing.push(optionText(option, ctx));
      continue;
    }
    const value = existing.value;
    if (option.nested) {
      const inner = configureClient(finding, ctx, option.nested, value.kind === 'object' ? value.object : { kind: 'other', range: value.range, text: value.text });
      edits.push(...inner.edits);
      actions.push(...inner.manual);
      continue;
    }
    if (value.text === option.code || option.keepsExisting) continue;
    const inItsForm = option.isKey ? keyReadInItsForm(finding, ctx, value, option.code) : undefined;
    if (inItsForm === 'kept') continue;
    const custom = checkCustomValue(finding, ctx, option, value);
    if (custom) actions.push(custom);
    else if (inItsForm) edits.push(inItsForm);
    // `{ baseURL }` shorthand: the name is the value, so the whole property is replaced; so is a
    // `$env/static/*` name, which the env-var rule renames where it is used.
    else if (existing.isShorthand || (value.kind === 'env' && value.isImported)) edits.push(edit(finding, existing.range, optionText(option, ctx), reason));
    else edits.push(edit(finding, value.range, option.code, reason));
  }

  for (const option of ACCOUNT_OPTIONS) {
    if (byName.has(option)) {
      actions.push(manual(finding, 'info', 'openai-account-option', `\`${option}\` is an OpenAI account setting that ${provider} does not use; remove it`));
    }
  }
  if (missing.length > 0) {
    edits.push(appendProperties(finding, argument, missing, ctx, reason));
    if (argument.isOpen && !ctx.syntax.laterOptionWins) {
      actions.push(manual(finding, 'warning', 'client-options-not-literal', `this call also passes arguments not written as keywords (\`*args\`, \`**kwargs\`): if they set ${wanted.map((option) => option.name).join(' or ')}, the call fails; set them there instead`));
    }
  }
  return result(edits, actions);
}

/**
 * A key read from a bundler's or runtime's own environment (`import.meta.env.VITE_OPENAI_API_KEY`
 * in Vite, Astro and SvelteKit code, `Deno.env.get(…)`, `Bun.env`, NestJS's `config.get(…)`) keeps its form, and its prefix,
 * with the target's variable: `process.env` is not there in a browser bundle or every runtime.
 * `kept` when it reads the target's variable already, or reads it through a SvelteKit
 * `$env/static/*` import, which the env-var rule renames at the import.
 */
function keyReadInItsForm(finding: Finding, ctx: RuleContext, value: ValueInfo, code: string): Edit | 'kept' | undefined {
  const isScript = finding.language === 'ts' || finding.language === 'js';
  if (!isScript || value.kind !== 'env' || value.text.startsWith('process.env')) return undefined;
  const { target } = ctx;
  // A credential that is not the key (an Entra ID token provider) replaces the read.
  if (value.isImported) return code === keyCode(target, ctx.syntax) ? 'kept' : undefined;
  if (value.name.endsWith(target.keyVar)) return 'kept';
  const name = isOpenAIKeyVariable(value.name, target) ? renamedKeyVariable(value.name, target) : target.keyVar;
  const at = value.text.lastIndexOf(value.name);
  const read = value.text.slice(0, at) + name + value.text.slice(at + value.name.length);
  // Each of these reads is undefined while the variable is unset, and the SDK would then send
  // OPENAI_API_KEY from the process environment to the target: `?? ''` stops that, as for
  // `process.env`. `getOrThrow` never returns undefined.
  const fallback = value.hasEmptyFallback || /\.getOrThrow\s*(?:<[^>]*>)?\s*\($/.test(value.text.slice(0, at - 1)) ? '' : " ?? ''";
  // The whole read is replaced, so that it counts as rewritten.
  return edit(finding, value.range, read + fallback, `${target.provider.name} key variable`);
}

/** Adds properties after the last one, in the object's own layout (one line or one per line). */
function appendProperties(finding: Finding, object: Extract<ArgumentInfo, { kind: 'object' }>, properties: string[], ctx: RuleContext, reason: string): Edit {
  if (object.lastElementEnd === null) return edit(finding, object.range, ctx.syntax.group(properties), reason);
  const afterComma = object.hasTrailingComma ? object.listEnd : object.lastElementEnd;
  const at = { start: afterComma, end: afterComma };
  if (object.propertyIndent !== null) {
    const lines = properties.map((property) => `${ctx.lines.eol}${object.propertyIndent}${property}`);
    const text = object.hasTrailingComma ? lines.map((line) => `${line},`).join('') : `,${lines.join(',')}`;
    return edit(finding, at, text, reason);
  }
  const text = object.hasTrailingComma ? ` ${properties.join(', ')},` : `, ${properties.join(', ')}`;
  return edit(finding, at, text, reason);
}
