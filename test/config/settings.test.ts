import { describe, expect, it } from 'vitest';
import { mergeSettings } from '../../src/config/settings.js';

describe('settings precedence: defaults < file < flags', () => {
  it('uses the defaults when neither the file nor a flag says anything', () => {
    expect(mergeSettings({}, {})).toEqual({ planOptions: {}, notes: [] });
  });

  it('takes every setting from the file when no flag is given', () => {
    const settings = mergeSettings(
      { target: 'dashscope', region: 'intl', models: { 'gpt-4o': 'qwen-max' }, include: ['src/**'], exclude: ['src/legacy/**'], failOn: 'warning' },
      {},
    );
    expect(settings).toEqual({
      target: 'dashscope',
      planOptions: { region: 'intl', models: { 'gpt-4o': 'qwen-max' } },
      include: ['src/**'],
      exclude: ['src/legacy/**'],
      failOn: 'warning',
      notes: [],
    });
  });

  it('lets each flag replace the value from the file, lists whole', () => {
    const settings = mergeSettings(
      { target: 'dashscope', region: 'intl', include: ['src/**'], exclude: ['a/**', 'b/**'], failOn: 'warning' },
      { to: 'dashscope', region: 'us', include: ['lib/**'], exclude: ['c/**'], failOn: 'error' },
    );
    expect(settings).toMatchObject({ target: 'dashscope', planOptions: { region: 'us' }, include: ['lib/**'], exclude: ['c/**'], failOn: 'error' });
  });

  it('lets --model replace one mapping of the file and keeps the others', () => {
    const settings = mergeSettings({ models: { 'gpt-4o': 'glm-4-plus', 'gpt-4o-mini': 'glm-4.5-air' } }, { models: { 'gpt-4o': 'glm-4.6' } });
    expect(settings.planOptions.models).toEqual({ 'gpt-4o': 'glm-4.6', 'gpt-4o-mini': 'glm-4.5-air' });
  });

  it('lists flag mappings first, so a flag pattern wins a tie with a file pattern', () => {
    const settings = mergeSettings({ models: { 'gpt-4o*': 'from-file' } }, { models: { '*-mini': 'from-flag' } });
    expect(Object.keys(settings.planOptions.models!)).toEqual(['*-mini', 'gpt-4o*']);
  });

  it("drops the file's base URL when --region picks a region, and uses --base-url over both", () => {
    expect(mergeSettings({ baseURL: 'https://gw.test/v1' }, { region: 'intl' }).planOptions).toEqual({ region: 'intl' });
    expect(mergeSettings({ baseURL: 'https://gw.test/v1' }, { baseUrl: 'https://other.test/v1' }).planOptions).toEqual({ baseUrl: 'https://other.test/v1' });
    expect(mergeSettings({ baseURL: 'https://gw.test/v1' }, {}).planOptions).toEqual({ baseUrl: 'https://gw.test/v1' });
  });

  it('passes Azure deployments and the api-version on', () => {
    const settings = mergeSettings({ target: 'azure', region: 'dated', deployments: { 'gpt-4o': 'prod' }, apiVersion: '2025-01-01-preview' }, {});
    expect(settings.planOptions).toEqual({ region: 'dated', deployments: { 'gpt-4o': 'prod' }, apiVersion: '2025-01-01-preview' });
  });

  it("leaves out the file's target-specific choices, with a note, when --to names another provider", () => {
    const settings = mergeSettings(
      { target: 'zhipu', region: 'intl', models: { 'gpt-4o': 'glm-4.6' }, exclude: ['gen/**'] },
      { to: 'deepseek' },
      'migrate-openai.config.json',
    );
    expect(settings).toEqual({
      target: 'deepseek',
      planOptions: {},
      exclude: ['gen/**'],
      notes: ['--to deepseek differs from the target "zhipu" in migrate-openai.config.json: its region, models are not used'],
    });
  });

  it('applies the choices of a file without a target to any --to', () => {
    const settings = mergeSettings({ models: { 'gpt-4o': 'x' } }, { to: 'deepseek' });
    expect(settings).toEqual({ target: 'deepseek', planOptions: { models: { 'gpt-4o': 'x' } }, notes: [] });
  });
});
