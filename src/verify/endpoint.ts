import { UsageError } from '../core/errors.js';
import type { MigrationTarget } from '../plan/target.js';

/** Where `verify` sends its requests and with which key, as the migrated code would. */
export interface Endpoint {
  baseUrl: string;
  keyVar: string;
  /** Absent for `--dry-run` without the variable set: nothing is sent then. */
  key?: string;
}

/**
 * The target's base URL with its placeholders filled from the environment (Azure's resource
 * name), and the key from the variable the migrated code reads. Never the OpenAI key.
 */
export function resolveEndpoint(target: MigrationTarget, env: NodeJS.ProcessEnv, options: { dryRun: boolean }): Endpoint {
  const variables = target.provider.urlVariables ?? {};
  const baseUrl = target.baseUrl
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      const variable = variables[name] ?? name.toUpperCase();
      const value = env[variable];
      if (value === undefined || value === '') {
        throw new UsageError(`${variable} is not set: it fills {${name}} in ${target.baseUrl}`, `set it, or pass the whole URL with --base-url`);
      }
      // `{endpoint}/openai/v1` with an endpoint written `https://x.openai.azure.com/`.
      return value.replace(/\/+$/, '');
    })
    .replace(/\/+$/, '');
  const key = env[target.keyVar];
  if ((key === undefined || key === '') && !options.dryRun) {
    throw new UsageError(`${target.keyVar} is not set: verify sends your ${target.provider.name} key from it`, 'set it in the environment (it is never printed), or use --dry-run to see the requests');
  }
  return { baseUrl, keyVar: target.keyVar, ...(key ? { key } : {}) };
}
