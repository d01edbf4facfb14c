import type { Finding } from '../../core/types.js';
import { baseUrlCode, keyCode } from '../target.js';
import { ACCOUNT_OPTIONS, checkCustomValue } from './client-values.js';
import { edit, manual, NOTHING, result, type RuleContext, type RuleResult } from './types.js';

/** The module attribute each SDK generation reads its base URL from. */
const URL_SETTINGS = ['api_base', 'base_url'];

/** The project calls the v0 module API (`openai.ChatCompletion.create`), which reads `api_base`. */
function isLegacyProject(ctx: RuleContext): boolean {
  return ctx.projectFindings.some((f) => f.detail?.isLegacy || f.detail?.setting?.name === 'api_base');
}

/**
 * Python's module-level client (`openai.api_key = …`, v0 and v1): the key and URL settings get
 * the target's, a key set without a URL gets the URL setting beside it, and an Azure `api_type`
 * becomes the plain one. Azure's dated API needs `AzureOpenAI`: that is for the user to set up.
 */
export function planModuleSetting(finding: Finding, ctx: RuleContext): RuleResult {
  const setting = finding.detail?.setting;
  if (setting === undefined) return NOTHING;
  const { target, syntax } = ctx;
  const reason = `point the module-level client at ${target.provider.name}`;
  if (target.azureClient) {
    if (setting.name !== 'api_key') return NOTHING;
    return result([], [
      manual(finding, 'warning', 'switch-to-azure-client', `the module-level client cannot use Azure's dated API as migrated: construct \`${syntax.construct('AzureOpenAI', [syntax.option(syntax.sdk.azureEndpoint, syntax.env(target.azureClient.endpointEnv)), syntax.option(syntax.sdk.apiKey, keyCode(target, syntax)), syntax.option(syntax.sdk.apiVersion, syntax.string(target.azureClient.apiVersion))])}\` and call it instead`),
    ]);
  }
  const { value } = setting;
  if (setting.name === 'api_key') {
    const code = keyCode(target, syntax);
    const custom = checkCustomValue(finding, ctx, { name: setting.name, isKey: true }, value);
    const edits = custom || value.text === code ? [] : [edit(finding, value.range, code, reason)];
    const hasUrl = ctx.fileFindings.some((f) => URL_SETTINGS.includes(f.detail?.setting?.name ?? ''));
    if (!hasUrl) {
      const { lines } = ctx;
      const attribute = lines.slice(finding.span.start, value.range.start).replace(/api_key(\s*=\s*)$/, `${isLegacyProject(ctx) ? 'api_base' : 'base_url'}$1`);
      const lineEnd = lines.lineEnd(finding.span.end);
      edits.push(edit(finding, { start: lineEnd, end: lineEnd }, `${lines.eol}${lines.indent(finding.span.start)}${attribute}${baseUrlCode(target, syntax)}`, reason));
    }
    return result(edits, custom ? [custom] : []);
  }
  if (URL_SETTINGS.includes(setting.name)) {
    const code = baseUrlCode(target, syntax);
    if (value.text === code) return NOTHING;
    return result([edit(finding, value.range, code, reason)]);
  }
  if (setting.name === 'api_type' && value.kind === 'string' && /^azure/.test(value.value)) {
    return result([edit(finding, value.range, syntax.string(isLegacyProject(ctx) ? 'open_ai' : 'openai'), reason)]);
  }
  if (ACCOUNT_OPTIONS.includes(setting.name)) {
    return result([], [manual(finding, 'info', 'openai-account-option', `\`${setting.name}\` is an OpenAI account setting that ${target.provider.name} does not use; remove it`)]);
  }
  return NOTHING;
}

/**
 * A file that calls the v0 module API relying on `OPENAI_API_KEY` alone gets the module
 * settings for the target right after its `import openai`, unless the project sets the key
 * somewhere (module settings are global, one place is enough).
 */
export function planLegacySetup(finding: Finding, ctx: RuleContext): RuleResult {
  const { target, syntax } = ctx;
  const module = finding.detail?.importedNames?.find((name) => name.name === '*')?.local;
  if (module === undefined || target.azureClient || !ctx.fileFindings.some((f) => f.detail?.isLegacy)) return NOTHING;
  if (ctx.projectFindings.some((f) => f.detail?.setting?.name === 'api_key')) return NOTHING;
  if (ctx.fileFindings.find((f) => f.kind === 'import' && f.detail?.importedNames?.some((name) => name.name === '*')) !== finding) return NOTHING;
  // After the file's top-level imports (`import os` goes among them), or the nested import itself.
  const importsEnd = finding.detail?.importsEnd;
  const isTopLevel = importsEnd !== undefined && finding.span.end <= importsEnd;
  const { lines } = ctx;
  const next = lines.nextLine(isTopLevel ? importsEnd : finding.span.end);
  const indent = isTopLevel ? '' : lines.indent(finding.span.start);
  const settings = [`${module}.api_key = ${keyCode(target, syntax)}`, `${module}.api_base = ${baseUrlCode(target, syntax)}`];
  const text = (next.needsBreak ? lines.eol : '') + settings.map((line) => `${indent}${line}${lines.eol}`).join('');
  return result([edit(finding, { start: next.at, end: next.at }, text, `point the module-level client at ${target.provider.name}`)]);
}
