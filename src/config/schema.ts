import { z } from 'zod';
import { providers } from '../providers/index.js';
import { CAPABILITY_KEYS } from '../providers/types.js';

/**
 * The configuration file, `migrate-openai.config.json`. This schema is the one source of the
 * validator and of the published JSON schema (`schema/migrate-openai.config.schema.json`).
 *
 * Every `error` below is the *expected* part of a one-line message ("expected <error>, got …",
 * see `formatIssues`); `custom` issues from the refinement are whole sentences.
 */

export const CONFIG_FILE_NAME = 'migrate-openai.config.json';
/** Where the JSON schema lives in the package, and how `init` refers to it from a project. */
export const SCHEMA_FILE = 'schema/migrate-openai.config.schema.json';
export const SCHEMA_REFERENCE = `./node_modules/migrate-openai/${SCHEMA_FILE}`;

const PROVIDER_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// `{name}` placeholders are allowed: they are filled from `urlVariables` in migrated code.
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/;
const NO_SPACE = /^\S+$/;
const EXACT_MODEL = /^[^\s*]+$/;
const API_VERSION = /^\d{4}-\d{2}-\d{2}(?:-preview)?$/;

/** A string that must match `pattern`; `expected` says what in words. */
const text = (pattern: RegExp, expected: string) => z.string({ error: expected }).regex(pattern, { error: expected });

const comment = z.string({ error: 'a string' }).meta({ description: 'A note for readers of the file; ignored by the tool.' });
const providerId = text(PROVIDER_ID, 'a kebab-case provider id such as "zhipu" or "my-gateway"');
const httpUrl = text(HTTP_URL, 'an http(s) URL such as "https://llm.example.com/v1"');
const envName = text(ENV_NAME, 'an environment variable name such as "ACME_API_KEY"');

const modelOverrides = z
  .record(text(NO_SPACE, 'an OpenAI model id or a pattern such as "gpt-4o*"'), text(NO_SPACE, "a model id of the target"), {
    error: 'an object of OpenAI model id (or pattern) → target model id',
  })
  .meta({
    description:
      'OpenAI model id → target model id, over the provider\'s own map. Keys are exact ids or patterns with "*" (any characters). An exact id (or the family of a dated snapshot) beats a pattern; a longer pattern beats a shorter one; on a tie the first listed wins.',
    examples: [{ 'gpt-4o': 'glm-4.6', 'gpt-4o-mini*': 'glm-4.5-air' }],
  });

const capabilitySchema = z.strictObject(
  {
    support: z.enum(['supported', 'partial', 'unsupported', 'unknown'], { error: 'one of "supported", "partial", "unsupported", "unknown"' }),
    note: z.string({ error: 'a string' }).optional().meta({ description: 'One line: what differs, and the alternative.' }),
  },
  { error: 'an object such as { "support": "supported" }' },
);

export const customProviderSchema = z
  .strictObject(
    {
      $comment: comment.optional(),
      id: providerId.meta({ description: 'The id used with --to; may not be a built-in id.' }),
      name: z.string({ error: 'a display name' }).min(1, { error: 'a display name' }),
      baseURL: httpUrl.optional().meta({ description: 'The OpenAI-compatible base URL (or give "baseUrls" by region).' }),
      baseUrls: z
        .record(providerId, httpUrl, { error: 'an object of region → base URL' })
        .optional()
        .meta({ description: 'Base URLs by region, chosen with "region" or --region.' }),
      defaultRegion: z.string({ error: 'a region name' }).optional().meta({ description: 'The key of "baseUrls" used without --region; the first one otherwise.' }),
      urlVariables: z
        .record(z.string(), envName, { error: 'an object of placeholder → environment variable' })
        .optional()
        .meta({ description: 'Placeholders in the base URL ("{host}") and the environment variable that fills each in migrated code.' }),
      apiKeyEnv: envName.meta({ description: 'The environment variable migrated code reads the key from.' }),
      docs: httpUrl.optional().meta({ description: 'Documentation link shown in manual actions; the base URL otherwise.' }),
      models: z
        .record(text(EXACT_MODEL, 'an exact OpenAI model id (patterns such as "gpt-4o*" belong in the top-level "models")'), z.union([text(NO_SPACE, 'a model id of the provider'), z.null()], { error: 'a model id of the provider, or null for no equivalent' }), {
          error: 'an object of OpenAI model id → provider model id (or null)',
        })
        .optional()
        .meta({ description: 'OpenAI model id → provider model id, or null where it has none. Dated snapshots map like their family.' }),
      capabilities: z
        .partialRecord(z.enum(CAPABILITY_KEYS as [string, ...string[]]), capabilitySchema, { error: 'an object of capability → { "support": … }' })
        .optional()
        .meta({ description: 'What the provider supports; anything not listed is reported as unverified.' }),
    },
    { error: 'an object with id, name, baseURL and apiKeyEnv' },
  )
  .meta({ description: 'A custom OpenAI-compatible provider.' });

const builtInIds = providers.map((provider) => provider.id);

