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

/** The variables the OpenAI SDKs read the base URL from. */
export function isOpenAIUrlVariable(name: string): boolean {
  return URL_VARIABLES.has(name);
}
