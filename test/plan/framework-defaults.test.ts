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

  it.each([
    ['langchain-openai', 'ChatOpenAI', '==0.3.28', 'gpt-3.5-turbo'],
    ['langchain-openai', 'OpenAIEmbeddings', '>=1.0,<2', 'text-embedding-ada-002'],
    ['langchain-openai', 'LangChainOpenAI', undefined, 'gpt-3.5-turbo-instruct'],
    ['langchain', 'ChatOpenAI', '==0.0.350', 'gpt-3.5-turbo'],
    ['llama-index-llms-openai', 'LlamaIndexOpenAI', '^0.4.7', 'gpt-3.5-turbo'],
    ['llama-index-embeddings-openai', 'OpenAIEmbedding', undefined, 'text-embedding-ada-002'],
  ])('PyPI %s %s %s sends %s', (pkg, symbol, version, model) => {
    expect(findFrameworkDefault(pkg, symbol, version, 'pypi')?.model).toBe(model);
  });

  it('keeps npm and PyPI packages of the same name apart', () => {
    expect(findFrameworkDefault('langchain', 'ChatOpenAI', undefined)).toBeUndefined();
    expect(findFrameworkDefault('@langchain/openai', 'ChatOpenAI', undefined, 'pypi')).toBeUndefined();
    expect(findFrameworkDefault('langchain-openai', 'OpenAIEmbeddings', undefined, 'pypi')).toMatchObject({ batchSize: 1000, batchOption: 'chunk_size' });
  });

  it('knows no default for a major it was not read from', () => {
    expect(findFrameworkDefault('@langchain/openai', 'ChatOpenAI', '^2.0.0')).toBeUndefined();
    expect(findFrameworkDefault('langchain', 'ChatOpenAI', '^0.1.0')).toBeUndefined();
    expect(findFrameworkDefault('langchain-openai', 'ChatOpenAI', '>=2', 'pypi')).toBeUndefined();
  });

  it('names the package of a module path', () => {
    expect(packageOf('@langchain/openai')).toBe('@langchain/openai');
    expect(packageOf('langchain/chat_models/openai')).toBe('langchain');
    expect(packageOf('langchain_openai', 'python')).toBe('langchain-openai');
    expect(packageOf('langchain.chat_models', 'python')).toBe('langchain');
    expect(packageOf('langchain_community.chat_models', 'python')).toBe('langchain-community');
    expect(packageOf('llama_index.llms.openai', 'python')).toBe('llama-index-llms-openai');
    expect(packageOf('llama_index.embeddings.openai', 'python')).toBe('llama-index-embeddings-openai');
  });
});
