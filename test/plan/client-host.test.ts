import { describe, expect, it } from 'vitest';
import type { ValueInfo } from '../../src/core/types.js';
import { isOpenAIUrl } from '../../src/plan/client-host.js';

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
