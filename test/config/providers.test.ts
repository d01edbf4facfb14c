import { describe, expect, it } from 'vitest';
import { resolveProviders, toProvider } from '../../src/config/providers.js';
import { ConfigError } from '../../src/core/errors.js';
import { capabilityFor, getProviderOrThrow, providers } from '../../src/providers/index.js';

const acme = { id: 'acme', name: 'Acme', baseURL: 'https://llm.acme.test/v1', apiKeyEnv: 'ACME_API_KEY' };

describe('resolveProviders', () => {
  it('is the built-in registry when the file defines no provider', () => {
    expect(resolveProviders({})).toEqual(providers);
  });

  it('adds the custom providers after the built-in ones, and lookups find them', () => {
    const list = resolveProviders({ providers: [acme] }, 'migrate-openai.config.json');
    expect(list.map((provider) => provider.id)).toEqual([...providers.map((provider) => provider.id), 'acme']);
    expect(getProviderOrThrow('acme', list).name).toBe('Acme');
  });

  it('refuses a custom id that shadows a built-in one', () => {
    expect(() => resolveProviders({ providers: [{ ...acme, id: 'zhipu' }] }, 'c.json')).toThrow(new ConfigError('c.json: provider id "zhipu" is already taken'));
  });
});

describe('toProvider', () => {
  it('makes an OpenAI-compatible provider with one region for a single base URL', () => {
    const provider = toProvider(acme, 'c.json');
    expect(provider).toMatchObject({
      clientStyle: 'openai-compatible',
      baseUrls: { default: acme.baseURL },
      defaultRegion: 'default',
      docs: acme.baseURL,
      models: {},
      capabilities: {},
      definedIn: 'c.json',
    });
  });

  it('keeps regions, the default region, model map and capabilities, with a note where none is given', () => {
    const provider = toProvider(
      {
        ...acme,
        baseURL: undefined,
        baseUrls: { us: 'https://us.test/v1', eu: 'https://eu.test/v1' },
        models: { 'gpt-4o': 'big', 'whisper-1': null },
        capabilities: { embeddings: { support: 'unsupported' }, images: { support: 'partial', note: 'Only 1024x1024.' } },
      },
      'c.json',
    );
    expect(provider.defaultRegion).toBe('us');
    expect(provider.models).toEqual({ 'gpt-4o': 'big', 'whisper-1': null });
    expect(capabilityFor(provider, 'embeddings')).toEqual({ support: 'unsupported', note: 'As set in c.json.' });
    expect(capabilityFor(provider, 'images')).toEqual({ support: 'partial', note: 'Only 1024x1024.' });
    expect(capabilityFor(provider, 'audio.speech').support).toBe('unknown');
  });
});
