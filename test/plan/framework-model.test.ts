import { describe, expect, it } from 'vitest';
import { planMigration } from '../../src/plan/plan.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { loadFrontendsFor } from '../../src/scan/frontends/index.js';

const frontendFor = await loadFrontendsFor(['src/llm.ts', 'app/llm.py']);

/** The framework-default-model actions of a one-file plan for Zhipu. */
function defaultModelActions(file: string, text: string): string[] {
  const scanned = frontendFor(file)!.scan({ path: file, text });
  if (!scanned.ok) throw new Error(scanned.message);
  const plan = planMigration({ findings: scanned.findings, texts: new Map([[file, text]]) }, getProviderOrThrow('zhipu'));
  return plan.manual.filter((action) => action.code === 'framework-default-model').map((action) => `${action.line} ${action.severity}: ${action.message}`);
}

const TS = "import { ChatOpenAI } from '@langchain/openai';\n";
const PY = 'from langchain_openai import ChatOpenAI\n';
const UNREAD = (symbol: string, pkg: string) =>
  `2 warning: ${symbol}'s options are not written here, so the plan cannot tell whether they name a model; without one ${pkg} sends its default gpt-3.5-turbo: name glm-4-flash (the Zhipu AI (BigModel / Z.AI, GLM) model for it) in them`;

describe('framework classes whose options the plan cannot read', () => {
  it.each([
    ['TypeScript, options in a variable', 'src/llm.ts', `${TS}export const llm = new ChatOpenAI(config);\n`, [UNREAD('ChatOpenAI', '@langchain/openai')]],
    ['TypeScript, spread options', 'src/llm.ts', `${TS}export const llm = new ChatOpenAI({ ...options, temperature: 0 });\n`, [UNREAD('ChatOpenAI', '@langchain/openai')]],
    ['Python, **kwargs', 'app/llm.py', `${PY}llm = ChatOpenAI(**LLM_KWARGS)\n`, [UNREAD('ChatOpenAI', 'langchain-openai')]],
  ])('asks to check the model: %s', (_name, file, text, expected) => {
    expect(defaultModelActions(file, text)).toEqual(expected);
  });

  it.each([
    ['TypeScript, a model beside the spread', 'src/llm.ts', `${TS}export const llm = new ChatOpenAI({ ...options, model: 'gpt-4o' });\n`],
    ['TypeScript, a positional model', 'src/llm.ts', `${TS}export const llm = new ChatOpenAI('gpt-4o', options);\n`],
    ['Python, a model keyword beside **kwargs', 'app/llm.py', `${PY}llm = ChatOpenAI(model="gpt-4o", **LLM_KWARGS)\n`],
    ['Python, a positional model (LlamaIndex)', 'app/llm.py', 'from llama_index.llms.openai import OpenAI\nllm = OpenAI("gpt-4o-mini", temperature=0)\n'],
  ])('says nothing when the model is written: %s', (_name, file, text) => {
    expect(defaultModelActions(file, text)).toEqual([]);
  });
});
