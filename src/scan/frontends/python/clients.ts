import type { SyntaxNode } from '@lezer/common';
import { describeArguments, describeValue } from './arguments.js';
import type { PyContext } from './context.js';
import type { PyBindings, PyImportedRef, PySdkClass } from './imports.js';
import { flattenAccess, childrenOf, is, unwrap } from './syntax.js';
import { assignmentOf } from './values.js';

/**
 * A client: built here from a known class, or obtained from a name another module exports.
 * `origin` is where it was built in this file (its client finding's start), when one place is known.
 */
export type ClientSource = { cls: PySdkClass; isByName?: boolean; origin?: number; binding?: Binding } | { ref: PyImportedRef; isUnlinked?: boolean };

/**
 * How a name was bound: by a type annotation (`client: OpenAI`), which says what the name holds
 * but not which client, or by a value; a value bound from two different places has no origin.
 */
type Binding = 'annotation' | 'ambiguous';

/** The names through which this file reaches an `openai` client. */
export interface PyClientRefs {
  /** Variables and parameters holding a client (by name, file-wide). */
  variables: Map<string, ClientSource>;
  /** `self.<field>` attributes and class-level fields holding a client, by name. */
  fields: Map<string, ClientSource>;
  /** The same, per class (`<class start>:<field>`): only there does a field's client have one origin. */
  classFields: Map<string, ClientSource>;
  /** Variables per scope (`<function start, or -1 for the module>:<name>`), as Python resolves a name. */
  scoped: Map<string, ClientSource>;
  /** How many places give each scoped name and class field a value, whatever the value (see `countBindingSites`). */
  sites: Map<string, number>;
  /** Functions returning a client (`def get_client(): return OpenAI()`). */
  factories: Map<string, ClientSource>;
  /** Attributes of other objects a client is stored in (`app.state.openai = AsyncOpenAI()`), by name. */
  attributes: Map<string, ClientSource>;
  /** The classes this file defines, by name. */
  classes: Map<string, SyntaxNode>;
  /** Module-level `Annotated[…]` aliases (FastAPI's `ClientDep = Annotated[AsyncOpenAI, Depends(…)]`), by name. */
  typeAliases: Map<string, SyntaxNode>;
}

/** Module-level settings of the `openai` module client (v0 and v1). */
const MODULE_SETTINGS = new Set([
  'api_key', 'api_base', 'base_url', 'api_type', 'api_version', 'organization', 'project', 'azure_endpoint', 'azure_ad_token', 'azure_ad_token_provider',
]);

const SYMBOLS: Record<PySdkClass, 'OpenAI' | 'AzureOpenAI'> = { OpenAI: 'OpenAI', AsyncOpenAI: 'OpenAI', AzureOpenAI: 'AzureOpenAI', AsyncAzureOpenAI: 'AzureOpenAI' };

/** The SDK class a callee names: `OpenAI`, an alias of it, or `openai.OpenAI`. */
export function sdkClassOf(ctx: PyContext, callee: SyntaxNode, bindings: PyBindings): { cls: PySdkClass; name: SyntaxNode; binding: 'import' | 'member' } | undefined {
  if (is(callee, 'VariableName')) {
    const cls = bindings.classes.get(ctx.textOf(callee));
    return cls ? { cls, name: callee, binding: 'import' } : undefined;
  }
  const { root, names } = flattenAccess(callee, ctx.text);
  if (names.length === 1 && is(root, 'VariableName') && bindings.modules.has(ctx.textOf(root)) && names[0]! in SYMBOLS) {
    return { cls: names[0] as PySdkClass, name: callee.lastChild!, binding: 'member' };
  }
  return undefined;
}

