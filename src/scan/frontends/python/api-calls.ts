import type { SyntaxNode } from '@lezer/common';
import type { Finding } from '../../../core/types.js';
import { describeArguments } from './arguments.js';
import { clientOf, type PyClientRefs } from './clients.js';
import type { PyContext } from './context.js';
import type { PyBindings, PyImportedRef } from './imports.js';
import { argumentsOf, flattenAccess, is, plainString } from './syntax.js';
import { resolveStrings, type Definitions } from './values.js';

/** Top-level client resources (v1+, snake_case). A call chain must start with one to count. */
const RESOURCES = new Set([
  'chat', 'completions', 'responses', 'embeddings', 'images', 'audio', 'moderations', 'models', 'files', 'uploads',
  'batches', 'fine_tuning', 'vector_stores', 'beta', 'realtime', 'conversations', 'evals', 'containers', 'webhooks',
  'videos', 'skills', 'graders', 'admin',
]);

/** The v0 module API (`openai.ChatCompletion.create`), removed in v1. */
const LEGACY_RESOURCES = new Set([
  'ChatCompletion', 'Completion', 'Embedding', 'Image', 'Audio', 'Moderation', 'Edit', 'File', 'FineTune', 'FineTuningJob', 'Model', 'Engine', 'Deployment', 'Customer',
]);

/** Keyword arguments that carry the model: v0 Azure calls name the deployment `engine`/`deployment_id`. */
const MODEL_KEYWORDS = new Set(['model', 'engine', 'deployment_id']);

export interface PyApiCall {
  finding: Finding;
  /** Model values imported from other modules (resolved by the link step). */
  importedModels: PyImportedRef[];
}

/** A call on a client another module provides; an API call if that module says so. */
export interface PyPendingCall extends PyApiCall {
  client: PyImportedRef;
  /** The name may hold another client here (a parameter of the same name): the call is not linked to the import's. */
  isUnlinked?: boolean;
}

export interface PyApiCallScan {
  calls: PyApiCall[];
  pending: PyPendingCall[];
  /** Calls on the `openai` module's own client, which modules anywhere in the program may configure. */
  moduleCalls: PyApiCall[];
  /** Model literals in a model position of some call: certain. */
  modelLiterals: Set<number>;
}

export function collectApiCalls(ctx: PyContext, bindings: PyBindings, refs: PyClientRefs, definitions: Definitions): PyApiCallScan {
  const scan: PyApiCallScan = { calls: [], pending: [], moduleCalls: [], modelLiterals: new Set() };
  for (const node of ctx.nodesOf('CallExpression')) {
    if (!is(node, 'CallExpression')) continue;
    const callee = node.firstChild!;
    const argList = node.getChild('ArgList');
    if (argList === null) continue;
    const { root, names } = flattenAccess(callee, ctx.text);
    if (names.length < 2) continue;
    const legacy = is(root, 'VariableName') && bindings.modules.has(ctx.textOf(root)) && LEGACY_RESOURCES.has(names[0]!) && names.length === 2;
    if (legacy) {
      scan.moduleCalls.push(describeCall(ctx, node, argList, names.join('.'), bindings, definitions, scan.modelLiterals, { isLegacy: true }));
      continue;
    }
    // `client.chat…`, or `self.client.chat…`, `llm.client.chat…`, `app.state.llm.chat…`: the
    // names before the first resource reach the client.
    const first = names.findIndex((name) => RESOURCES.has(name));
    const path = first === -1 ? [] : names.slice(first);
    if (path.length < 2) continue;
    const api = path.join('.');
    if (first === 0 && is(root, 'VariableName') && bindings.modules.has(ctx.textOf(root))) {
      scan.moduleCalls.push(describeCall(ctx, node, argList, api, bindings, definitions, scan.modelLiterals, {}));
      continue;
    }
    const source = clientOf(ctx, first > 0 ? memberNode(callee, names.length - first)! : root, bindings, refs);
    if (source === undefined) continue;
    if ('ref' in source) {
      scan.pending.push({ ...describeCall(ctx, node, argList, api, bindings, definitions, scan.modelLiterals, {}), client: source.ref, ...(source.isUnlinked ? { isUnlinked: true } : {}) });
      continue;
    }
    // A client found by an attribute's name alone may be another object of the same name:
    // the call is likely, and its model literals are not certain either.
    const isByName = source.isByName === true;
    const call = describeCall(ctx, node, argList, api, bindings, definitions, isByName ? new Set() : scan.modelLiterals, { client: source.origin });
    if (isByName) call.finding.confidence = 'likely';
    scan.calls.push(call);
  }
  return scan;
}

/** The object of a member chain `depth` accesses down: in `a.b.c.d`, depth 2 is `a.b`. */
function memberNode(node: SyntaxNode, depth: number): SyntaxNode | undefined {
  let current: SyntaxNode | null = node;
  for (let i = 0; i < depth && current !== null; i++) current = current.firstChild;
  return current ?? undefined;
}

function describeCall(
  ctx: PyContext,
  node: SyntaxNode,
  argList: SyntaxNode,
  api: string,
  bindings: PyBindings,
  definitions: Definitions,
  certainModels: Set<number>,
  { isLegacy, client }: { isLegacy?: boolean; client?: number },
): PyApiCall {
  let model: string | undefined;
  const importedModels: PyImportedRef[] = [];
  const models: { file: string; start: number }[] = [];
  const modelArgument = argumentsOf(argList).find((arg) => arg.keyword !== undefined && MODEL_KEYWORDS.has(ctx.textOf(arg.keyword)));
  if (modelArgument) {
    const resolved = resolveStrings(ctx, modelArgument.value, definitions, bindings);
    for (const literal of resolved.literals) {
      certainModels.add(literal.from);
      models.push({ file: ctx.path, start: literal.from });
      model ??= plainString(literal, ctx.text)?.value;
    }
    importedModels.push(...resolved.imported);
  }
  const finding = ctx.createFinding('api-call', ctx.rangeOf(node), {
    api,
    ...(model ? { model } : {}),
    detail: {
      argument: describeArguments(ctx, argList),
      ...(isLegacy ? { isLegacy } : {}),
      ...(client === undefined ? {} : { client: { file: ctx.path, start: client } }),
      ...(models.length > 0 ? { models } : {}),
    },
  });
  return { finding, importedModels };
}
