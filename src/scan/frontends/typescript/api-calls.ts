import { ts } from './ts.js';
import type { Finding } from '../../../core/types.js';
import { describeArgument } from './arguments.js';
import type { ClientRefs } from './clients.js';
import type { FileContext } from './context.js';
import { distinctiveChain, SDK_METHOD } from './distinctive-chains.js';
import type { Bindings, SdkClass } from './imports.js';
import type { ClientResolver } from './origins.js';
import { flattenAccess, nameText, unwrap } from './syntax.js';
import { resolveObjectLiteral, resolveStrings, type ImportedRef } from './values.js';

/** Top-level client resources (v4+). A call chain must start with one to count as an API call. */
export const RESOURCES = new Set([
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

/**
 * A call on a value from another file of the project: an API call if that value is a client
 * there (or, with `isCall`, a factory of clients).
 */
export interface PendingCall extends ApiCall {
  client: ImportedRef;
  isCall?: boolean;
  /** Model findings that hold only if the call is an API call (AI SDK provider arguments). */
  models?: Finding[];
}

export interface ApiCallScan {
  calls: ApiCall[];
  pending: PendingCall[];
  /** Distinctive SDK chains on receivers nothing resolves: API calls if the project uses the SDK. */
  unresolved: ApiCall[];
  /** The model literals that sit in a model position of some call: always `certain`. */
  modelLiterals: Set<ts.Node>;
}

export function collectApiCalls(ctx: FileContext, bindings: Bindings, resolver: ClientResolver, refs: ClientRefs): ApiCallScan {
  const scan: ApiCallScan = { calls: [], pending: [], unresolved: [], modelLiterals: new Set() };
  ctx.nodesOf([ts.SyntaxKind.CallExpression]).forEach((node) => {
    if (!ts.isCallExpression(node)) return;
    const { root, names } = flattenAccess(node.expression);
    if (names.length === 0 || !mayBeApiCall(names)) return;
    const receiver = resolveReceiver(root, names, resolver, refs);
    if (receiver?.source.kind === 'local') {
      const api = apiPath(receiver.source.cls, receiver.names);
      if (api !== undefined) scan.calls.push(describeCall(ctx, node, api, bindings, scan, receiver.source.origin));
      return;
    }
    if (receiver?.source.kind === 'imported') {
      for (const { ref, api } of importedAlternatives(receiver.source.ref, receiver.names)) {
        scan.pending.push({ ...describeCall(ctx, node, api, bindings, scan), client: ref, isCall: receiver.source.isCall });
      }
    }
    const chain = distinctiveChain(root, names, ctx);
    if (chain !== undefined) scan.unresolved.push(describeCall(ctx, node, chain, bindings, undefined));
  });
  return scan;
}

/**
 * Most calls (`console.log`, `res.json`) name no resource, SDK method nor v3 method: skipped
 * before any resolving.
 */
function mayBeApiCall(names: string[]): boolean {
  const method = names.at(-1)!;
  return SDK_METHOD.test(method) || V3_METHOD.test(method) || names.some((name) => RESOURCES.has(name));
}

/** The client a call chain starts from, and the names after it (a destructured resource included). */
function resolveReceiver(root: ts.Expression, names: string[], resolver: ClientResolver, refs: ClientRefs) {
  const inner = unwrap(root);
  if (inner.kind === ts.SyntaxKind.ThisKeyword) {
    // `this.client.chat.completions.create`: the first name is the field.
    const cls = refs.fields.get(names[0]!);
    const origin = refs.origins.get(`this.${names[0]}`);
    return cls ? { source: { kind: 'local' as const, cls, ...(origin === undefined ? {} : { origin }) }, names: names.slice(1) } : undefined;
  }
  const path = resolver.resolve(inner);
  return path && { source: path.source, names: [...path.resources, ...names] };
}

/**
 * A call on an imported name. On a whole module (`require('./m')`) the first name is either an
 * export of it or, when the module's value is a client, a resource: both are offered, and at
 * most one resolves.
 */
function importedAlternatives(ref: ImportedRef, names: string[]): { ref: ImportedRef; api: string }[] {
  const alternatives: { ref: ImportedRef; api: string }[] = [];
  if (isApiChain(names)) alternatives.push({ ref, api: names.join('.') });
  if (ref.imported === '*' && names.length > 2 && isApiChain(names.slice(1))) {
    alternatives.push({ ref: { from: ref.from, imported: names[0]! }, api: names.slice(1).join('.') });
  }
  return alternatives;
}

function isApiChain(names: string[]): boolean {
  return names.length >= 2 && RESOURCES.has(names[0]!);
}

function apiPath(cls: SdkClass, names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  if (cls === 'OpenAIApi') return names.length === 1 && V3_METHOD.test(names[0]!) ? names[0] : undefined;
  return isApiChain(names) ? names.join('.') : undefined;
}

/** `scan` is where model literals are marked certain; unresolved calls leave them to their position. */
/** `client` is where the call's client was constructed in this file (its finding's start), when known. */
function describeCall(ctx: FileContext, call: ts.CallExpression, api: string, bindings: Bindings, scan: ApiCallScan | undefined, client?: number): ApiCall {
  const argument = describeArgument(ctx, call, call.arguments);
  const importedModels: ImportedRef[] = [];
  let model: string | undefined;
  const modelValue = findModelProperty(call);
  if (modelValue) {
    const resolved = resolveStrings(modelValue, bindings.relative);
    for (const literal of resolved.literals) {
      scan?.modelLiterals.add(literal);
      model ??= literal.text;
    }
    importedModels.push(...resolved.imported);
  }
  const detail = { argument, ...(client === undefined ? {} : { client: { file: ctx.path, start: client } }) };
  const finding = ctx.createFinding('api-call', ctx.rangeOf(call), { api, ...(model ? { model } : {}), detail });
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
