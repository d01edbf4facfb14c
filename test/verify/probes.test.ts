import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { resolveTarget } from '../../src/plan/target.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { resolveEndpoint } from '../../src/verify/endpoint.js';
import { retryAfterMs } from '../../src/verify/http.js';
import { planChecks, type ProbedCall } from '../../src/verify/probes.js';
import { providerMessage } from '../../src/verify/run.js';

const call = (api: string, model: string | undefined, line: number, features: ProbedCall['features'] = []): ProbedCall => ({
  file: 'src/a.ts',
  line,
  api,
  ...(model ? { model } : {}),
  features,
});

describe('planChecks', () => {
  const zhipu = resolveTarget(getProviderOrThrow('zhipu'));

  it('groups calls by API, mapped model and feature, listing their call sites', () => {
    const checks = planChecks([call('chat.completions.create', 'gpt-4o-mini', 9, ['stream']), call('chat.completions.create', 'gpt-4o-mini-2024-07-18', 3), call('ai-sdk:chat', 'gpt-4o-mini', 5)], zhipu);
    expect(checks.map((c) => [c.model, c.probe, c.sites.map((s) => s.line)])).toEqual([
      ['glm-4.5-air', 'basic', [3, 5, 9]],
      ['glm-4.5-air', 'stream', [9]],
    ]);
  });

  it('gives calls it cannot probe a reason instead of a request', () => {
    const checks = planChecks([call('chat.completions.create', undefined, 1), call('chat.completions.create', 'gpt-3.5-turbo-instruct', 2), call('chat.completions.create', 'my-finetune', 3)], zhipu);
    expect(checks.map((c) => [c.request, c.skip])).toEqual([
      [undefined, 'the model this call sends is not known from the code; pass it with --model or check it by hand'],
      [undefined, 'Zhipu AI (BigModel / Z.AI, GLM) has no equivalent of gpt-3.5-turbo-instruct (see the plan)'],
      [undefined, 'no Zhipu AI (BigModel / Z.AI, GLM) model is known for my-finetune; pass --model my-finetune=<id>'],
    ]);
  });

  it('sends no probe for APIs it cannot check with a tiny request, or that the target lacks', () => {
    const deepseek = resolveTarget(getProviderOrThrow('deepseek'));
    expect(planChecks([call('images.generate', 'dall-e-3', 1), call('beta.threads.create', undefined, 2), call('embeddings.create', 'text-embedding-3-small', 3)], deepseek)).toEqual([]);
  });

  it('asks reasoning deployments on Azure for max_completion_tokens', () => {
    const azure = resolveTarget(getProviderOrThrow('azure'), { deployments: { o3: 'o3-prod', 'gpt-4o': 'chat' } });
    const bodies = planChecks([call('chat.completions.create', 'o3', 1), call('chat.completions.create', 'gpt-4o', 2)], azure).map((c) => c.request?.body);
    expect(bodies).toEqual([
      { model: 'chat', messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
      { model: 'o3-prod', messages: [{ role: 'user', content: 'ping' }], max_completion_tokens: 16 },
    ]);
  });
});

describe('resolveEndpoint', () => {
  const azure = resolveTarget(getProviderOrThrow('azure'));

  it("fills Azure's endpoint from its variable, trailing slash or not, and reads the target's key, never OpenAI's", () => {
    expect(resolveEndpoint(azure, { AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' }, { dryRun: false }).baseUrl).toBe(
      'https://contoso.openai.azure.com/openai/v1',
    );
    expect(resolveEndpoint(azure, { AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com/', AZURE_OPENAI_API_KEY: 'k', OPENAI_API_KEY: 'sk-x' }, { dryRun: false })).toEqual({
      baseUrl: 'https://contoso.openai.azure.com/openai/v1',
      keyVar: 'AZURE_OPENAI_API_KEY',
      key: 'k',
    });
    expect(() => resolveEndpoint(azure, { AZURE_OPENAI_API_KEY: 'k', OPENAI_API_KEY: 'sk-x' }, { dryRun: false })).toThrow(UsageError);
  });

  it('needs no key for a dry run', () => {
    expect(resolveEndpoint(resolveTarget(getProviderOrThrow('yi')), {}, { dryRun: true })).toEqual({ baseUrl: 'https://api.lingyiwanwu.com/v1', keyVar: 'YI_API_KEY' });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and waits 1 s without a header', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 01 Dec 2026 00:00:10 GMT', Date.parse('Wed, 01 Dec 2026 00:00:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
  });
});

describe('providerMessage', () => {
  it('finds the message in each provider shape, in one short line without the key', () => {
    expect(providerMessage('{"error":{"message":"bad key abc123"}}', 'abc123')).toBe('bad key ***');
    expect(providerMessage('{"error_code":17,"error_msg":"Open api daily request limit reached"}', 'k')).toBe('Open api daily request limit reached');
    expect(providerMessage('{"code":1,"msg":"model\\nnot found"}', 'k')).toBe('model not found');
    expect(providerMessage('{"error":"quota exceeded"}', 'k')).toBe('quota exceeded');
    expect(providerMessage(`<html>${'x'.repeat(300)}</html>`, 'k')).toHaveLength(120);
  });
});
