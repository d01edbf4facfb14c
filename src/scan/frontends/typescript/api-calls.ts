import { ts } from './ts.js';
import type { Finding } from '../../../core/types.js';
import { describeArgument } from './arguments.js';
import { clientClassOf, sdkClassOf, type ClientRefs } from './clients.js';
import type { SdkClass } from './imports.js';
import type { FileContext } from './context.js';
import type { Bindings } from './imports.js';
import { flattenAccess, unwrap } from './syntax.js';
import { resolveObjectLiteral, resolveStrings, type ImportedRef } from './values.js';
import { nameText } from './syntax.js';

/** Top-level client resources (v4+). A call chain must start with one to count as an API call. */
const RESOURCES = new Set([
  'chat', 'completions', 'responses', 'embeddings', 'images', 'audio', 'moderations', 'models', 'files',
  'uploads', 'batches', 'fineTuning', 'fine_tuning', 'fineTunes', 'edits', 'vectorStores', 'beta', 'realtime',
  'conversations', 'evals', 'containers', 'webhooks', 'videos', 'skills', 'graders', 'admin',
]);

/** v3 `OpenAIApi` methods are flat: `createChatCompletion`, `listModels`, `retrieveFile` … */
const V3_METHOD = /^(?:create|list|retrieve|delete|download|cancel)[A-Z]\w*$/;

/** An API call whose model literals are known, and model references still to resolve across files. */
export interface ApiCall {
  finding: Finding;
  /** Model values imported from other files (resolved by the link step). */
  importedModels: ImportedRef[];
}

/** A call on a name imported from another file; it is an API call if that name is a client there. */
export interface PendingCall extends ApiCall {
  client: ImportedRef;
  /** Model findings that hold only if the call is an API call (AI SDK provider arguments). */
  models?: Finding[];
}

export interface ApiCallScan {
  calls: ApiCall[];
  pending: PendingCall[];
  /** The model literals that sit in a model position of some call: always `certain`. */
  modelLiterals: Set<ts.Node>;
}

export function collectApiCalls(ctx: FileContext, bindings: Bindings, refs: ClientRefs): ApiCallScan {
  const scan: ApiCallScan = { calls: [], pending: [], modelLiterals: new Set() };
  const hasClients = refs.variables.size > 0 || refs.fields.size > 0 || bindings.classes.size > 0;
  if (!hasClients && bindings.relative.size === 0) return scan;

  ctx.nodes.forEach((node) => {
    if (!ts.isCallExpression(node)) return;
    const { root, names } = flattenAccess(node.expression);
    if (names.length === 0) return;
    const api = apiPath(root, names, bindings, refs);
    if (api !== undefined) {
      scan.calls.push(describeCall(ctx, node, api, bindings, scan));
      return;
    }
    // A client imported from another file: `import { openai } from './client'`.
    const inner = unwrap(root);
    if (ts.isIdentifier(inner) && RESOURCES.has(names[0]!) && names.length >= 2) {
      const client = bindings.relative.get(inner.text);
      if (client) scan.pending.push({ ...describeCall(ctx, node, names.join('.'), bindings, scan), client });
    }
  });
  return scan;
}

function apiPath(root: ts.Expression, chain: string[], bindings: Bindings, refs: ClientRefs): string | undefined {
  const inner = unwrap(root);
  let names = chain;
  let cls: SdkClass | undefined;
  if (inner.kind === ts.SyntaxKind.ThisKeyword) {
    // `this.client.chat.completions.create`: the first name is the field.
    cls = refs.fields.get(chain[0]!);
    names = chain.slice(1);
  } else {
    cls = ts.isNewExpression(inner) ? sdkClassOf(unwrap(inner.expression), bindings) : clientClassOf(inner, refs);
  }
  if (cls === undefined || names.length === 0) return undefined;
  if (cls === 'OpenAIApi') return names.length === 1 && V3_METHOD.test(names[0]!) ? names[0] : undefined;
  return names.length >= 2 && RESOURCES.has(names[0]!) ? names.join('.') : undefined;
}

function describeCall(ctx: FileContext, call: ts.CallExpression, api: string, bindings: Bindings, scan: ApiCallScan): ApiCall {
  const argument = describeArgument(ctx, call, call.arguments);
  const importedModels: ImportedRef[] = [];
  let model: string | undefined;
  const modelValue = findModelProperty(call);
  if (modelValue) {
    const resolved = resolveStrings(modelValue, bindings.relative);
    for (const literal of resolved.literals) {
      scan.modelLiterals.add(literal);
      model ??= literal.text;
    }
    importedModels.push(...resolved.imported);
  }
  const finding = ctx.createFinding('api-call', ctx.rangeOf(call), { api, ...(model ? { model } : {}), detail: { argument } });
  return { finding, importedModels };
}

/** The `model` property of the call's options object, wherever that object is defined. */
function findModelProperty(call: ts.CallExpression): ts.Expression | undefined {
  for (const arg of call.arguments) {
    const object = resolveObjectLiteral(arg);
    if (!object) continue;
    for (const property of object.properties) {
      if (nameText(property.name) !== 'model') continue;
      if (ts.isPropertyAssignment(property)) return property.initializer;
      if (ts.isShorthandPropertyAssignment(property)) return property.name;
    }
  }
  return undefined;
}
