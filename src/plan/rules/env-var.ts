import { isOpenAIKeyVariable, isOpenAIUrlVariable, renamedKeyVariable, runtimeConfigKeyOf } from '../env-names.js';
import { baseUrlCode } from '../target.js';
import { addNeededVariables } from './env-template.js';
import { planKeyEntry, planUnreadKeyEntry, planUrlEntry } from './settings.js';
import type { Edit, Finding } from '../../core/types.js';
import { scriptTextOf } from '../../scan/frontends/components/code-view.js';
import { edit, manual, NOTHING, result, type Rule, type RuleContext } from './types.js';

const ACCOUNT_VARIABLES = new Set(['OPENAI_ORG_ID', 'OPENAI_ORGANIZATION', 'OPENAI_PROJECT_ID']);

/**
 * Reads of the OpenAI key variable are renamed to the target's (keeping a prefix such as
 * `VITE_`). Base-URL and account variables read outside the client options are reported.
 */
export const planEnvVar: Rule = (finding, ctx) => {
  const name = finding.name;
  // Reads inside the client's own options are rewritten by the client rule.
  if (name === undefined || finding.detail?.clientOption !== undefined) return NOTHING;
  const { target } = ctx;
  // Set in a settings file (`OPENAI_API_KEY=…` in .env, YAML, JSON) rather than read.
  const entry = finding.detail?.entry;
  if (isOpenAIKeyVariable(name, target)) {
    // Settings of a project whose code reads no key (keyless Entra ID) are not renamed into one.
    if (ctx.readsKey === false) return entry ? planUnreadKeyEntry(finding, entry, ctx) : NOTHING;
    const renamed = renamedKeyVariable(name, target);
    const configKey = runtimeConfigKeyOf(name);
    if (configKey !== undefined) {
      const renamedKey = runtimeConfigKeyOf(renamed)!;
      // A template still gets the variables the migrated code reads (the Azure endpoint), here as elsewhere.
      const added = entry ? addNeededVariables(finding, entry, ctx) : undefined;
      return result(added ? [added] : [], [
        manual(finding, 'warning', 'runtime-config-variable', `${name} sets runtimeConfig.${configKey} by its name, so it is not renamed: give it the ${target.provider.name} key where the requests reading runtimeConfig.${configKey} go to ${target.provider.name}, or rename the config key to ${renamedKey} and this variable to ${renamed} together`),
      ]);
    }
    const range = finding.detail?.nameRange;
    if (range === undefined) {
      return result([], [manual(finding, 'error', 'rename-env-var', `rename ${name} to ${renamed} here (destructured from the environment or a settings field): until then it reads the OpenAI key for requests that go to ${target.provider.name}`)]);
    }
    const rename = edit(finding, range, renamed, `${target.provider.name} key variable`);
    if (entry) return planKeyEntry(finding, entry, rename, ctx);
    return result(finding.detail?.envImport ? renameImport(finding, rename, ctx) : [rename]);
  }
  if (isOpenAIUrlVariable(name)) {
    if (entry) return planUrlEntry(finding, entry, ctx);
    return result([], [
      manual(finding, 'info', 'base-url-env', `${name} is read here; after migration requests go to ${baseUrlCode(target, ctx.syntax)}: update or remove this read`),
    ]);
  }
  if (ACCOUNT_VARIABLES.has(name)) {
    return result([], [manual(finding, 'info', 'openai-account-option', `${name} is an OpenAI account setting that ${target.provider.name} does not use; remove it`)]);
  }
  return NOTHING;
};

/**
 * A SvelteKit `$env/static/*` import of the key under its own name is renamed with its uses, so
 * that the code names the variable it reads. When a use keeps the name (`{ OPENAI_API_KEY }`,
 * `export { OPENAI_API_KEY }`, a component's markup) or the new name is taken in the file, the
 * import keeps the old name as its local alias instead (`DEEPSEEK_API_KEY as OPENAI_API_KEY`);
 * an aliased import only changes the name it imports.
 */
function renameImport(finding: Finding, rename: Edit, ctx: RuleContext): Edit[] {
  const { local, uses, isPlain } = finding.detail!.envImport!;
  if (local !== finding.name) return [rename];
  const mentions = (name: string, text: string) => text.match(new RegExp(`(?<![\\w$])${name.replaceAll('$', '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
  const isInMarkup = mentions(local, ctx.text) > mentions(local, scriptTextOf(finding.file, ctx.text));
  if (!isPlain || isInMarkup || mentions(rename.text, ctx.text) > 0) return [{ ...rename, text: `${rename.text} as ${local}` }];
  return [rename, ...uses.map((use) => ({ ...rename, start: use.start, end: use.end }))];
}