/** The client an expression evaluates to, if the file can tell. */
export function clientOf(ctx: PyContext, node: SyntaxNode, bindings: PyBindings, refs: PyClientRefs): ClientSource | undefined {
  const inner = unwrap(is(node, 'AwaitExpression') ? node.lastChild! : node);
  if (is(inner, 'VariableName')) {
    const name = ctx.textOf(inner);
    const source = refs.variables.get(name) ?? importedClient(bindings, name);
    return source && scopedClient(inner, name, source, bindings, refs);
  }
  if (is(inner, 'MemberExpression')) {
    const { root, names } = flattenAccess(inner, ctx.text);
    if (names.length === 1 && is(root, 'VariableName') && ['self', 'cls'].includes(ctx.textOf(root))) return fieldOf(ctx, inner, names[0]!, refs);
    // `llm.client` with `from app import llm`.
    if (names.length === 1 && is(root, 'VariableName')) {
      const module = moduleRef(bindings, ctx.textOf(root));
      if (module) return { ref: { from: module, imported: names[0]! } };
    }
    // `request.app.state.openai`, where `app.state.openai = AsyncOpenAI()`: matched by name only.
    const attribute = refs.attributes.get(names[names.length - 1]!);
    return attribute && 'cls' in attribute && names.length >= 2 ? { ...attribute, isByName: true } : undefined;
  }
  if (is(inner, 'BinaryExpression') && is(inner.firstChild?.nextSibling, 'or')) {
    return eitherClient(clientOf(ctx, inner.firstChild!, bindings, refs), clientOf(ctx, inner.lastChild!, bindings, refs));
  }
  if (is(inner, 'ConditionalExpression')) {
    const [whenTrue, , whenFalse] = childrenOf(inner).filter((child) => !is(child, 'if', 'else'));
    return eitherClient(clientOf(ctx, whenTrue!, bindings, refs), whenFalse && clientOf(ctx, whenFalse, bindings, refs));
  }
  if (!is(inner, 'CallExpression')) return undefined;
  const callee = inner.firstChild!;
  const argList = inner.getChild('ArgList');
  const sdk = sdkClassOf(ctx, callee, bindings);
  // The construction's client finding starts where the call does.
  if (sdk) return { cls: sdk.cls, origin: inner.from };
  // instructor.from_openai(OpenAI()) and instructor.patch(…) return the same client, wrapped.
  if (isInstructorWrapper(ctx, callee, bindings) && argList) {
    const first = childrenOf(argList).find((child) => !is(child, '(', ')', ','));
    return (first && clientOf(ctx, first, bindings, refs)) ?? { cls: 'OpenAI' };
  }
  const { root, names } = flattenAccess(callee, ctx.text);
  if (names.length === 1 && names[0] === 'with_options') return clientOf(ctx, root, bindings, refs);
  if (is(callee, 'VariableName')) return factoryClient(ctx, callee, bindings, refs);
  return undefined;
}

/**
 * `self.<name>`: the client the enclosing class (or a base class defined in this file) stores
 * there; a field only another class stores is the same kind of client, from no known place.
 */
function fieldOf(ctx: PyContext, node: SyntaxNode, name: string, refs: PyClientRefs): ClientSource | undefined {
  const seen = new Set<SyntaxNode>();
  for (let owner = enclosingClass(node); owner !== undefined && !seen.has(owner); owner = baseClassOf(ctx, owner, refs)) {
    seen.add(owner);
    const key = classFieldKey(owner, name);
    const source = refs.classFields.get(key);
    if (source) return (refs.sites.get(key) ?? 0) > 1 ? unlinked(source) : source;
  }
  const source = refs.fields.get(name);
  return source && unlinked(source);
}

/**
 * A name's client where the name is read: the binding of the innermost function that gives the
 * name a value (or of the module), linked to its construction only when that scope binds the
 * name once. Found by name elsewhere in the file, it is the same kind of client, from no known place.
 */
function scopedClient(node: SyntaxNode, name: string, byName: ClientSource, bindings: PyBindings, refs: PyClientRefs): ClientSource {
  for (let scope: SyntaxNode | undefined = enclosingScope(node); ; scope = enclosingScope(scope)) {
    const key = scopedKey(scope, name);
    const sites = refs.sites.get(key) ?? 0;
    if (sites > 0) {
      const bound = refs.scoped.get(key) ?? (scope === undefined ? importedClient(bindings, name) : undefined);
      return bound === undefined || sites > 1 ? unlinked(byName) : bound;
    }
    if (scope === undefined) return unlinked(byName);
  }
}

