import { describe, expect, it } from 'vitest';
import { findModelOverride, matchesPattern } from '../../src/plan/model-overrides.js';
import { planMigration } from '../../src/plan/plan.js';
import { resolveTarget } from '../../src/plan/target.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { resolveModel } from '../../src/plan/rules/model.js';

describe('findModelOverride', () => {
  const overrides = {
    'gpt-4o*': 'any-4o',
    'gpt-4o-mini*': 'any-4o-mini',
    'gpt-4o-mini': 'exact-mini',
    'gpt-4': 'exact-4',
    '*-preview': 'any-preview',
    'o*': 'any-o',
  };

  it.each([
    ['an exact id over every pattern', 'gpt-4o-mini', 'exact-mini'],
    ['a dated snapshot through its exact family over a pattern', 'gpt-4-0613', 'exact-4'],
    ['the longer of two matching patterns', 'gpt-4o-mini-tts', 'any-4o-mini'],
    ['a pattern when no exact id matches', 'gpt-4o-2024-08-06', 'any-4o'],
    ['a pattern with the star first', 'gpt-4.5-preview', 'any-preview'],
    ['a one-letter pattern', 'o3-mini', 'any-o'],
  ])('picks %s', (_what, model, expected) => {
    expect(findModelOverride(overrides, model)).toBe(expected);
  });

  it('finds nothing when no key matches', () => {
    expect(findModelOverride(overrides, 'text-embedding-3-small')).toBeUndefined();
  });

  it('keeps the first listed of two equally long patterns', () => {
    expect(findModelOverride({ 'gpt-*': 'first', '*mini': 'second' }, 'gpt-mini')).toBe('first');
    expect(findModelOverride({ '*mini': 'second', 'gpt-*': 'first' }, 'gpt-mini')).toBe('second');
  });

  it('ignores keys inherited from Object.prototype', () => {
    expect(findModelOverride({}, 'constructor')).toBeUndefined();
  });
});

describe('matchesPattern', () => {
  it.each([
    ['gpt-4o*', 'gpt-4o', true],
    ['gpt-4o*', 'gpt-4o-mini', true],
    ['gpt-4o*', 'chatgpt-4o-latest', false],
    ['gpt-4.1*', 'gpt-4x1', false],
    ['*', 'anything', true],
    ['gpt-*-mini', 'gpt-4o-mini', true],
    ['gpt-*-mini', 'gpt-4o-mini-tts', false],
  ])('%s against %s is %s', (pattern, model, expected) => {
    expect(matchesPattern(pattern, model)).toBe(expected);
  });
});

describe('model overrides in the plan', () => {
  const azure = getProviderOrThrow('azure');

  it('rewrites every id a wildcard matches, exact ids first', () => {
    const target = resolveTarget(getProviderOrThrow('zhipu'), { models: { 'gpt-4o*': 'glm-4.6', 'gpt-4o-mini': 'glm-4.5-flash' } });
    expect(resolveModel(target, 'gpt-4o-2024-11-20')).toEqual({ kind: 'mapped', id: 'glm-4.6' });
    expect(resolveModel(target, 'gpt-4o-mini')).toEqual({ kind: 'mapped', id: 'glm-4.5-flash' });
    expect(resolveModel(target, 'gpt-4.1')).toEqual({ kind: 'mapped', id: 'glm-5', via: 'gpt-4.1' });
  });

  it('uses Azure deployments over models and asks for no deployment it names', () => {
    const text = "client.chat.completions.create({ model: 'gpt-4o' });\nclient.chat.completions.create({ model: 'gpt-4.1' });\n";
    const finding = (model: string, start: number) => ({
      file: 'a.ts',
      language: 'ts',
      kind: 'model' as const,
      model,
      span: { start, end: start + model.length + 2, line: start === 0 ? 1 : 2, column: 1 },
      snippet: '',
      confidence: 'certain' as const,
      detail: { literal: { start: start + 1, end: start + 1 + model.length } },
    });
    const first = text.indexOf("'gpt-4o'");
    const second = text.indexOf("'gpt-4.1'");
    const plan = planMigration(
      { findings: [finding('gpt-4o', first), finding('gpt-4.1', second)], texts: new Map([['a.ts', text]]) },
      azure,
      { models: { 'gpt-4o': 'from-models' }, deployments: { 'gpt-4o*': 'prod-4o' } },
    );
    // gpt-4.1 keeps its name: Azure's default deployment name is the model id.
    expect(plan.edits.map((edit) => edit.text)).toEqual(['prod-4o']);
    expect(plan.manual.map((action) => `${action.line} ${action.code}`)).toEqual(['2 create-deployment']);
  });

  it('ignores deployments for a provider other than Azure', () => {
    expect(resolveTarget(getProviderOrThrow('zhipu'), { deployments: { 'gpt-4o': 'x' } }).deployments).toEqual({});
  });

  it("gives the AzureOpenAI client the configured api-version on Azure's dated API", () => {
    expect(resolveTarget(azure, { region: 'dated', apiVersion: '2025-04-01-preview' }).azureClient).toEqual({
      apiVersion: '2025-04-01-preview',
      endpointEnv: 'AZURE_OPENAI_ENDPOINT',
    });
  });

  it('uses a base URL override instead of the region URL, but not on the dated API', () => {
    expect(resolveTarget(getProviderOrThrow('zhipu'), { baseUrl: 'https://gw.test/v1' }).baseUrl).toBe('https://gw.test/v1');
    expect(() => resolveTarget(azure, { region: 'dated', baseUrl: 'https://gw.test/v1' })).toThrow('a base URL does not apply to region "dated" of azure');
  });
});
