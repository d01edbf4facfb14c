import { describe, expect, it } from 'vitest';
import type { ArgumentInfo, Finding, PropertyInfo, ValueInfo } from '../../src/core/types.js';
import { dynamicModelAction } from '../../src/plan/dynamic-model.js';
import { resolveTarget } from '../../src/plan/target.js';
import { getProviderOrThrow } from '../../src/providers/index.js';

const deepseek = resolveTarget(getProviderOrThrow('deepseek'));
const azure = resolveTarget(getProviderOrThrow('azure'));
const at = { start: 0, end: 1 };

function value(text: string, kind: 'other' | 'env' = 'other'): ValueInfo {
  return kind === 'env' ? { kind, range: at, text, name: text.replace(/.*\./, '') } : { kind, range: at, text };
}

function options(properties: PropertyInfo[], isOpen = false): ArgumentInfo {
  return { kind: 'object', range: at, properties, propertyIndent: null, hasTrailingComma: false, lastElementEnd: null, listEnd: 0, isOpen };
}

function call(api: string, argument: ArgumentInfo, fields: Partial<Finding> = {}): Finding {
  return { file: 'a.ts', language: 'ts', kind: 'api-call', api, span: { start: 0, end: 1, line: 3, column: 1 }, snippet: '', confidence: 'certain', detail: { argument }, ...fields };
}

const modelIs = (text: string, kind: 'other' | 'env' = 'other') => options([{ name: 'model', range: at, value: value(text, kind) }]);

describe('dynamicModelAction', () => {
  it('names the expression a model comes from, with the target id for a common OpenAI model', () => {
    const action = dynamicModelAction(call('chat.completions.create', modelIs('settings.model')), deepseek);
    expect(action).toMatchObject({ file: 'a.ts', line: 3, severity: 'warning', code: 'dynamic-model' });
    expect(action!.message).toMatch(/^the model is `settings\.model`, a value the scan cannot follow: make sure it is a DeepSeek model \(\S+ is its equivalent of gpt-4o-mini\)$/);
  });

  it('says which variable to set for a model read from the environment', () => {
    expect(dynamicModelAction(call('chat.completions.create', modelIs('process.env.CHAT_MODEL', 'env')), deepseek)!.message).toMatch(/^the model is read from CHAT_MODEL at run time: set CHAT_MODEL to a DeepSeek model wherever the app runs/);
  });

  it('asks for a deployment name on Azure, without an example', () => {
    expect(dynamicModelAction(call('embeddings.create', modelIs('m')), azure)!.message).toBe('the model is `m`, a value the scan cannot follow: make sure it is the name of one of your Azure deployments');
  });

  it('reports a request built elsewhere, or options spread in without a model of their own', () => {
    expect(dynamicModelAction(call('chat.completions.create', { kind: 'other', range: at, text: 'request' }), deepseek)!.message).toMatch(/^the request's model comes from `request`/);
    expect(dynamicModelAction(call('responses.create', options([], true)), deepseek)!.message).toMatch(/^the request's model comes from options spread in from elsewhere/);
    expect(dynamicModelAction(call('createChatCompletion', { kind: 'other', range: at, text: 'body' }), deepseek)).toBeDefined();
  });

  it('shortens a long expression to its start, on one line', () => {
    const long = `pick(\n  ${'x'.repeat(100)}\n)`;
    const message = dynamicModelAction(call('chat.completions.create', modelIs(long)), deepseek)!.message;
    expect(message).toContain(`\`pick( ${'x'.repeat(53)}…\``);
  });

  it('reads an AI SDK provider’s first argument as its model', () => {
    const aiSdk = call('ai-sdk:default', { kind: 'other', range: at, text: 'modelName' });
    expect(dynamicModelAction(aiSdk, deepseek)!.message).toMatch(/^the model is `modelName`, a value the scan cannot follow: make sure it is a DeepSeek model/);
    expect(dynamicModelAction({ ...aiSdk, model: 'gpt-4o' }, deepseek)).toBeUndefined();
  });

  it('reads a v0 call’s engine as its model', () => {
    const legacy = call('ChatCompletion.create', options([{ name: 'engine', range: at, value: value('deployment') }]), { language: 'python', detail: { argument: options([{ name: 'engine', range: at, value: value('deployment') }]), isLegacy: true } });
    expect(dynamicModelAction(legacy, deepseek)!.message).toMatch(/^the model is `deployment`/);
  });

  it.each<[string, Finding]>([
    ['a call whose model the scan resolved', call('chat.completions.create', modelIs('MODEL'), { model: 'gpt-4o' })],
    ['a model written as a string', call('chat.completions.create', options([{ name: 'model', range: at, value: { kind: 'string', range: at, text: "'x'", value: 'x' } }]))],
    ['a call with no options', call('chat.completions.create', { kind: 'none', range: at })],
    ['options that name no model and hide none', call('chat.completions.create', options([]))],
    ['a method that sends no model', call('chat.completions.retrieve', { kind: 'other', range: at, text: 'id' })],
    ['an API without models', call('files.create', modelIs('m'))],
    ['a merely possible call', call('chat.completions.create', modelIs('m'), { confidence: 'possible' })],
  ])('says nothing of %s', (_what, finding) => {
    expect(dynamicModelAction(finding, deepseek)).toBeUndefined();
  });
});
