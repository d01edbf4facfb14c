import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/index.js';
import { CAPABILITY_KEYS, type CapabilityKey } from '../../src/providers/types.js';

/** The OpenAI ids every provider's model map must decide on: a provider model or null. */
const COMMON_OPENAI_MODELS = [
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-4.1-nano',
  'gpt-4o',
  'gpt-4o-mini',
  'chatgpt-4o-latest',
  'gpt-4-turbo',
  'gpt-4',
  'gpt-3.5-turbo',
  'gpt-3.5-turbo-16k',
  'gpt-3.5-turbo-instruct',
  'o1',
  'o1-mini',
  'o3',
  'o3-mini',
  'o4-mini',
  'text-embedding-3-small',
  'text-embedding-3-large',
  'text-embedding-ada-002',
  'dall-e-3',
  'dall-e-2',
  'gpt-image-1',
  'whisper-1',
  'tts-1',
  'tts-1-hd',
  'omni-moderation-latest',
  'text-moderation-latest',
];

/** Which OpenAI models need which API: a provider without the API cannot map the model. */
const MODELS_BY_API: Array<[CapabilityKey, RegExp]> = [
  ['embeddings', /^text-embedding-/],
  ['images', /^(?:dall-e-|gpt-image-)/],
  ['audio.transcriptions', /^whisper-/],
  ['audio.speech', /^tts-/],
  ['moderations', /-moderation-/],
];

const ENV_VAR = /^[A-Z][A-Z0-9_]*$/;
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function parseHttpsUrl(url: string): URL {
  const parsed = new URL(url.replaceAll('{endpoint}', 'https://resource.openai.azure.com'));
  expect(parsed.protocol).toBe('https:');
  return parsed;
}

describe.each(providers.map((provider) => [provider.id, provider] as const))('%s', (_id, provider) => {
  it('reads its key from an upper-case environment variable, aliases included', () => {
    expect(provider.apiKeyEnv).toMatch(ENV_VAR);
    const aliases = provider.apiKeyEnvAliases ?? [];
    for (const alias of aliases) expect(alias).toMatch(ENV_VAR);
    expect(new Set([provider.apiKeyEnv, ...aliases]).size).toBe(aliases.length + 1);
  });

  it('has https base URLs without a trailing slash, query or fragment', () => {
    const regions = Object.keys(provider.baseUrls);
    expect(regions.length).toBeGreaterThan(0);
    for (const [region, url] of Object.entries(provider.baseUrls)) {
      expect(region).toMatch(KEBAB);
      const parsed = parseHttpsUrl(url);
      expect(parsed.search + parsed.hash).toBe('');
      expect(url.endsWith('/')).toBe(false);
    }
  });

  it('has a default region that names one of its base URLs', () => {
    expect(Object.keys(provider.baseUrls)).toContain(provider.defaultRegion);
  });

  it('starts its base URLs with an {endpoint} placeholder filled from a variable exactly when it is an Azure-style client', () => {
    for (const url of Object.values(provider.baseUrls)) {
      expect(url.startsWith('{endpoint}/')).toBe(provider.clientStyle === 'azure');
    }
    if (provider.clientStyle === 'azure') expect(provider.urlVariables?.endpoint).toMatch(ENV_VAR);
  });

  it('was verified on a real ISO calendar date', () => {
    expect(provider.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${provider.verified}T00:00:00Z`).toISOString().slice(0, 10)).toBe(provider.verified);
  });

  it('cites its docs and at least one source', () => {
    parseHttpsUrl(provider.docs);
    expect(provider.sources.length).toBeGreaterThan(0);
    for (const source of provider.sources) expect(source.trim()).toBe(source);
    for (const source of provider.sources) expect(source).not.toBe('');
    expect(new Set(provider.sources).size).toBe(provider.sources.length);
  });

  it('decides every common OpenAI model: a provider model id or null', () => {
    for (const openaiId of COMMON_OPENAI_MODELS) expect(provider.models).toHaveProperty([openaiId]);
    for (const target of Object.values(provider.models)) {
      if (target === null) continue;
      expect(target).not.toBe('');
      expect(target).toBe(target.trim());
    }
  });

  it('keys its model map by undated OpenAI ids', () => {
    for (const openaiId of Object.keys(provider.models)) {
      expect(openaiId).not.toMatch(/-\d{4}-\d{2}-\d{2}$|-(?:0[1-9]|1[0-2])\d{2}$/);
    }
  });

  it('maps no model whose API it lacks', () => {
    for (const [api, pattern] of MODELS_BY_API) {
      if (provider.capabilities[api]?.support !== 'unsupported') continue;
      for (const [openaiId, target] of Object.entries(provider.models)) {
        if (pattern.test(openaiId)) expect({ openaiId, target }).toEqual({ openaiId, target: null });
      }
    }
  });

  it('describes each listed capability with a known key and a one-line note', () => {
    for (const [key, capability] of Object.entries(provider.capabilities)) {
      expect(CAPABILITY_KEYS).toContain(key);
      expect(['supported', 'partial', 'unsupported', 'unknown']).toContain(capability.support);
      expect(capability.note.trim()).not.toBe('');
      expect(capability.note).not.toMatch(/[\r\n]/);
    }
  });
});
