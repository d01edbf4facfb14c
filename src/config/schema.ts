import { z } from 'zod';
import { PROVIDER_ALIASES, providers } from '../providers/index.js';
import { nearest } from '../core/distance.js';
import { CAPABILITY_KEYS, type CapabilityKey } from '../providers/types.js';
import { SINGLE_REGION } from './providers.js';
import { checkGlob } from '../core/globs.js';
import { checkHttpUrl, DISPLAY_NAME, ENV_NAME, HTTP_URL, MODEL_ID, MODEL_PATTERN, PROVIDER_ID } from '../core/values.js';

/**
 * The configuration file, `migrate-openai.config.json`. This schema is the one source of the
 * validator and of the published JSON schema (`schema/migrate-openai.config.schema.json`).
 * Loaded only when there is a file to check.
 *
 * Every `error` below is the *expected* part of a one-line message ("expected <error>, got …",
 * see `formatIssues`); the `custom` issues of `checkConsistency` are whole sentences.
 */

const API_VERSION = /^\d{4}-\d{2}-\d{2}(?:-preview)?$/;

/** A string that must match `pattern`; `expected` says what in words. */
const text = (pattern: RegExp, expected: string) => z.string({ error: expected }).regex(pattern, { error: expected });
const nonEmpty = (expected: string) => z.string({ error: expected }).min(1, { error: expected });
const glob = nonEmpty('a glob').superRefine((value, ctx) => {
  // An empty one has been reported already.
  const problem = value === '' ? undefined : checkGlob(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `invalid glob ${JSON.stringify(value)}: ${problem}` });
});
const globs = (description: string) => z.array(glob, { error: 'an array of globs' }).meta({ description });

const comment = z.string({ error: 'a string' }).meta({ description: 'A note for readers of the file; ignored by the tool.' });
const providerId = text(PROVIDER_ID, 'a kebab-case provider id such as "zhipu" or "my-gateway"');
// `{name}` placeholders are allowed: migrated code fills them from `urlVariables`.
const httpUrl = text(HTTP_URL, 'an http(s) URL such as "https://llm.example.com/v1"').superRefine((value, ctx) => {
  // A value the pattern refuses has been reported already.
  const problem = HTTP_URL.test(value) ? checkHttpUrl(value) : undefined;
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `expected ${problem}, got ${JSON.stringify(value)}` });
});
const envName = text(ENV_NAME, 'an environment variable name such as "ACME_API_KEY"');
const modelKey = text(MODEL_PATTERN, 'an OpenAI model id or a pattern such as "gpt-4o*"');

const capabilitySchema = z.strictObject(
  {
    support: z.enum(['supported', 'partial', 'unsupported', 'unknown'], { error: 'one of "supported", "partial", "unsupported", "unknown"' }),
    note: z.string({ error: 'a string' }).optional().meta({ description: 'One line: what differs, and the alternative.' }),
  },
  { error: 'an object such as { "support": "supported" }' },
);

const customProviderObject = z.strictObject(
  {
    $comment: comment.optional(),
    id: providerId.meta({ description: 'The id used with --to; may not be a built-in id.' }),
    name: text(DISPLAY_NAME, 'a display name on one line, without control characters').meta({ description: 'The name shown in output.' }),
    baseURL: httpUrl.optional().meta({ description: 'The OpenAI-compatible base URL (or give "baseUrls" by region).' }),
    baseUrls: z
      .record(providerId, httpUrl, { error: 'an object of region → base URL' })
      .optional()
      .meta({ description: 'Base URLs by region, chosen with "region" or --region.' }),
    defaultRegion: z.string({ error: 'a region name' }).optional().meta({ description: 'The key of "baseUrls" used without a region; the first one otherwise.' }),
    urlVariables: z
      .record(z.string(), envName, { error: 'an object of placeholder → environment variable' })
      .optional()
      .meta({ description: 'Placeholders in the base URL ("{host}") and the environment variable that fills each in migrated code.' }),
    apiKeyEnv: envName.meta({ description: 'The environment variable migrated code reads the key from.' }),
    docs: httpUrl.optional().meta({ description: 'Documentation link shown in manual actions; the base URL otherwise.' }),
    models: z
      .record(
        text(MODEL_ID, 'an exact OpenAI model id (patterns such as "gpt-4o*" belong in the top-level "models")'),
        z.union([text(MODEL_ID, 'a model id of the provider'), z.null()], { error: 'a model id of the provider, or null for no equivalent' }),
        { error: 'an object of OpenAI model id → provider model id (or null)' },
      )
      .optional()
      .meta({ description: 'OpenAI model id → provider model id, or null where it has none. Dated snapshots map like their family.' }),
    capabilities: z
      .partialRecord(z.enum(CAPABILITY_KEYS as [CapabilityKey, ...CapabilityKey[]]), capabilitySchema, { error: 'an object of capability → { "support": … }' })
      .optional()
      .meta({ description: 'What the provider supports; anything not listed is reported as unverified.' }),
  },
  { error: 'an object with id, name, baseURL and apiKeyEnv' },
);

export type CustomProviderEntry = z.infer<typeof customProviderObject>;

const customProviderSchema = customProviderObject.superRefine(checkProviderUrls).meta({ description: 'A custom OpenAI-compatible provider.' });

const builtInIds = providers.map((provider) => provider.id);

