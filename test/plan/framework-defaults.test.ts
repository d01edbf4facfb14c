import { describe, expect, it } from 'vitest';
import { findFrameworkDefault, packageOf } from '../../src/plan/framework-defaults.js';

describe('framework default models', () => {
  it.each([
    ['@langchain/openai', 'ChatOpenAI', '^1.4.0', 'gpt-3.5-turbo'],
    ['@langchain/openai', 'OpenAIEmbeddings', '~0.3.11', 'text-embedding-ada-002'],
    ['@langchain/openai', 'LangChainOpenAI', undefined, 'gpt-3.5-turbo-instruct'],
    ['@llamaindex/openai', 'LlamaIndexOpenAI', '^0.4.0', 'gpt-4o'],
    ['@llamaindex/openai', 'OpenAIEmbedding', 'latest', 'text-embedding-ada-002'],
  ])('%s %s %s sends %s', (pkg, symbol, version, model) => {
    expect(findFrameworkDefault(pkg, symbol, version)?.model).toBe(model);
  });

  it('knows no default for a major it was not read from', () => {
    expect(findFrameworkDefault('@langchain/openai', 'ChatOpenAI', '^2.0.0')).toBeUndefined();
    expect(findFrameworkDefault('langchain', 'ChatOpenAI', '^0.1.0')).toBeUndefined();
  });

  it('names the package of a module path', () => {
    expect(packageOf('@langchain/openai')).toBe('@langchain/openai');
    expect(packageOf('langchain/chat_models/openai')).toBe('langchain');
  });
});
