import type { Edit, Finding, SettingEntry } from '../../core/types.js';
import { isOpenAIKeyVariable } from '../env-names.js';
import { describeBaseUrl, neededVariables } from '../target.js';
import { addNeededVariables } from './env-template.js';
import { edit, manual, NOTHING, result, type RuleContext, type RuleResult } from './types.js';

/**
 * Entries of settings files (.env, YAML, JSON): names and values are replaced in place. A key
 * value is never carried over to the target's variable: it is emptied, unless it is already
 * empty, a placeholder or a reference to another variable or secret.
 */
function blankValue(finding: Finding, entry: SettingEntry): Edit | undefined {
  return entry.value && edit(finding, entry.value, entry.emptyText, 'a key value is never carried over');
}

/** A reference the env-var rule renames too: `${OPENAI_API_KEY}`, `${{ secrets.OPENAI_API_KEY }}`. */
const RENAMED_REFERENCE = /(?<![A-Za-z0-9_])(?!AZURE_)[A-Z0-9_]*OPENAI_API_KEY(?![A-Za-z0-9_])/;

/**
 * `OPENAI_API_KEY=…` renamed to the target's variable (`rename`), its literal value emptied. A
 * value taken from elsewhere is kept, with a warning unless it is renamed as well: it most
 * likely holds the OpenAI key.
 */
export function planKeyEntry(finding: Finding, entry: SettingEntry, rename: Edit, ctx: RuleContext): RuleResult {
  if (isKeptSecret(entry, ctx)) return keepKeyEntry(finding, entry, rename.text, ctx);
  const planned = planKeyEntryValue(finding, entry, rename, ctx);
  const added = planned.edits.length > 0 ? addNeededVariables(finding, entry, ctx) : undefined;
  return added ? { ...planned, edits: [...planned.edits, added] } : planned;
}

/**
 * Keyless Entra ID in every client: no code reads a key, so the entry is not renamed into one.
 * It is left as written, with the variables the code does read beside it, and can go.
 */
export function planUnreadKeyEntry(finding: Finding, entry: SettingEntry, ctx: RuleContext): RuleResult {
  const added = addNeededVariables(finding, entry, ctx);
  const { provider } = ctx.target;
  return result(added ? [added] : [], [
    manual(finding, 'info', 'unused-key-entry', `${finding.name} is no longer read: the migrated code authenticates to ${provider.name} with Microsoft Entra ID, not a key; remove this entry once the app runs there`),
  ]);
}

function planKeyEntryValue(finding: Finding, entry: SettingEntry, rename: Edit, ctx: RuleContext): RuleResult {
  if (entry.valueKind === 'reference') {
    const source = entry.value ? ctx.text.slice(entry.value.start, entry.value.end) : undefined;
    if (source !== undefined && RENAMED_REFERENCE.test(source)) return result([rename]);
    return result([rename], [
      manual(finding, 'warning', 'custom-api-key', `${rename.text} takes its value from ${source ?? '`valueFrom`'}: make that supply your ${ctx.target.provider.name} key, not the OpenAI one`),
    ]);
  }
  if (entry.valueKind !== 'literal') return result([rename]);
  const blank = blankValue(finding, entry);
  if (blank) return result([rename, blank]);
  return result([], [
    manual(finding, 'warning', 'rename-env-var', `rename ${finding.name} to ${rename.text} and replace its value with your ${ctx.target.provider.name} key by hand`),
  ]);
}

/**
 * A key value in a file git could not restore (an ignored `.env`) is never removed: nothing
 * could bring it back. It stays under its own name, where only what still reads that name
 * sends it, and the target's variable is added beside it without a value for the user to fill.
 */
function isKeptSecret(entry: SettingEntry, ctx: RuleContext): boolean {
  return ctx.keepsSecrets && entry.valueKind === 'literal' && entry.value !== undefined;
}

/**
 * Whether the file keeps an OpenAI key under a name the migration does not rename (`apiKey:`
 * beside `baseURL:`): its URLs then stay too, since a key moves with the URL it authenticates.
 */
