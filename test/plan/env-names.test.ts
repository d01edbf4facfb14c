import { describe, expect, it } from 'vitest';
import { runtimeConfigKeyOf } from '../../src/plan/env-names.js';

describe('runtimeConfigKeyOf', () => {
  it.each([
    ['NUXT_OPENAI_API_KEY', 'openaiApiKey'],
    ['NUXT_PUBLIC_OPENAI_API_KEY', 'public.openaiApiKey'],
    ['NITRO_OPENAI_API_KEY', 'openaiApiKey'],
    ['NUXT_DEEPSEEK_API_KEY', 'deepseekApiKey'],
  ])('%s sets runtimeConfig.%s', (name, key) => {
    expect(runtimeConfigKeyOf(name)).toBe(key);
  });

  it.each(['OPENAI_API_KEY', 'VITE_OPENAI_API_KEY', 'NEXT_PUBLIC_OPENAI_API_KEY', 'MY_NUXT_OPENAI_API_KEY'])('%s sets no runtime config key', (name) => {
    expect(runtimeConfigKeyOf(name)).toBeUndefined();
  });
});