const configObject = z.strictObject(
  {
    $schema: z.string({ error: 'a string' }).optional().meta({ description: 'The JSON schema of this file, for editors.' }),
    $comment: comment.optional(),
    target: providerId.optional().meta({ description: 'The provider to migrate to (--to): a built-in id or one from "providers".', examples: builtInIds }),
    region: nonEmpty('a region name').optional().meta({ description: 'A region or API variant of the target (--region); `migrate-openai providers <id>` lists them.' }),
    baseURL: httpUrl.optional().meta({ description: "Use this base URL instead of the region's (--base-url)." }),
    models: z
      .record(modelKey, text(MODEL_ID, 'a model id of the target'), { error: 'an object of OpenAI model id (or pattern) → target model id' })
      .optional()
      .meta({
        description:
          'OpenAI model id → target model id, over the provider\'s own map (--model). Keys are exact ids or patterns where "*" stands for any characters. An exact id (or the family of a dated snapshot) beats a pattern; a longer pattern beats a shorter one; on a tie the first listed wins.',
        examples: [{ 'gpt-4o': 'glm-4.6', 'gpt-4o-mini*': 'glm-4.5-air' }],
      }),
    deployments: z
      .record(modelKey, text(MODEL_ID, 'an Azure deployment name'), { error: 'an object of OpenAI model id (or pattern) → Azure deployment name' })
      .optional()
      .meta({ description: 'Azure only: OpenAI model id (or pattern, as in "models") → deployment name. Beats "models".' }),
    apiVersion: text(API_VERSION, 'an Azure api-version such as "2024-10-21"')
      .optional()
      .meta({ description: 'Azure only, with "region": "dated": the api-version the AzureOpenAI client is given.' }),
    include: globs('Only scan files matching these globs, relative to the root (--include).').optional(),
    exclude: globs('Skip files matching these globs (--exclude).').optional(),
    failOn: z
      .enum(['error', 'warning', 'info'], { error: 'one of "error", "warning", "info"' })
      .optional()
      .meta({ description: '`plan` and `report` exit with 1 while a manual action of this severity or higher remains (--fail-on).' }),
    providers: z.array(customProviderSchema, { error: 'an array of provider objects' }).optional(),
  },
  { error: 'an object' },
);

export type ConfigFile = z.infer<typeof configObject>;

export const configSchema = configObject
  .superRefine(checkConsistency)
  .meta({ title: 'migrate-openai configuration', description: 'Settings for migrate-openai; command-line flags override them.' });

/** Every field name the file may hold, for "did you mean" on an unknown one. */
export const FIELD_NAMES: readonly string[] = [
  ...new Set([...Object.keys(configObject.shape), ...Object.keys(customProviderObject.shape), ...Object.keys(capabilitySchema.shape)]),
];

/** What the types cannot say: ids are unique and known, and each field fits its target. */
function checkConsistency(config: ConfigFile, ctx: z.RefinementCtx): void {
  const regionsById = new Map<string, string[]>(providers.map((provider) => [provider.id, Object.keys(provider.baseUrls)]));
  (config.providers ?? []).forEach((provider, index) => {
    const at = ['providers', index, 'id'];
    if (builtInIds.includes(provider.id)) {
      ctx.addIssue({ code: 'custom', path: at, message: `"${provider.id}" is a built-in provider id; choose another id` });
    } else if (regionsById.has(provider.id)) {
      ctx.addIssue({ code: 'custom', path: at, message: `"${provider.id}" is defined twice` });
    }
    if (!builtInIds.includes(provider.id)) regionsById.set(provider.id, regionsOf(provider));
  });

  if (config.target === undefined) return;
  // Ids ignore case, and the built-in ones have aliases (`glm` → zhipu).
  const known = [...regionsById.keys()];
  const lower = config.target.toLowerCase();
  const target = known.find((id) => id.toLowerCase() === lower) ?? PROVIDER_ALIASES[lower] ?? config.target;
  const regions = regionsById.get(target);
  if (regions === undefined) {
    const near = nearest(config.target, [...known, ...Object.keys(PROVIDER_ALIASES)]);
    const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
    ctx.addIssue({ code: 'custom', path: ['target'], message: `unknown provider "${config.target}"${hint}; expected one of ${known.join(', ')}` });
    return;
  }
  if (config.region !== undefined && !regions.includes(config.region)) {
    ctx.addIssue({ code: 'custom', path: ['region'], message: `"${config.region}" is not a region of ${target}; expected one of ${regions.join(', ')}` });
  }
  if (target !== 'azure') {
    for (const field of ['deployments', 'apiVersion'] as const) {
      if (config[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `applies to "target": "azure" only, not "${target}"` });
    }
    return;
  }
  if (config.apiVersion !== undefined && config.region !== 'dated') {
    ctx.addIssue({ code: 'custom', path: ['apiVersion'], message: 'applies to Azure\'s dated API only: add "region": "dated"' });
  }
  if (config.baseURL !== undefined && config.region === 'dated') {
    ctx.addIssue({ code: 'custom', path: ['baseURL'], message: "does not apply to Azure's dated API, which reads its endpoint from AZURE_OPENAI_ENDPOINT" });
  }
}

/** Exactly one of `baseURL` and `baseUrls`; `defaultRegion` names one of the regions. */
function checkProviderUrls(provider: CustomProviderEntry, ctx: z.RefinementCtx): void {
  if ((provider.baseURL === undefined) === (provider.baseUrls === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['baseURL'], message: 'give either "baseURL" or "baseUrls" (by region), not both or neither' });
    return;
  }
  const regions = regionsOf(provider);
  if (regions.length === 0) ctx.addIssue({ code: 'custom', path: ['baseUrls'], message: 'needs at least one region' });
  if (provider.defaultRegion !== undefined && !regions.includes(provider.defaultRegion)) {
    ctx.addIssue({ code: 'custom', path: ['defaultRegion'], message: `"${provider.defaultRegion}" is not a region of "${provider.id}"; expected one of ${regions.join(', ')}` });
  }
}

function regionsOf(provider: CustomProviderEntry): string[] {
  return provider.baseUrls ? Object.keys(provider.baseUrls) : [SINGLE_REGION];
}