/** The function or lambda whose local names `node` sees first; undefined at module level. */
function enclosingScope(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (is(current, 'FunctionDefinition', 'LambdaExpression')) return current;
  return undefined;
}

const scopedKey = (scope: SyntaxNode | undefined, name: string) => `${scope?.from ?? -1}:${name}`;

/**
 * `client or OpenAI()`, `OpenAI() if x else AzureOpenAI()`: a client either way when one side is
 * one, linked only when both sides are the same construction.
 */
function eitherClient(first: ClientSource | undefined, second: ClientSource | undefined): ClientSource | undefined {
  const source = first ?? second;
  if (source === undefined) return undefined;
  const isSame = first !== undefined && second !== undefined && 'cls' in first && 'cls' in second && first.origin === second.origin;
  return isSame ? source : unlinked(source);
}

function unlinked(source: ClientSource): ClientSource {
  return 'cls' in source ? { ...source, origin: undefined } : { ...source, isUnlinked: true };
}

const classFieldKey = (owner: SyntaxNode, name: string) => `${owner.from}:${name}`;

function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (is(current, 'ClassDefinition')) return current;
  return undefined;
}

/** What calling the function `name` names returns: a factory of this file, or one another module exports. */
function factoryClient(ctx: PyContext, name: SyntaxNode, bindings: PyBindings, refs: PyClientRefs): ClientSource | undefined {
  const text = ctx.textOf(name);
  return refs.factories.get(text) ?? importedClient(bindings, text);
}

/**
 * The function a parameter's FastAPI dependency names: `Depends(get_client)` as its default, or
 * inside its `Annotated[…]` type, written there or as a module-level alias (`ClientDep = Annotated[…]`).
 */
function dependencyOf(ctx: PyContext, parameter: SyntaxNode, refs: PyClientRefs): SyntaxNode | undefined {
  for (let next = parameter.nextSibling; next && !is(next, ',', ')'); next = next.nextSibling) {
    const alias = is(next, 'TypeDef') && is(next.lastChild, 'VariableName') ? refs.typeAliases.get(ctx.textOf(next.lastChild!)) : undefined;
    const calls = is(next, 'CallExpression') ? [next] : is(next, 'TypeDef') ? descendants(alias ?? next, 'CallExpression') : [];
    for (const call of calls) {
      const callee = call.firstChild!;
      const name = is(callee, 'VariableName') ? ctx.textOf(callee) : is(callee, 'MemberExpression') ? ctx.textOf(callee.lastChild!) : '';
      const argument = call.getChild('ArgList')?.getChild('VariableName');
      if (name === 'Depends' && argument) return argument;
    }
  }
  return undefined;
}

function descendants(node: SyntaxNode, name: string): SyntaxNode[] {
  return childrenOf(node).flatMap((child) => [...(is(child, name) ? [child] : []), ...descendants(child, name)]);
}

function importedClient(bindings: PyBindings, name: string): ClientSource | undefined {
  const ref = bindings.imported.get(name);
  return ref ? { ref } : undefined;
}

/** The module a local name stands for: `from app import llm` / `import app.llm as llm`. */
function moduleRef(bindings: PyBindings, name: string): string | undefined {
  const imported = bindings.imported.get(name);
  if (imported) return `${imported.from}${imported.from.endsWith('.') ? '' : '.'}${imported.imported}`;
  return bindings.importedModules.get(name);
}

function isInstructorWrapper(ctx: PyContext, callee: SyntaxNode, bindings: PyBindings): boolean {
  if (is(callee, 'VariableName')) return bindings.instructor.wrappers.has(ctx.textOf(callee));
  const { root, names } = flattenAccess(callee, ctx.text);
  return names.length === 1 && ['from_openai', 'patch'].includes(names[0]!) && is(root, 'VariableName') && bindings.instructor.modules.has(ctx.textOf(root));
}

