import { ts } from './ts.js';
import type { Finding } from '../../../core/types.js';
import { describeArgument } from './arguments.js';
import type { FileContext } from './context.js';
import type { Bindings, SdkClass } from './imports.js';
import { flattenAccess, thisFieldName, unwrap } from './syntax.js';

/** The names through which this file reaches an SDK client. */
export interface ClientRefs {
  /** Variables and parameters holding a client (matched by name, file-wide). */
  variables: Map<string, SdkClass>;
  /** `this.<field>` members holding a client. */
  fields: Map<string, SdkClass>;
  /** Client constructor findings, in source order. */
  constructions: Finding[];
  /**
   * Where a client was constructed (its finding's start), by `new` expression, variable name
   * or `this.<field>`, so that API calls can name the client they go through.
   */
  origins: Map<ts.Node | string, number>;
}

/** Resolves the class a `new X(…)` or a type reference names, through imports and namespaces. */
export function sdkClassOf(node: ts.Node, bindings: Bindings): SdkClass | undefined {
  if (ts.isIdentifier(node)) return bindings.classes.get(node.text);
  if (ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node)) {
    const left = ts.isPropertyAccessExpression(node) ? node.expression : node.left;
    const member = ts.isPropertyAccessExpression(node) ? node.name.text : node.right.text;
    const right = member === 'default' ? 'OpenAI' : member;
    if (ts.isIdentifier(left) && (bindings.namespaces.has(left.text) || bindings.classes.has(left.text))) {
      if (right === 'OpenAI' || right === 'AzureOpenAI' || right === 'Configuration' || right === 'OpenAIApi') return right;
    }
  }
  return undefined;
}

/** Where a client is built, typed or derived. */
const CLIENT_SITES = [
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.CallExpression,
];
const ASSIGNMENTS = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken]);

/** Finds client constructions and every name a client is stored under. */
export function collectClients(ctx: FileContext, bindings: Bindings): ClientRefs {
  const refs: ClientRefs = { variables: new Map(), fields: new Map(), constructions: [], origins: new Map() };
  if (bindings.classes.size === 0 && bindings.namespaces.size === 0) return refs;

  const record = (target: ts.Node, cls: SdkClass, origin?: number) => {
    const note = (key: string) => (origin === undefined ? refs.origins.delete(key) : refs.origins.set(key, origin));
    if (ts.isIdentifier(target)) {
      refs.variables.set(target.text, cls);
      note(target.text);
    } else if (ts.isPropertyDeclaration(target) || ts.isParameter(target)) {
      if (ts.isIdentifier(target.name)) {
        const isField = ts.isPropertyDeclaration(target) || ts.getModifiers(target)?.length;
        (isField ? refs.fields : refs.variables).set(target.name.text, cls);
        note(isField ? `this.${target.name.text}` : target.name.text);
      }
    } else {
      const field = ts.isExpression(target) ? thisFieldName(target) : undefined;
      if (field) {
        refs.fields.set(field, cls);
        note(`this.${field}`);
      }
    }
  };

  /** Where the value of `node` ends up: `const x = …`, `this.x = …`, `x ??= …`, `x: … = …`. */
  const storeTarget = (node: ts.Node, cls: SdkClass, origin?: number) => {
    let current = node;
    while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) {
      current = current.parent;
    }
    const parent = current.parent;
    if (ts.isVariableDeclaration(parent) && parent.initializer === current) {
      record(parent.name, cls, origin);
    } else if (ts.isPropertyDeclaration(parent) && parent.initializer === current) {
      record(parent, cls, origin);
    } else if (ts.isBinaryExpression(parent) && ASSIGNMENTS.has(parent.operatorToken.kind) && parent.right === current) {
      record(parent.left, cls, origin);
    }
  };

  ctx.nodesOf(CLIENT_SITES).forEach((node) => {
    if (ts.isNewExpression(node)) {
      const cls = sdkClassOf(unwrap(node.expression), bindings);
      if (cls === undefined) return;
      const callee = unwrap(node.expression);
      const calleeName = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
      const binding = ts.isPropertyAccessExpression(callee)
        ? 'member'
        : ts.isIdentifier(callee) && bindings.esmClasses.has(callee.text)
          ? 'import'
          : 'other';
      const construction = ctx.add('client', ctx.rangeOf(node), {
        symbol: cls,
        detail: { callee: ctx.rangeOf(calleeName), binding, argument: describeArgument(ctx, node, node.arguments) },
      });
      refs.constructions.push(construction);
      refs.origins.set(node, construction.span.start);
      if (cls !== 'Configuration') storeTarget(node, cls, construction.span.start);
    } else if (ts.isParameter(node) || ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node)) {
      // Typed with the SDK class: `constructor(private client: OpenAI)`, `client: OpenAI`.
      const type = node.type;
      if (type && ts.isTypeReferenceNode(type)) {
        const cls = sdkClassOf(type.typeName, bindings);
        if (cls && cls !== 'Configuration') record(ts.isVariableDeclaration(node) ? node.name : node, cls);
      }
    } else if (ts.isCallExpression(node)) {
      // `client.withOptions({...})` returns another client.
      const { root, names } = flattenAccess(node.expression);
      if (names.length === 1 && names[0] === 'withOptions') {
        const cls = clientClassOf(root, refs);
        if (cls) storeTarget(node, cls, clientOriginOf(root, refs));
      }
    }
  });
  return refs;
}

/** The SDK class of a client expression (`client`, `this.client`, `new OpenAI()`), if it is one. */
export function clientClassOf(node: ts.Expression, refs: ClientRefs): SdkClass | undefined {
  const inner = unwrap(node);
  if (ts.isIdentifier(inner)) return refs.variables.get(inner.text);
  const field = thisFieldName(inner);
  if (field !== undefined) return refs.fields.get(field);
  return undefined;
}

/** Where the client behind `client` / `this.client` was constructed in this file, when known. */
export function clientOriginOf(node: ts.Expression, refs: ClientRefs): number | undefined {
  const inner = unwrap(node);
  if (ts.isIdentifier(inner)) return refs.origins.get(inner.text);
  const field = thisFieldName(inner);
  return field === undefined ? undefined : refs.origins.get(`this.${field}`);
}
