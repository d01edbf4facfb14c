import { isOpenAIKey } from '../../core/redact.js';
import type { ArgumentInfo, Edit, Finding, ManualAction } from '../../core/types.js';
import { baseUrlCode, keyCode } from '../target.js';
import { edit, manual, NOTHING, result, type Rule, type RuleContext, type RuleResult } from './types.js';

/** Options that only mean something to OpenAI's own platform. */
const ACCOUNT_OPTIONS = ['organization', 'project'];

/**
 * `new OpenAI(…)` gets the target's base URL and key variable; v3 `new Configuration(…)` the
 * same through `basePath`. Other options are kept as they are.
 */
export const planClient: Rule = (finding, ctx) => {
  const name = ctx.target.provider.name;
  switch (finding.symbol) {
    case 'OpenAI':
      return configureClient(finding, ctx, 'baseURL');
    case 'Configuration': {
      const configured = configureClient(finding, ctx, 'basePath');
      const upgrade = manual(
        finding,
        'warning',
        'legacy-sdk',
        `openai v3 (Configuration/OpenAIApi) is unmaintained; upgrade to openai v4+ (\`new OpenAI({ baseURL, apiKey })\`) to use ${name} reliably`,
        'https://github.com/openai/openai-node/discussions/217',
      );
      return result(configured.edits, [...configured.manual, upgrade]);
    }
    case 'AzureOpenAI':
      if (ctx.target.provider.clientStyle === 'azure') return NOTHING;
      return result([], [
        manual(finding, 'warning', 'azure-client', `AzureOpenAI client: replace it with \`new OpenAI({ baseURL: ${baseUrlCode(ctx.target, ctx.quote)}, apiKey: ${keyCode(ctx.target, ctx.quote)} })\` for ${name}`),
      ]);
    default:
      return NOTHING;
  }
};

function configureClient(finding: Finding, ctx: RuleContext, urlOption: string): RuleResult {
  const argument = finding.detail?.argument;
  const url = baseUrlCode(ctx.target, ctx.quote);
  const key = keyCode(ctx.target, ctx.quote);
  if (argument === undefined) return NOTHING;
  if (argument.kind === 'none') {
    return result([edit(finding, argument.range, `{ ${urlOption}: ${url}, apiKey: ${key} }`, `point the client at ${ctx.target.provider.name}`)]);
  }
  if (argument.kind === 'other') {
    return result([], [
      manual(finding, 'warning', 'client-options-not-literal', `client options come from \`${argument.text}\`; set ${urlOption}: ${url} and apiKey: ${key} where they are built`),
    ]);
  }
  const edits: Edit[] = [];
  const actions: ManualAction[] = [];
  const missing: string[] = [];
  const byName = new Map(argument.properties.map((property) => [property.name, property]));

  const urlProperty = byName.get(urlOption);
  if (urlProperty === undefined) missing.push(`${urlOption}: ${url}`);
  else if (urlProperty.value.text !== url) {
    edits.push(edit(finding, urlProperty.value.range, url, `point the client at ${ctx.target.provider.name}`));
  }

  const keyProperty = byName.get('apiKey');
  if (keyProperty === undefined) missing.push(`apiKey: ${key}`);
  else if (keyProperty.value.text !== key) {
    const value = keyProperty.value;
    if (value.kind === 'env' || (value.kind === 'string' && isOpenAIKey(value.value))) {
      edits.push(edit(finding, value.range, key, `read the ${ctx.target.provider.name} key from ${ctx.target.keyVar}`));
    } else {
      actions.push(manual(finding, 'warning', 'custom-api-key', `apiKey comes from \`${value.text}\`; make it supply the ${ctx.target.provider.name} key (${ctx.target.keyVar})`));
    }
  }

  for (const option of ACCOUNT_OPTIONS) {
    if (byName.has(option)) {
      actions.push(manual(finding, 'info', 'openai-account-option', `\`${option}\` is an OpenAI account setting that ${ctx.target.provider.name} does not use; remove it`));
    }
  }
  if (missing.length > 0) edits.push(appendProperties(finding, argument, missing, ctx));
  return result(edits, actions);
}

/** Adds properties after the last one, in the object's own layout (one line or one per line). */
function appendProperties(finding: Finding, object: Extract<ArgumentInfo, { kind: 'object' }>, properties: string[], ctx: RuleContext): Edit {
  const reason = `point the client at ${ctx.target.provider.name}`;
  if (object.lastElementEnd === null) return edit(finding, object.range, `{ ${properties.join(', ')} }`, reason);
  const afterComma = object.hasTrailingComma ? ctx.text.indexOf(',', object.lastElementEnd) + 1 : object.lastElementEnd;
  const at = { start: afterComma, end: afterComma };
  if (object.propertyIndent !== null) {
    const lines = properties.map((property) => `${ctx.eol}${object.propertyIndent}${property}`);
    const text = object.hasTrailingComma ? lines.map((line) => `${line},`).join('') : `,${lines.join(',')}`;
    return edit(finding, at, text, reason);
  }
  const text = object.hasTrailingComma ? ` ${properties.join(', ')},` : `, ${properties.join(', ')}`;
  return edit(finding, at, text, reason);
}