/** Client constructions and module-level settings, as findings; returns the names clients are stored under. */
export function collectClients(ctx: PyContext, bindings: PyBindings): PyClientRefs {
  const refs: PyClientRefs = { variables: new Map(), fields: new Map(), classFields: new Map(), scoped: new Map(), sites: new Map(), factories: new Map(), attributes: new Map(), classes: new Map(), typeAliases: new Map() };
  const hasSources = bindings.classes.size > 0 || bindings.modules.size > 0 || bindings.imported.size > 0 || bindings.importedModules.size > 0;
  if (!hasSources) return refs;

  for (const node of ctx.nodesOf('CallExpression', 'AssignStatement')) {
    if (is(node, 'CallExpression')) {
      const sdk = sdkClassOf(ctx, node.firstChild!, bindings);
      const argList = node.getChild('ArgList');
      if (sdk === undefined || argList === null) continue;
      ctx.add('client', ctx.rangeOf(node), {
        symbol: SYMBOLS[sdk.cls],
        detail: {
          callee: ctx.rangeOf(sdk.name),
          binding: sdk.binding,
          argument: describeArguments(ctx, argList),
          ...(sdk.cls.startsWith('Async') ? { isAsync: true } : {}),
        },
      });
    } else if (is(node, 'AssignStatement')) {
      collectModuleSetting(ctx, node, bindings);
    }
  }

  refs.sites = countBindingSites(ctx, bindings);
  for (const node of ctx.nodesOf('ClassDefinition', 'AssignStatement')) {
    const name = is(node, 'ClassDefinition') ? node.getChild('VariableName') : null;
    if (name) refs.classes.set(ctx.textOf(name), node);
    const alias = is(node.parent, 'Script') ? assignmentOf(node) : undefined;
    if (alias && is(alias.target, 'VariableName') && is(alias.value, 'MemberExpression') && is(alias.value.getChild('['), '[')) refs.typeAliases.set(ctx.textOf(alias.target), alias.value);
  }
  // Names are bound in any order (a function may use a client defined below it): repeat until stable.
  for (let round = 0; round < 4; round++) {
    const before = refs.variables.size + refs.fields.size + refs.factories.size + refs.attributes.size;
    bindNames(ctx, bindings, refs);
    if (refs.variables.size + refs.fields.size + refs.factories.size + refs.attributes.size === before) break;
  }
  return refs;
}

/**
 * How many statements, parameters and imports give each name of each scope (and each class
 * field, by `classFieldKey`) a value, whatever the value: a client's origin holds only for a
 * name its scope binds once (`client = OpenAI()` then `for client in pool:` may be either).
 */
function countBindingSites(ctx: PyContext, bindings: PyBindings): Map<string, number> {
  const sites = new Map<string, number>([...bindings.imported.keys()].map((name) => [scopedKey(undefined, name), 1]));
  const count = (key: string) => sites.set(key, (sites.get(key) ?? 0) + 1);
  for (const node of ctx.nodesOf('VariableName', 'MemberExpression')) {
    if (!isBindingTarget(node)) continue;
    const owner = enclosingClass(node);
    if (is(node, 'VariableName')) {
      const name = ctx.textOf(node);
      if (is(node.parent, 'ParamList') && ['self', 'cls'].includes(name)) continue;
      count(isClassBody(node) ? classFieldKey(owner!, name) : scopedKey(enclosingScope(node), name));
      continue;
    }
    const { root, names } = flattenAccess(node, ctx.text);
    if (owner && names.length === 1 && is(root, 'VariableName') && ['self', 'cls'].includes(ctx.textOf(root))) count(classFieldKey(owner, names[0]!));
  }
  return sites;
}

/** A name a statement gives a value: a parameter, an assignment's target, a `for` target, the name after `as`. */
function isBindingTarget(node: SyntaxNode): boolean {
  if (is(node.parent, 'ParamList')) return true;
  // Imported names are counted from the imports.
  if (is(node.prevSibling, 'as')) return !is(node.parent, 'ImportStatement');
  if (is(node.parent, 'AssignStatement', 'NamedExpression')) {
    for (let next = node.nextSibling; next; next = next.nextSibling) if (is(next, 'AssignOp')) return true;
    return false;
  }
  for (let previous = node.prevSibling; previous; previous = previous.prevSibling) {
    if (is(previous, 'in')) return false;
    if (is(previous, 'for')) return true;
  }
  return false;
}

