import { ts } from './ts.js';
import type { Finding } from '../../../core/types.js';
import { describeArgument } from './arguments.js';
import type { FileContext } from './context.js';
import type { Bindings } from './imports.js';
import { hasExportModifier, isPlainString, nameText, unwrap } from './syntax.js';
import { resolveObjectLiteral, resolveStrings, type ImportedRef } from './values.js';
import type { PendingCall } from './api-calls.js';
import { isModelId } from '../../../core/model-ids.js';

/** Option names that carry the model in framework constructors. */
const MODEL_OPTIONS = new Set(['model', 'modelName']);

/** AI SDK provider methods → the API path used for capability checks (`ai-sdk:<method>`). */
const AI_SDK_METHODS = new Set([
  'chat', 'languageModel', 'responses', 'completion', 'embedding', 'textEmbedding', 'textEmbeddingModel',
  'embeddingModel', 'image', 'imageModel', 'transcription', 'speech',
]);

/**
 * LangChain, LlamaIndex and Vercel AI SDK usage: `new ChatOpenAI({...})` and friends become
 * client findings; AI SDK providers (`openai`, or one from `createOpenAI`) and their calls
 * (`openai('gpt-4o')`, `openai.embedding(…)`) become client and api-call findings. Model ids
 * in their model positions are returned so the literal family reports them as certain.
 */
export interface FrameworkUsage {
  /** Model literals in framework model positions: certain. */
  models: Set<ts.Node>;
  /** Exported names holding an AI SDK provider, for other files' calls. */
  exportedProviders: string[];
  /** `provider.chat('id')` on a provider imported from another file. */
  pending: PendingCall[];
}

export function collectFrameworkUsage(ctx: FileContext, bindings: Bindings): FrameworkUsage {
  const models = new Set<ts.Node>();
  const usage: FrameworkUsage = { models, exportedProviders: [], pending: [] };
  if (bindings.frameworks.size === 0 && bindings.relative.size === 0) return usage;
  const providers = new Set<string>();
  // The ready-made provider is only migrated where an ESM import can be rewritten; its calls
  // elsewhere (`require`) are left alone too, so no target model id is sent to OpenAI.
  for (const [local, { symbol, isEsm }] of bindings.frameworks) if (symbol === 'ai-sdk-openai' && isEsm) providers.add(local);

  const addModels = (expression: ts.Expression | undefined) => {
    if (expression === undefined) return undefined;
    let first: string | undefined;
    for (const literal of resolveStrings(expression, bindings.relative).literals) {
      models.add(literal);
      first ??= literal.text;
    }
    return first;
  };

  ctx.nodes.forEach((node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(unwrap(node.expression))) {
      const framework = bindings.frameworks.get((unwrap(node.expression) as ts.Identifier).text);
      if (framework === undefined || framework.symbol === 'createOpenAI' || framework.symbol === 'ai-sdk-openai') return;
      const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
      // LangChain also takes the model as a first positional string: new ChatOpenAI('gpt-4o', {...}).
      const positional = args[0] !== undefined && isPlainString(unwrap(args[0])) ? args[0] : undefined;
      addModels(positional ?? modelOption(args));
      ctx.add('client', ctx.rangeOf(node), {
        symbol: framework.symbol,
        api: framework.module,
        detail: { callee: ctx.rangeOf(node.expression), argument: describeArgument(ctx, node, node.arguments) },
      });
      return;
    }
    if (!ts.isCallExpression(node)) return;
    const callee = unwrap(node.expression);
    // createOpenAI({...}) builds a provider; remember the name it is stored under.
    if (ts.isIdentifier(callee) && bindings.frameworks.get(callee.text)?.symbol === 'createOpenAI') {
      ctx.add('client', ctx.rangeOf(node), {
        symbol: 'createOpenAI',
        api: bindings.frameworks.get(callee.text)!.module,
        detail: { callee: ctx.rangeOf(callee), argument: describeArgument(ctx, node, node.arguments) },
      });
      const parent = node.parent;
      if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
        providers.add(parent.name.text);
        if (hasExportModifier(parent.parent.parent)) usage.exportedProviders.push(parent.name.text);
      }
      return;
    }
    const imported = importedProviderCall(callee, bindings);
    if (imported !== undefined) {
      // Only a provider if the other file says so: the link step decides.
      const literal = node.arguments[0] !== undefined ? unwrap(node.arguments[0]) : undefined;
      const model = literal !== undefined && isPlainString(literal) && isModelId(literal.text) ? literal : undefined;
      const range = model ? ctx.rangeOf(model) : undefined;
      usage.pending.push({
        client: imported.ref,
        importedModels: [],
        finding: ctx.createFinding('api-call', ctx.rangeOf(node), { api: `ai-sdk:${imported.method}`, ...(model ? { model: model.text } : {}), detail: {} }),
        ...(model && range ? { models: [ctx.createFinding('model', range, { model: model.text, detail: { literal: { start: range.start + 1, end: range.end - 1 } } })] } : {}),
      });
      return;
    }
    const call = providerCall(callee, providers);
    if (call === undefined) return;
    const model = addModels(node.arguments[0]);
    const finding: Finding = ctx.createFinding('api-call', ctx.rangeOf(node), {
      api: `ai-sdk:${call.method}`,
      ...(model ? { model } : {}),
      detail: { callee: ctx.rangeOf(call.provider) },
    });
    ctx.findings.push(finding);
  });
  return usage;
}

/** `gateway.chat('id')` where `gateway` is imported from a file of the project. */
function importedProviderCall(callee: ts.Expression, bindings: Bindings): { ref: ImportedRef; method: string } | undefined {
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const ref = bindings.relative.get(callee.expression.text);
  const method = callee.name.text;
  return ref !== undefined && AI_SDK_METHODS.has(method) ? { ref, method } : undefined;
}

/** `openai('id')` → method 'default'; `openai.chat('id')` → 'chat'. */
function providerCall(callee: ts.Expression, providers: ReadonlySet<string>): { provider: ts.Identifier; method: string } | undefined {
  if (ts.isIdentifier(callee) && providers.has(callee.text)) return { provider: callee, method: 'default' };
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && providers.has(callee.expression.text)) {
    const method = callee.name.text;
    return AI_SDK_METHODS.has(method) ? { provider: callee.expression, method } : undefined;
  }
  return undefined;
}

function modelOption(args: ts.NodeArray<ts.Expression>): ts.Expression | undefined {
  for (const arg of args) {
    const object = resolveObjectLiteral(arg);
    for (const property of object?.properties ?? []) {
      if (!MODEL_OPTIONS.has(nameText(property.name) ?? '')) continue;
      if (ts.isPropertyAssignment(property)) return property.initializer;
      if (ts.isShorthandPropertyAssignment(property)) return property.name;
    }
  }
  return undefined;
}
