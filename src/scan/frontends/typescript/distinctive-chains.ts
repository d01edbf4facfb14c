import { ts } from './ts.js';
import type { FileContext } from './context.js';
import { unwrap } from './syntax.js';
import { findValue } from './values.js';

/** The methods SDK resources have; a chain ending in anything else (`mockResolvedValue`) is not a call of one. */
export const SDK_METHOD =
  /^(?:create|retrieve|update|list|del|delete|cancel|generate|edit|createVariation|stream|parse|createAndPoll|createAndStream|uploadAndPoll|upload|poll|search|content|submitToolOutputs|submitToolOutputsAndPoll|runTools|pause|resume)$/;

/**
 * SDK method chains that nothing but an OpenAI client has, whatever the receiver is called
 * (`this.openai.beta.threads.runs.createAndPoll(…)`, `deps.llm.chat.completions.create(…)`).
 * The chain must end at the call, so `….create.mockResolvedValue(…)` is not one.
 */
const DISTINCTIVE = [
  /^beta\.(?:assistants|threads|vectorStores|chat|realtime)(?:\.\w+)*\.\w+$/,
  /^chat\.completions\.(?:create|stream|parse|retrieve|update|list|del|delete|runTools)$/,
  /^chat\.completions\.messages\.list$/,
  /^vectorStores(?:\.(?:files|fileBatches))?\.(?:create|retrieve|update|list|del|delete|search|createAndPoll|uploadAndPoll|upload|poll|listFiles|cancel)$/,
  /^(?:fineTuning|fine_tuning)\.(?:jobs|checkpoints)(?:\.\w+)*\.\w+$/,
  /^audio\.(?:transcriptions|translations|speech)\.create$/,
  /^images\.(?:generate|edit|createVariation)$/,
  /^responses\.(?:create|stream|parse|retrieve)$/,
];

/**
 * Chains other libraries have too (`db.files.create`, `prisma.embeddings.create`): counted only
 * on a receiver named for OpenAI or a language model.
 */
const COMMON = [/^(?:embeddings|moderations|batches|completions)\.create$/, /^files\.create$/, /^models\.list$/, /^batches\.(?:retrieve|list|cancel)$/];
const LLM_RECEIVER = /openai|oai|gpt|llm/i;

/** Names a test double is given. */
const TEST_DOUBLE = /mock|fake|stub|spy/i;
/** What a test double is built with: an object literal of `vi.fn()`s, or a mocking helper. */
const MOCK_FACTORY = /^(?:vi|jest|sinon)\.|^(?:createMock|mock|mockDeep)$/;

/** The resources a chain may start from (after the receiver). */
const FIRST_RESOURCE = new Set(['beta', 'chat', 'vectorStores', 'fineTuning', 'fine_tuning', 'audio', 'images', 'responses', 'embeddings', 'moderations', 'batches', 'completions', 'files', 'models']);

/**
 * The API path of a call whose receiver is unknown but whose chain only an OpenAI client has,
 * else undefined. Calls on test doubles are never one.
 */
export function distinctiveChain(root: ts.Expression, names: readonly string[], ctx: FileContext): string | undefined {
  const inner = unwrap(root);
  // `chat.completions.create()` after `const { chat } = client`: the root is a resource too.
  const chain = ts.isIdentifier(inner) ? [inner.text, ...names] : names;
  const start = chain.findIndex((name) => FIRST_RESOURCE.has(name));
  if (start === -1) return undefined;
  const api = chain.slice(start).join('.');
  const receiver = [inner.getText(ctx.sourceFile), ...names].slice(0, start + (chain === names ? 1 : 0)).join('.');
  if (!SDK_METHOD.test(names.at(-1)!)) return undefined;
  const matches = DISTINCTIVE.some((pattern) => pattern.test(api)) || (COMMON.some((pattern) => pattern.test(api)) && LLM_RECEIVER.test(receiver));
  if (!matches || isTestDouble(root)) return undefined;
  return api;
}

function isTestDouble(root: ts.Expression): boolean {
  const inner = unwrap(root);
  if (!ts.isIdentifier(inner)) return false;
  if (TEST_DOUBLE.test(inner.text)) return true;
  const value = findValue(inner);
  if (value === undefined) return false;
  const initial = unwrap(value);
  if (ts.isObjectLiteralExpression(initial)) return true;
  return ts.isCallExpression(initial) && MOCK_FACTORY.test(initial.expression.getText());
}