/** The first base class of a class, when this file defines it (`class Chat(Base):`). */
function baseClassOf(ctx: PyContext, owner: SyntaxNode, refs: PyClientRefs): SyntaxNode | undefined {
  const base = owner.getChild('ArgList')?.getChild('VariableName');
  return base ? refs.classes.get(ctx.textOf(base)) : undefined;
}

/** The name after `as` in `with OpenAI() as client:`. */
function withTarget(node: SyntaxNode): SyntaxNode | undefined {
  if (!is(node, 'WithStatement')) return undefined;
  const children = childrenOf(node);
  const asAt = children.findIndex((child) => is(child, 'as'));
  return asAt > 0 ? children[asAt + 1] : undefined;
}

/** A name assigned in a class body is a field, reached through `self.`. */
function isClassBody(target: SyntaxNode): boolean {
  return is(target.parent?.parent, 'Body') && is(target.parent?.parent?.parent, 'ClassDefinition');
}

/** `openai.api_key = …`, `openai.api_base = …`: the module-level client's settings. */
function collectModuleSetting(ctx: PyContext, node: SyntaxNode, bindings: PyBindings): void {
  const assignment = assignmentOf(node);
  if (assignment === undefined) return;
  const { root, names } = flattenAccess(assignment.target, ctx.text);
  if (names.length !== 1 || !is(root, 'VariableName') || !bindings.modules.has(ctx.textOf(root)) || !MODULE_SETTINGS.has(names[0]!)) return;
  ctx.add('client', ctx.rangeOf(node), {
    symbol: 'OpenAIModule',
    detail: { setting: { name: names[0]!, value: describeValue(ctx, assignment.value) } },
  });
}

/** What `bindNames` binds from: assignments, returns, annotations, FastAPI parameters and `with … as`. */
const BINDING_SITES = ['AssignStatement', 'ReturnStatement', 'TypeDef', 'VariableName', 'WithStatement'];

function bindNames(ctx: PyContext, bindings: PyBindings, refs: PyClientRefs): void {
  for (const node of ctx.nodesOf(...BINDING_SITES)) {
    const assignment = assignmentOf(node);
    if (assignment) {
      const source = clientOf(ctx, assignment.value, bindings, refs);
      if (source) bindTarget(ctx, assignment.target, source, refs);
      // A typed field without a value is handled below.
      continue;
    }
    if (is(node, 'ReturnStatement')) {
      const value = node.lastChild;
      const fn = enclosingFunction(node);
      if (value && !is(value, 'return') && fn) {
        const source = clientOf(ctx, value, bindings, refs);
        const name = fn.getChild('VariableName');
        if (source && name) bindName(refs.factories, ctx.textOf(name), source);
      }
      continue;
    }
    // `client: OpenAI` (parameter, dataclass field, annotated attribute) binds by type.
    if (is(node, 'TypeDef')) {
      const type = node.lastChild;
      const owner = node.prevSibling;
      if (!type || !owner) continue;
      const cls = sdkClassOf(ctx, unwrap(type), bindings);
      if (cls === undefined) continue;
      if (is(owner, 'ParamList')) {
        // `def get_client() -> OpenAI:`
        const name = is(node.parent, 'FunctionDefinition') ? node.parent.getChild('VariableName') : null;
        if (name) bindName(refs.factories, ctx.textOf(name), { cls: cls.cls, binding: 'annotation' });
      } else {
        // A parameter holds whichever client the caller passes (FastAPI passes its dependency's);
        // an annotated name or field holds its value's.
        const isAnyClient = is(node.parent, 'ParamList') && dependencyOf(ctx, owner, refs) === undefined;
        bindTarget(ctx, owner, isAnyClient ? { cls: cls.cls } : { cls: cls.cls, binding: 'annotation' }, refs);
      }
    } else if (is(node, 'VariableName') && is(node.parent, 'ParamList')) {
      // `client: AsyncOpenAI = Depends(get_client)`: FastAPI calls the factory for the parameter.
      const factory = dependencyOf(ctx, node, refs);
      const source = factory && factoryClient(ctx, factory, bindings, refs);
      if (source) bindTarget(ctx, node, source, refs);
    } else {
      // `with OpenAI() as client:` / `async with AsyncOpenAI() as client:`.
      const target = withTarget(node);
      const source = target && clientOf(ctx, target.prevSibling!.prevSibling!, bindings, refs);
      if (source) bindTarget(ctx, target!, source, refs);
    }
  }
}

