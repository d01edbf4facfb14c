import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import {
  capabilityFor,
  getProvider,
  getProviderOrThrow,
  mapModel,
  providers,
  type ModelMapping,
} from '../../src/providers/index.js';
import type { Provider } from '../../src/providers/types.js';

const providersDir = new URL('../../src/providers/', import.meta.url);
const providerFiles = readdirSync(providersDir)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'types.ts')
  .sort();

describe('provider registry', () => {
  it('registers exactly the provider files in src/providers', () => {
    const fileIds = providerFiles.map((name) => name.replace(/\.ts$/, ''));
    expect([...providers.map((provider) => provider.id)].sort()).toEqual(fileIds);
  });

  it.each(providerFiles)('%s exports only the registered provider named after the file', async (name) => {
    const module: Record<string, unknown> = await import(new URL(name, providersDir).href);
    const exported = Object.values(module);
    expect(exported).toHaveLength(1);
    const id = name.replace(/\.ts$/, '');
    expect(exported[0]).toBe(getProvider(id));
  });

  it('gives every provider a unique kebab-case id', () => {
    const ids = providers.map((provider) => provider.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
  });
});

describe('getProvider', () => {
  it('finds a provider by id', () => {
    expect(getProvider('zhipu')?.id).toBe('zhipu');
  });

  it('returns undefined for an unknown id', () => {
    expect(getProvider('openai')).toBeUndefined();
  });

  it('matches ids case-insensitively, as users type them', () => {
    expect(getProvider('Zhipu')?.id).toBe('zhipu');
  });
});

describe('getProviderOrThrow', () => {
  it('returns the provider for a known id', () => {
    expect(getProviderOrThrow('deepseek')).toBe(getProvider('deepseek'));
  });

  it('throws a UsageError naming the unknown id and listing every valid id', () => {
    let caught: unknown;
    try {
      getProviderOrThrow('gemini');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const error = caught as UsageError;
    expect(error.message).toBe('unknown provider "gemini"');
    expect(error.exitCode).toBe(2);
    expect(error.hint).toBe(`valid providers: ${providers.map((provider) => provider.id).join(', ')}`);
  });
});

describe('mapModel', () => {
  const fixture: Provider = {
    id: 'fixture',
    name: 'Fixture',
    clientStyle: 'openai-compatible',
    baseUrls: { cn: 'https://example.test/v1' },
    defaultRegion: 'cn',
    apiKeyEnv: 'FIXTURE_API_KEY',
    docs: 'https://example.test/docs',
    verified: '2026-01-01',
    sources: ['https://example.test/docs'],
    models: {
      'gpt-4o': 'big',
      'gpt-4o-mini': 'small',
      'gpt-4': 'old-big',
      'gpt-3.5-turbo': 'old-small',
      'tts-1': 'voice',
      'whisper-1': null,
    },
    capabilities: {},
  };

  const cases: Array<[string, string, ModelMapping]> = [
    ['an exact id', 'gpt-4o', { kind: 'mapped', id: 'big', via: 'gpt-4o' }],
    ['an exact id mapped to null', 'whisper-1', { kind: 'none' }],
    ['an ISO-dated snapshot by its family', 'gpt-4o-2024-08-06', { kind: 'mapped', id: 'big', via: 'gpt-4o' }],
    [
      'an ISO-dated snapshot of a longer family',
      'gpt-4o-mini-2024-07-18',
      { kind: 'mapped', id: 'small', via: 'gpt-4o-mini' },
    ],
    ['a legacy MMDD snapshot by its family', 'gpt-4-0613', { kind: 'mapped', id: 'old-big', via: 'gpt-4' }],
    [
      'gpt-3.5-turbo-0125 by its family',
      'gpt-3.5-turbo-0125',
      { kind: 'mapped', id: 'old-small', via: 'gpt-3.5-turbo' },
    ],
    ['a dated snapshot of a null family as none', 'whisper-1-2024-01-01', { kind: 'none' }],
    ['tts-1-hd as its own id, not a dated tts-1', 'tts-1-hd', { kind: 'unknown' }],
    ['-16k as a variant, not a date', 'gpt-3.5-turbo-16k', { kind: 'unknown' }],
    ['a four-digit suffix that is no month and day', 'gpt-4-1399', { kind: 'unknown' }],
    ['an ISO suffix with an impossible month', 'gpt-4o-2024-13-01', { kind: 'unknown' }],
    ['a snapshot whose family is not in the map', 'gpt-4-32k-0613', { kind: 'unknown' }],
    ['a fine-tune of a mapped model', 'ft:gpt-4o-2024-08-06:acme::abc123', { kind: 'unknown' }],
    ['a legacy fine-tune', 'davinci:ft-acme-2023-03-03-12-00-00', { kind: 'unknown' }],
    ['an id the map does not know', 'gpt-4.5-preview', { kind: 'unknown' }],
    ['an id that only exists on Object.prototype', 'constructor', { kind: 'unknown' }],
    ['the empty string', '', { kind: 'unknown' }],
  ];

  it.each(cases)('resolves %s (%s)', (_what, openaiId, expected) => {
    expect(mapModel(fixture, openaiId)).toEqual(expected);
  });

  it('maps gpt-3.5-turbo snapshots to the Azure spelling gpt-35-turbo', () => {
    expect(mapModel(getProviderOrThrow('azure'), 'gpt-3.5-turbo-1106')).toEqual({
      kind: 'mapped',
      id: 'gpt-35-turbo',
      via: 'gpt-3.5-turbo',
    });
  });

  it('maps tts-1-hd through its own key when the provider has one', () => {
    expect(mapModel(getProviderOrThrow('azure'), 'tts-1-hd')).toEqual({
      kind: 'mapped',
      id: 'tts-hd',
      via: 'tts-1-hd',
    });
  });

  it('maps a dated -16k snapshot to the -16k family, not to gpt-3.5-turbo', () => {
    expect(mapModel(getProviderOrThrow('azure'), 'gpt-3.5-turbo-16k-0613')).toEqual({
      kind: 'mapped',
      id: 'gpt-4.1-mini',
      via: 'gpt-3.5-turbo-16k',
    });
  });

  it('reports none for a model the provider has no equivalent of', () => {
    expect(mapModel(getProviderOrThrow('deepseek'), 'whisper-1')).toEqual({ kind: 'none' });
  });
});

describe('capabilityFor', () => {
  it('returns the listed capability', () => {
    expect(capabilityFor(getProviderOrThrow('deepseek'), 'embeddings').support).toBe('unsupported');
  });

  it('treats an unlisted capability as unknown, with a note pointing to the docs', () => {
    const provider = getProviderOrThrow('hunyuan');
    expect(provider.capabilities['param.seed']).toBeUndefined();
    const capability = capabilityFor(provider, 'param.seed');
    expect(capability.support).toBe('unknown');
    expect(capability.note).toContain(provider.docs);
  });
});