export function keepsForeignKey(ctx: RuleContext): boolean {
  return ctx.keepsSecrets && ctx.fileFindings.some((finding) => {
    const entry = finding.kind === 'api-key' ? finding.detail?.entry : undefined;
    return entry !== undefined && isKeptSecret(entry, ctx) && !isOpenAIKeyVariable(ctx.text.slice(entry.name.start, entry.name.end), ctx.target);
  });
}

/** What the comment above an added key variable says it holds. */
function keyNote(ctx: RuleContext): string {
  const { provider, keyVar } = ctx.target;
  return neededVariables(ctx.target, true).find((variable) => variable.name === keyVar)?.note ?? `${provider.name} API key`;
}

/**
 * A key entry kept for requests left on OpenAI: the variables the moved requests read (the
 * target's key, Azure's endpoint) are added beside it, in an .env or YAML file.
 */
export function addBeside(finding: Finding, ctx: RuleContext): Edit[] {
  const entry = finding.detail?.entry;
  if (entry === undefined) return [];
  const readsKey = ctx.readsKey ?? true;
  const added = addNeededVariables(finding, entry, ctx, readsKey ? { name: ctx.target.keyVar, note: keyNote(ctx) } : undefined);
  return added ? [added] : [];
}

function keepKeyEntry(finding: Finding, entry: SettingEntry, renamed: string, ctx: RuleContext): RuleResult {
  const { provider } = ctx.target;
  const added = addNeededVariables(finding, entry, ctx, { name: renamed, note: keyNote(ctx) });
  const message = `${finding.name} keeps its value, since git cannot restore this file and removing the key could not be undone: put your ${provider.name} key in ${renamed}${added ? ' (added below)' : ''}, which the migrated code reads, and delete this line once nothing reads ${finding.name}`;
  return result(added ? [added] : [], [manual(finding, 'warning', 'unrecoverable-secret', message)]);
}

/** A key written in a settings entry: emptied, and always a `hardcoded-key` error; kept where git could not restore it. */
export function planKeyValue(finding: Finding, entry: SettingEntry, ctx: RuleContext): RuleResult {
  if (isKeptSecret(entry, ctx)) {
    // `OPENAI_API_KEY=sk-…`: the key variable's rule keeps the line and says what to do.
    if (isOpenAIKeyVariable(ctx.text.slice(entry.name.start, entry.name.end), ctx.target)) return NOTHING;
    const { provider, keyVar } = ctx.target;
    const message = `an OpenAI key is written here, and git cannot restore this file, so removing it could not be undone: the key, and this file's OpenAI URLs and model ids, are left as they are. Replace the key with your ${provider.name} key (${keyVar}), and point the URLs at ${describeBaseUrl(ctx.target)} and the models at ${provider.name}'s, together`;
    return result([], [manual(finding, 'error', 'unrecoverable-secret', message)]);
  }
  const blank = blankValue(finding, entry);
  const { provider, keyVar } = ctx.target;
  const message = `${blank ? 'an OpenAI key was removed from this file' : 'an OpenAI key is written here: remove it'}; revoke it at https://platform.openai.com/api-keys (it stays in version control history) and supply your ${provider.name} key (${keyVar}) instead`;
  return result(blank ? [blank] : [], [manual(finding, 'error', 'hardcoded-key', message)]);
}

/**
 * `OPENAI_BASE_URL=…`: an api.openai.com value is rewritten by the base-url rule; another URL
 * (a proxy, a gateway) is the user's to keep or change.
 */
export function planUrlEntry(finding: Finding, entry: SettingEntry, ctx: RuleContext): RuleResult {
  if (entry.valueKind !== 'literal' || entry.value === undefined) return NOTHING;
  const value = ctx.text.slice(entry.value.start, entry.value.end);
  if (value.includes('api.openai.com') || value === ctx.target.baseUrl) return NOTHING;
  return result([], [
    manual(finding, 'info', 'base-url-env', `${finding.name} is set to ${value} here; migrated clients send their requests to ${describeBaseUrl(ctx.target)}: update or remove it`),
  ]);
}
