import type { MigrationTarget } from './target.js';

const KEY_VARIABLE = /OPENAI_API_KEY$/;
const URL_VARIABLES = new Set(['OPENAI_BASE_URL', 'OPENAI_API_BASE']);

/**
 * A variable holding the OpenAI key (with any prefix: `VITE_OPENAI_API_KEY`). `AZURE_OPENAI_API_KEY`
 * holds an Azure key, and the target's own variable is migrated already.
 */
export function isOpenAIKeyVariable(name: string, target: MigrationTarget): boolean {
  return KEY_VARIABLE.test(name) && !name.endsWith('AZURE_OPENAI_API_KEY') && !name.endsWith(target.keyVar);
}

/** The target's variable for an OpenAI key variable, keeping its prefix. */
export function renamedKeyVariable(name: string, target: MigrationTarget): string {
  return name.replace(KEY_VARIABLE, target.keyVar);
}

/** Nuxt and Nitro set a runtime config key from the variable of the same name (`NUXT_PUBLIC_X` → `public.x`). */
const RUNTIME_CONFIG_VARIABLE = /^(?:NUXT|NITRO)_(PUBLIC_)?([A-Z0-9_]+)$/;

/**
 * The runtime config key a variable sets by its name, as Nuxt and Nitro derive it
 * (`NUXT_OPENAI_API_KEY` → `openaiApiKey`), or undefined for any other variable. Renaming such a
 * variable would leave its key unset.
 */
export function runtimeConfigKeyOf(name: string): string | undefined {
  const match = RUNTIME_CONFIG_VARIABLE.exec(name);
  if (match === null) return undefined;
  const key = match[2]!.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return match[1] ? `public.${key}` : key;
}

/** The variables the OpenAI SDKs read the base URL from. */
export function isOpenAIUrlVariable(name: string): boolean {
  return URL_VARIABLES.has(name);
}