function bindTarget(ctx: PyContext, target: SyntaxNode, source: ClientSource, refs: PyClientRefs): void {
  if (is(target, 'VariableName')) {
    const name = ctx.textOf(target);
    if (isClassBody(target)) {
      bindField(target, name, source, refs);
    } else {
      bindName(refs.variables, name, source);
      bindName(refs.scoped, scopedKey(enclosingScope(target), name), source);
    }
    return;
  }
  const { root, names } = flattenAccess(target, ctx.text);
  if (names.length === 1 && is(root, 'VariableName') && ['self', 'cls'].includes(ctx.textOf(root))) bindField(target, names[0]!, source, refs);
  else if (names.length >= 2) bindName(refs.attributes, names[names.length - 1]!, source);
}

function bindField(target: SyntaxNode, name: string, source: ClientSource, refs: PyClientRefs): void {
  bindName(refs.fields, name, source);
  const owner = enclosingClass(target);
  if (owner) bindName(refs.classFields, classFieldKey(owner, name), source);
}

/**
 * One name may be bound in several places (a factory's two `return`s, a field set in two
 * methods): it keeps an origin only while every value bound to it comes from that one
 * construction. An annotation never replaces a value.
 */
function bindName(names: Map<string, ClientSource>, name: string, source: ClientSource): void {
  const current = names.get(name);
  if (current !== undefined && 'cls' in source && source.binding === 'annotation') return;
  if (current === undefined || !('cls' in current) || !('cls' in source) || current.binding === 'annotation') {
    names.set(name, source);
    return;
  }
  const isSame = current.binding !== 'ambiguous' && current.origin === source.origin;
  names.set(name, isSame ? source : { cls: source.cls, ...(source.isByName ? { isByName: true } : {}), binding: 'ambiguous' });
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (is(current, 'FunctionDefinition')) return current;
    if (is(current, 'ClassDefinition', 'LambdaExpression')) return undefined;
  }
  return undefined;
}

/**
 * What another module gets when it imports a name of this one: where the client was built here,
 * or the name of another module it comes from (followed by the link step).
 */
export type ExportedClient = { origin?: number } | { ref: PyImportedRef };

/** Module-level names other modules may import as clients, and functions returning one. */
export function exportedClients(ctx: PyContext, refs: PyClientRefs): Record<string, ExportedClient> {
  const exported: Record<string, ExportedClient> = {};
  const add = (name: string, source: ClientSource) => {
    if ('ref' in source) exported[name] = source.isUnlinked ? {} : { ref: source.ref };
    else exported[name] = source.origin === undefined ? {} : { origin: source.origin };
  };
  for (const node of ctx.nodesOf('AssignStatement')) {
    const assignment = is(node.parent, 'Script') ? assignmentOf(node) : undefined;
    const name = assignment && is(assignment.target, 'VariableName') ? ctx.textOf(assignment.target) : undefined;
    const key = name === undefined ? undefined : scopedKey(undefined, name);
    const source = key === undefined ? undefined : refs.scoped.get(key);
    if (source) add(name!, (refs.sites.get(key!) ?? 0) > 1 ? unlinked(source) : source);
  }
  for (const [name, source] of refs.factories) add(name, source);
  return exported;
}
