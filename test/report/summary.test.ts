import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { describeFinding } from '../../src/report/summary.js';

const client = (language: string, symbol: string, isAsync?: boolean): Finding => ({
  file: 'app/llm.py',
  language,
  kind: 'client',
  symbol,
  span: { start: 0, end: 1, line: 1, column: 1 },
  snippet: '',
  confidence: 'certain',
  ...(isAsync ? { detail: { isAsync } } : {}),
});

describe('describing a client', () => {
  it.each([
    [client('python', 'OpenAI'), 'OpenAI(…)'],
    [client('python', 'OpenAI', true), 'AsyncOpenAI(…)'],
    [client('python', 'AzureOpenAI', true), 'AsyncAzureOpenAI(…)'],
    [client('ts', 'AzureOpenAI'), 'new AzureOpenAI(…)'],
  ])('names the constructor the code calls: %#', (finding, described) => {
    expect(describeFinding(finding)).toBe(described);
  });
});
