import { ts } from './ts.js';
import type { Finding } from '../../../core/types.js';
import { describeArgument } from './arguments.js';
import type { FileContext } from './context.js';
import type { Bindings, FrameworkSymbol } from './imports.js';
import { hasExportModifier, isPlainString, nameText, thisFieldName, unwrap } from './syntax.js';
import { resolveObjectLiteral, resolveStrings, type ImportedRef } from './values.js';
import type { PendingCall } from './api-calls.js';
import { isModelId } from '../../../core/model-ids.js';

/** Option names that carry the model in framework constructors. */
const MODEL_OPTIONS = ['model', 'modelName'];

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
  /** Provider calls whose model is a constant imported from another file, for the link step. */
  importedModels: { ref: ImportedRef; call: Finding }[];
}

export function collectFrameworkUsage(ctx: FileContext, bindings: Bindings): FrameworkUsage {
  const models = new Set<ts.Node>();
  const usage: FrameworkUsage = { models, exportedProviders: [], pending: [], importedModels: [] };
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

  const wrappers = new WrapperInstances(bindings);
  ctx.nodesOf(FRAMEWORK_SITES).forEach((node) => {
    wrappers.visit(node);
    if (ts.isNewExpression(node) && ts.isIdentifier(unwrap(node.expression))) {
      const framework = bindings.frameworks.get((unwrap(node.expression) as ts.Identifier).text);
      if (framework === undefined || framework.symbol === 'createOpenAI' || framework.symbol === 'ai-sdk-openai') return;
      const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
      // LangChain also takes the model as a first positional string: new ChatOpenAI('gpt-4o', {...}).
      const positional = args[0] !== undefined && isPlainString(unwrap(args[0])) ? args[0] : undefined;
      addModels(positional ?? modelOption(args, framework.symbol === 'ChatGPTAPI' ? ['completionParams', 'model'] : undefined));
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
    const first = node.arguments[0];
    const model = addModels(first);
    // The model argument as written, for the planner when no id is known (`openai(modelName)`).
    const argument = first === undefined ? undefined : { kind: 'other' as const, range: ctx.rangeOf(first), text: first.getText(ctx.sourceFile) };
    const finding: Finding = ctx.createFinding('api-call', ctx.rangeOf(node), {
      api: `ai-sdk:${call.method}`,
      ...(model ? { model } : {}),
      detail: { callee: ctx.rangeOf(call.provider), ...(argument ? { argument } : {}) },
    });
    ctx.findings.push(finding);
    if (model === undefined && first !== undefined) {
      for (const ref of resolveStrings(first, bindings.relative).imported) usage.importedModels.push({ ref, call: finding });
    }
  });
  for (const call of wrappers.calls()) ctx.add('api-call', ctx.rangeOf(call), { api: 'chatgpt:sendMessage', detail: { argument: describeArgument(ctx, call, call.arguments) } });
  return usage;
}

/** Framework clients and their calls, and the sites `WrapperInstances` looks at. */
const FRAMEWORK_SITES = [
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.Parameter,
];

const WRAPPER_CLASSES = new Set<FrameworkSymbol>(['ChatGPTAPI', 'ChatGPTUnofficialProxyAPI']);

/**
 * Instances of the `chatgpt` package's classes: names they are stored under (or typed as, in
 * `let api: ChatGPTAPI | ChatGPTUnofficialProxyAPI`), and the `sendMessage` calls on them.
 */
class WrapperInstances {
  private readonly names = new Set<string>();
  private readonly candidates: { call: ts.CallExpression; name: string }[] = [];

  constructor(private readonly bindings: Bindings) {}

  visit(node: ts.Node): void {
    if (ts.isNewExpression(node) && this.isWrapperClass(unwrap(node.expression))) {
      const name = storedName(node);
      if (name !== undefined) this.names.add(name);
    } else if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) && node.type && this.mentionsWrapper(node.type)) {
      const name = nameText(node.name);
      if (name !== undefined) this.names.add(name);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'sendMessage') {
      const receiver = unwrap(node.expression.expression);
      const name = ts.isIdentifier(receiver) ? receiver.text : thisFieldName(receiver);
      if (name !== undefined) this.candidates.push({ call: node, name });
    }
  }

  calls(): ts.CallExpression[] {
    return this.candidates.filter((candidate) => this.names.has(candidate.name)).map((candidate) => candidate.call);
  }

  private isWrapperClass(node: ts.Node): boolean {
    if (!ts.isIdentifier(node)) return false;
    const symbol = this.bindings.frameworks.get(node.text)?.symbol;
    return symbol !== undefined && WRAPPER_CLASSES.has(symbol);
  }

  private mentionsWrapper(type: ts.TypeNode): boolean {
    if (ts.isUnionTypeNode(type)) return type.types.some((member) => this.mentionsWrapper(member));
    return ts.isTypeReferenceNode(type) && this.isWrapperClass(type.typeName);
  }
}

/** `const x = new …`, `x = new …`, `this.x = new …`: the name the value is stored under. */
function storedName(node: ts.Expression): string | undefined {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === current) return nameText(parent.name);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === current) {
    const target = unwrap(parent.left);
    return ts.isIdentifier(target) ? target.text : thisFieldName(target);
  }
  return undefined;
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

/** The model option of a constructor: `model`/`modelName`, or the value at `path` (`completionParams.model`). */
function modelOption(args: ts.NodeArray<ts.Expression>, path?: readonly string[]): ts.Expression | undefined {
  for (const arg of args) {
    const object = resolveObjectLiteral(arg);
    if (object === undefined) continue;
    const value = path ? valueAtPath(object, path) : MODEL_OPTIONS.map((name) => valueAtPath(object, [name])).find((v) => v !== undefined);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A property's value, looking into nested object literals and spreads of them (`{ ...options }`). */
function valueAtPath(object: ts.ObjectLiteralExpression, path: readonly string[], depth = 0): ts.Expression | undefined {
  if (depth > 4) return undefined;
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) {
      const spread = resolveObjectLiteral(property.expression);
      const found = spread && valueAtPath(spread, path, depth + 1);
      if (found) return found;
      continue;
    }
    if (nameText(property.name) !== path[0]) continue;
    const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
    if (value === undefined || path.length === 1) return value;
    const inner = resolveObjectLiteral(value);
    return inner && valueAtPath(inner, path.slice(1), depth + 1);
  }
  return undefined;
}
