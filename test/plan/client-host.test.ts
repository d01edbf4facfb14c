import { describe, expect, it } from 'vitest';
import type { Finding, ValueInfo } from '../../src/core/types.js';
import { checkClientHost, isOpenAIUrl } from '../../src/plan/client-host.js';
import { resolveTarget } from '../../src/plan/target.js';
import { getProviderOrThrow } from '../../src/providers/index.js';

const range = { start: 0, end: 0 };
const other = (text: string): ValueInfo => ({ kind: 'other', range, text });

describe("isOpenAIUrl: a client's base URL the plan may replace", () => {
  it.each<[string, ValueInfo, boolean]>([
    ["OpenAI's URL literal", { kind: 'string', range, text: "'https://api.openai.com/v1'", value: 'https://api.openai.com/v1' }, true],
    ['OPENAI_BASE_URL', { kind: 'env', range, text: 'process.env.OPENAI_BASE_URL', name: 'OPENAI_BASE_URL' }, true],
    ['OPENAI_BASE_URL with OpenAI as the default', other("process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1'"), true],
    ['the same with ||', other('process.env.OPENAI_BASE_URL || "https://api.openai.com/v1"'), true],
    ['Python getenv or OpenAI', other('os.getenv("OPENAI_BASE_URL") or "https://api.openai.com/v1"'), true],
    ['a gateway literal', { kind: 'string', range, text: "'https://gateway.ai.cloudflare.com/v1/a/b/openai'", value: 'https://gateway.ai.cloudflare.com/v1/a/b/openai' }, false],
    ['a proxy variable with OpenAI as the default', other("process.env.LLM_PROXY_URL ?? 'https://api.openai.com/v1'"), false],
    ['a config value', other('config.gatewayUrl'), false],
    ["a literal whose host only starts like OpenAI's", { kind: 'string', range, text: "'https://api.openai.com.evil.example/v1'", value: 'https://api.openai.com.evil.example/v1' }, false],
    ['a host that only contains the name', other("'https://api.openai.com.evil.example/v1'"), false],
  ])('%s', (_name, value, expected) => {
    expect(isOpenAIUrl(value)).toBe(expected);
  });
});

describe('checkClientHost: an embeddings class on a target without embeddings', () => {
  const embeddings = (symbol: string): Finding => ({
    file: 'src/models.ts',
    language: 'ts',
    kind: 'client',
    symbol,
    span: { start: 0, end: 1, line: 6, column: 1 },
    snippet: '',
    confidence: 'certain',
    detail: { argument: { kind: 'none', range } },
  });
  const on = (id: string) => resolveTarget(getProviderOrThrow(id));

  it.each(['OpenAIEmbeddings', 'OpenAIEmbedding'])('keeps %s on OpenAI with an error where the target has no embeddings API', (symbol) => {
    expect(checkClientHost(embeddings(symbol), on('deepseek'))).toMatchObject({
      severity: 'error',
      code: 'unsupported-api',
      message: expect.stringMatching(new RegExp(`^${symbol} calls the embeddings API: not available on DeepSeek\\. .* It is left on OpenAI as written, with its key\\.$`)),
    });
  });

  it('lets it move where the target serves embeddings, and says nothing of a chat class', () => {
    expect(checkClientHost(embeddings('OpenAIEmbeddings'), on('zhipu'))).toBeUndefined();
    expect(checkClientHost(embeddings('ChatOpenAI'), on('deepseek'))).toBeUndefined();
  });
});
