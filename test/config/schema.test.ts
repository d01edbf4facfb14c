import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { renderStarterConfig } from '../../src/config/starter.js';
import { ConfigError } from '../../src/core/errors.js';
import { providers } from '../../src/providers/index.js';
import { readmeConfigExample } from './readme-example.js';

const FILE = 'migrate-openai.config.json';
const ALL_IDS = providers.map((provider) => provider.id).join(', ');
const acme = { id: 'acme', name: 'Acme Gateway', baseURL: 'https://llm.acme.test/v1', apiKeyEnv: 'ACME_API_KEY' };

/** The lines of the ConfigError a config gives, without the file prefix. */
async function problemsOf(config: unknown): Promise<string[]> {
  const text = typeof config === 'string' ? config : JSON.stringify(config);
  try {
    await parseConfig(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message.split('\n').map((line) => line.replace(`${FILE}: `, ''));
  }
  throw new Error('the configuration was accepted');
}

describe('valid configuration', () => {
  it.each([
    ['an empty object', {}],
    ['the README example', readmeConfigExample()],
    ['a starter written by init', JSON.parse(renderStarterConfig(providers[1]!))],
    ['an Azure starter written by init', JSON.parse(renderStarterConfig(providers.find((p) => p.id === 'azure')!))],
    ['a target that is a custom provider', { target: 'acme', providers: [acme] }],
    ['custom regions with a default', { target: 'acme', region: 'eu', providers: [{ ...acme, baseURL: undefined, baseUrls: { us: 'https://us.acme.test/v1', eu: 'https://eu.acme.test/v1' }, defaultRegion: 'us' }] }],
    ['Azure deployments and the dated api-version', { target: 'azure', region: 'dated', deployments: { 'gpt-4o*': 'prod-4o' }, apiVersion: '2025-04-01-preview' }],
    ['deployments without a target (given by --to)', { deployments: { 'gpt-4o': 'prod' } }],
    ['$comment fields at the top and in a provider', { $comment: 'why', providers: [{ ...acme, $comment: 'in-house' }] }],
  ])('accepts %s', async (_what, config) => {
    await expect(parseConfig(JSON.stringify(config), FILE)).resolves.toEqual(config);
  });

  it('accepts a byte order mark before the JSON', async () => {
    await expect(parseConfig('\uFEFF{"target":"zhipu"}', FILE)).resolves.toEqual({ target: 'zhipu' });
  });
});

describe('invalid configuration: one line per problem, naming the field and what was expected', () => {
  it.each<[string, unknown, string[]]>([
    ['a wrong type', { region: 3 }, ['region: expected a region name, got 3']],
    ['a list where a map belongs', { models: ['gpt-4o'] }, ['models: expected an object of OpenAI model id (or pattern) → target model id, got an array']],
    ['a model mapped to a number', { models: { 'gpt-4o': 4 } }, ['models["gpt-4o"]: expected a model id of the target, got 4']],
    ['a model key with a space', { models: { 'gpt 4o': 'x' } }, ['models["gpt 4o"]: expected the key to be an OpenAI model id or a pattern such as "gpt-4o*", got "gpt 4o"']],
    ['a value not in the enum', { failOn: 'fatal' }, ['failOn: expected one of "error", "warning", "info", got "fatal"']],
    ['a string where a list belongs', { include: 'src/**' }, ['include: expected an array of globs, got "src/**"']],
    ['an empty glob', { exclude: [''] }, ['exclude[0]: expected a glob, got ""']],
    ['a malformed api-version', { target: 'azure', region: 'dated', apiVersion: 'latest' }, ['apiVersion: expected an Azure api-version such as "2024-10-21", got "latest"']],
    ['a URL that is not http(s)', { baseURL: 'ftp://x' }, ['baseURL: expected an http(s) URL such as "https://llm.example.com/v1", got "ftp://x"']],
    ['a misspelt field', { tagret: 'zhipu' }, ['tagret: unknown field (did you mean "target"?)']],
    ['a field in the wrong case', { baseUrl: 'https://x.test' }, ['baseUrl: unknown field (did you mean "baseURL"?)']],
    ['an unknown field with no near miss', { colour: true }, ['colour: unknown field']],
    ['an unknown provider as target', { target: 'gemini' }, [`target: unknown provider "gemini"; expected one of ${ALL_IDS}`]],
    ['a region the target does not have', { target: 'zhipu', region: 'eu' }, ['region: "eu" is not a region of zhipu; expected one of cn, intl']],
    ['deployments for a target other than Azure', { target: 'zhipu', deployments: { 'gpt-4o': 'x' } }, ['deployments: applies to "target": "azure" only, not "zhipu"']],
    ['an api-version without the dated region', { target: 'azure', apiVersion: '2024-10-21' }, ['apiVersion: applies to Azure\'s dated API only: add "region": "dated"']],
    ['a base URL with the dated region', { target: 'azure', region: 'dated', baseURL: 'https://x.test/openai' }, ["baseURL: does not apply to Azure's dated API, which reads its endpoint from AZURE_OPENAI_ENDPOINT"]],
    ['a top level that is not an object', [], ['expected an object, got an array']],
    ['a provider without its key variable', { providers: [{ id: 'acme', name: 'Acme', baseURL: 'https://x.test' }] }, ['providers[0].apiKeyEnv: missing; expected an environment variable name such as "ACME_API_KEY"']],
    ['a custom id that shadows a built-in one', { providers: [{ ...acme, id: 'zhipu' }] }, ['providers[0].id: "zhipu" is a built-in provider id; choose another id']],
    ['a custom id defined twice', { providers: [acme, acme] }, ['providers[1].id: "acme" is defined twice']],
    ['a provider with no base URL', { providers: [{ ...acme, baseURL: undefined }] }, ['providers[0].baseURL: give either "baseURL" or "baseUrls" (by region), not both or neither']],
    ['a default region that is not a region', { providers: [{ ...acme, defaultRegion: 'eu' }] }, ['providers[0].defaultRegion: "eu" is not a region of "acme"; expected one of default']],
    ['a pattern in a provider model map', { providers: [{ ...acme, models: { 'gpt-4o*': 'x' } }] }, ['providers[0].models["gpt-4o*"]: expected the key to be an exact OpenAI model id (patterns such as "gpt-4o*" belong in the top-level "models"), got "gpt-4o*"']],
    ['an unknown capability', { providers: [{ ...acme, capabilities: { vision: { support: 'supported' } } }] }, [expect.stringMatching(/^providers\[0\]\.capabilities\.vision: unknown capability; expected one of chat\.completions, completions, .*, param\.seed$/) as unknown as string]],
    ['a bad support level', { providers: [{ ...acme, capabilities: { embeddings: { support: 'maybe' } } }] }, ['providers[0].capabilities.embeddings.support: expected one of "supported", "partial", "unsupported", "unknown", got "maybe"']],
    ['a key where its variable name belongs, redacted', { providers: [{ ...acme, apiKeyEnv: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123' }] }, ['providers[0].apiKeyEnv: expected an environment variable name such as "ACME_API_KEY", got "sk-proj-***"']],
  ])('reports %s', async (_what, config, expected) => {
    expect(await problemsOf(config)).toEqual(expected);
  });

  it('reports every problem of the file, each on its own line', async () => {
    expect(await problemsOf({ region: 3, failOn: 'fatal', tagret: 'x' })).toEqual([
      'region: expected a region name, got 3',
      'failOn: expected one of "error", "warning", "info", got "fatal"',
      'tagret: unknown field (did you mean "target"?)',
    ]);
  });
});

describe('invalid JSON', () => {
  // V8 words the reason itself (and differently across Node versions): the place and the hint are ours.
  it.each<[string, string, string, string | undefined]>([
    ['a trailing comma', '{\n  "target": "zhipu",\n}', `${FILE}:3:1: invalid JSON: `, 'JSON allows no comma after the last item'],
    ['a comment', '{\n  // the target\n  "target": "zhipu"\n}', `${FILE}:2:3: invalid JSON: `, 'JSON cannot hold comments: put a note in a "$comment" field instead'],
    ['an empty file', '', `${FILE}: invalid JSON: `, undefined],
  ])('reports %s with its line and column, on one line', async (_what, text, prefix, hint) => {
    const error = await parseConfig(text, FILE).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    const { message } = error as ConfigError;
    expect(message.startsWith(prefix), message).toBe(true);
    expect(message).not.toMatch(/position|\n/);
    expect((error as ConfigError).hint).toBe(hint);
  });
});