export const configSchema = z
  .strictObject(
    {
      $schema: z.string({ error: 'a string' }).optional().meta({ description: 'The JSON schema of this file, for editors.' }),
      $comment: comment.optional(),
      target: providerId.optional().meta({ description: 'The provider to migrate to (--to): a built-in id or one from "providers".', examples: builtInIds }),
      region: z.string({ error: 'a region name' }).min(1, { error: 'a region name' }).optional().meta({ description: "A region or API variant of the target (--region); `migrate-openai providers <id>` lists them." }),
      baseURL: httpUrl.optional().meta({ description: "Use this base URL instead of the region's (--base-url)." }),
      models: modelOverrides.optional(),
      deployments: z
        .record(text(NO_SPACE, 'an OpenAI model id or a pattern such as "gpt-4o*"'), text(NO_SPACE, 'an Azure deployment name'), {
          error: 'an object of OpenAI model id (or pattern) → Azure deployment name',
        })
        .optional()
        .meta({ description: 'Azure only: OpenAI model id (or pattern, as in "models") → deployment name. Beats "models".' }),
      apiVersion: text(API_VERSION, 'an Azure api-version such as "2024-10-21"')
        .optional()
        .meta({ description: 'Azure only, with "region": "dated": the api-version the AzureOpenAI client is given.' }),
      include: z.array(z.string({ error: 'a glob' }).min(1, { error: 'a glob' }), { error: 'an array of globs' }).optional().meta({ description: 'Only scan files matching these globs, relative to the root (--include).' }),
      exclude: z.array(z.string({ error: 'a glob' }).min(1, { error: 'a glob' }), { error: 'an array of globs' }).optional().meta({ description: 'Skip files matching these globs (--exclude).' }),
      failOn: z
        .enum(['error', 'warning', 'info'], { error: 'one of "error", "warning", "info"' })
        .optional()
        .meta({ description: 'Exit with 1 when a manual action of this severity or higher remains (--fail-on).' }),
      providers: z.array(customProviderSchema, { error: 'an array of provider objects' }).optional(),
    },
    { error: 'an object' },
  )
  .superRefine(checkConsistency)
  .meta({ title: 'migrate-openai configuration', description: 'Settings for migrate-openai; command-line flags override them.' });

export type ConfigFile = z.infer<typeof configSchema>;

/** Every field name the file may hold, for "did you mean" on an unknown one. */
export const FIELD_NAMES: readonly string[] = [
  ...new Set([...Object.keys(configSchema.shape), ...Object.keys(customProviderSchema.shape), ...Object.keys(capabilitySchema.shape)]),
];
export type CustomProviderEntry = z.infer<typeof customProviderSchema>;

/** What the types cannot say: ids are unique and known, and each field fits its target. */
function checkConsistency(config: ConfigFile, ctx: z.RefinementCtx): void {
  const custom = config.providers ?? [];
  const seen = new Set(builtInIds);
  custom.forEach((provider, index) => {
    if (builtInIds.includes(provider.id)) {
      ctx.addIssue({ code: 'custom', path: ['providers', index, 'id'], message: `"${provider.id}" is a built-in provider id; choose another id` });
    } else if (seen.has(provider.id)) {
      ctx.addIssue({ code: 'custom', path: ['providers', index, 'id'], message: `"${provider.id}" is defined twice` });
    }
    seen.add(provider.id);
    checkProviderUrls(provider, index, ctx);
  });
  const target = config.target;
  if (target !== undefined && !seen.has(target)) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: `unknown provider "${target}"; expected one of ${[...seen].join(', ')}` });
  }
  if (target !== undefined && target !== 'azure') {
    for (const field of ['deployments', 'apiVersion'] as const) {
      if (config[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `applies to "target": "azure" only, not "${target}"` });
    }
  }
  if (target === 'azure' && config.apiVersion !== undefined && config.region !== 'dated') {
    ctx.addIssue({ code: 'custom', path: ['apiVersion'], message: 'applies to Azure\'s dated API only: add "region": "dated"' });
  }
  if (target === 'azure' && config.baseURL !== undefined && config.region === 'dated') {
    ctx.addIssue({ code: 'custom', path: ['baseURL'], message: "does not apply to Azure's dated API, which reads its endpoint from AZURE_OPENAI_ENDPOINT" });
  }
}

function checkProviderUrls(provider: CustomProviderEntry, index: number, ctx: z.RefinementCtx): void {
  const at = (field: string) => ['providers', index, field];
  if ((provider.baseURL === undefined) === (provider.baseUrls === undefined)) {
    ctx.addIssue({ code: 'custom', path: at('baseURL'), message: 'give either "baseURL" or "baseUrls" (by region), not both or neither' });
    return;
  }
  const regions = Object.keys(provider.baseUrls ?? {});
  if (provider.baseUrls !== undefined && regions.length === 0) {
    ctx.addIssue({ code: 'custom', path: at('baseUrls'), message: 'needs at least one region' });
  }
  if (provider.defaultRegion !== undefined && !regions.includes(provider.defaultRegion)) {
    const expected = regions.length > 0 ? `one of the "baseUrls" keys: ${regions.join(', ')}` : 'a key of "baseUrls"';
    ctx.addIssue({ code: 'custom', path: at('defaultRegion'), message: `"${provider.defaultRegion}" is not a region; expected ${expected}` });
  }
}
