import { describeArguments } from './arguments.js';
import type { PyContext } from './context.js';
import type { PyBindings } from './imports.js';
import { argumentsOf, is } from './syntax.js';
import { resolveStrings, type Definitions } from './values.js';

/** LangChain names the model `model` (alias of `model_name`); LlamaIndex `model`. */
const MODEL_KEYWORDS = new Set(['model', 'model_name']);

/**
 * LangChain and LlamaIndex OpenAI classes (`ChatOpenAI(model="gpt-4o")`) as client findings.
 * Returns the model literals in their model positions, which are certain.
 */
export function collectFrameworkClients(ctx: PyContext, bindings: PyBindings, definitions: Definitions): Set<number> {
  const models = new Set<number>();
  if (bindings.frameworks.size === 0) return models;
  for (const node of ctx.nodesOf('CallExpression')) {
    if (!is(node, 'CallExpression')) continue;
    const callee = node.firstChild!;
    const argList = node.getChild('ArgList');
    const framework = is(callee, 'VariableName') ? bindings.frameworks.get(ctx.textOf(callee)) : undefined;
    if (framework === undefined || argList === null) continue;
    const modelArgument = argumentsOf(argList).find((arg) => arg.keyword !== undefined && MODEL_KEYWORDS.has(ctx.textOf(arg.keyword)));
    if (modelArgument) {
      for (const literal of resolveStrings(ctx, modelArgument.value, definitions, bindings).literals) models.add(literal.from);
    }
    ctx.add('client', ctx.rangeOf(node), {
      symbol: framework.symbol,
      api: framework.module,
      detail: { callee: ctx.rangeOf(callee), binding: 'import', argument: describeArguments(ctx, argList) },
    });
  }
  return models;
}
