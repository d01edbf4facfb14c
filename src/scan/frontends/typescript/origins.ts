import { ts } from './ts.js';
import { sdkClassOf, type ClientRefs } from './clients.js';
import type { Bindings, SdkClass } from './imports.js';
import { thisFieldName, unwrap } from './syntax.js';
import { findDestructuredSource, findValue, type ImportedRef } from './values.js';

/**
 * Where a client value comes from: built in this file from an SDK class, or an imported
 * name that the link step checks (a client itself, or a factory when it is called).
 */
export type ClientSource = { kind: 'local'; cls: SdkClass; origin?: number } | { kind: 'imported'; ref: ImportedRef; isCall: boolean };

/** A client, or a resource of one taken by destructuring (`const { chat } = client` → `['chat']`). */
export interface ClientPath {
  source: ClientSource;
  resources: string[];
}

const MAX_DEPTH = 8;

/**
 * Follows a value back to a client within one file: through variables, destructuring,
 * `await`, promise-returning IIFEs, factories (functions that return a client, or are typed
 * to), `this` fields and names imported from the project's other modules.
 */
export class ClientResolver {
  private readonly functions = new Map<string, ts.SignatureDeclaration>();
  private readonly factoryCache = new Map<ts.Node, ClientPath | null>();

  constructor(
    private readonly bindings: Bindings,
    private readonly refs: ClientRefs,
    nodes: readonly ts.Node[],
  ) {
    for (const node of nodes) {
      if (ts.isFunctionDeclaration(node) && node.name) this.functions.set(node.name.text, node);
      else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const value = unwrap(node.initializer);
        if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) this.functions.set(node.name.text, value);
      }
    }
  }

  resolve(expression: ts.Expression, depth = 0): ClientPath | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(expression);
    if (ts.isNewExpression(inner)) {
      const cls = sdkClassOf(unwrap(inner.expression), this.bindings);
      return cls && cls !== 'Configuration' ? local(cls, this.refs.origins.get(inner)) : undefined;
    }
    if (ts.isIdentifier(inner)) return this.resolveName(inner, depth);
    const field = thisFieldName(inner);
    if (field !== undefined) {
      const cls = this.refs.fields.get(field);
      return cls ? local(cls, this.refs.origins.get(`this.${field}`)) : undefined;
    }
    if (ts.isPropertyAccessExpression(inner)) {
      // `config.openai` where `config` is a whole module of the project.
      const owner = this.resolve(inner.expression, depth + 1);
      return owner && memberOf(owner, inner.name.text);
    }
    if (ts.isCallExpression(inner)) return this.resolveCall(inner, depth);
    if (ts.isBinaryExpression(inner) && isFallbackOperator(inner.operatorToken.kind)) {
      return this.resolve(inner.left, depth + 1) ?? this.resolve(inner.right, depth + 1);
    }
    if (ts.isConditionalExpression(inner)) return this.resolve(inner.whenTrue, depth + 1) ?? this.resolve(inner.whenFalse, depth + 1);
    return undefined;
  }

  /** A function (declaration, arrow or expression) that returns a client, and which. */
  factoryResult(fn: ts.SignatureDeclaration, depth = 0): ClientPath | undefined {
    const cached = this.factoryCache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    this.factoryCache.set(fn, null); // recursion guard
    const result = this.typedResult(fn) ?? this.returnedClient(fn, depth);
    this.factoryCache.set(fn, result ?? null);
    return result;
  }

  /** The local function a name refers to, when it is one. */
  functionNamed(name: string): ts.SignatureDeclaration | undefined {
    return this.functions.get(name);
  }

  private resolveName(identifier: ts.Identifier, depth: number): ClientPath | undefined {
    const cls = this.refs.variables.get(identifier.text);
    if (cls) return local(cls, this.refs.origins.get(identifier.text));
    const ref = this.bindings.relative.get(identifier.text);
    if (ref) return { source: { kind: 'imported', ref, isCall: false }, resources: [] };
    const destructured = findDestructuredSource(identifier);
    if (destructured) {
      const owner = this.resolve(destructured.source, depth + 1);
      return owner && destructured.path.reduce(memberOf, owner);
    }
    const value = findValue(identifier, false);
    return value ? this.resolve(value, depth + 1) : undefined;
  }

  private resolveCall(call: ts.CallExpression, depth: number): ClientPath | undefined {
    const callee = unwrap(call.expression);
    if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) return this.factoryResult(callee, depth + 1);
    if (ts.isIdentifier(callee)) {
      const fn = this.functions.get(callee.text);
      if (fn) return this.factoryResult(fn, depth + 1);
      const ref = this.bindings.relative.get(callee.text);
      return ref ? { source: { kind: 'imported', ref, isCall: true }, resources: [] } : undefined;
    }
    if (ts.isPropertyAccessExpression(callee)) {
      // `client.withOptions({…})` returns another client; `llm.getClient()` on a module object.
      if (callee.name.text === 'withOptions') return this.resolve(callee.expression, depth + 1);
      const owner = this.resolve(callee.expression, depth + 1);
      if (owner && isWholeModule(owner)) {
        const ref = { from: (owner.source as { ref: ImportedRef }).ref.from, imported: callee.name.text };
        return { source: { kind: 'imported', ref, isCall: true }, resources: [] };
      }
    }
    return undefined;
  }

  /** `(): OpenAI` or `(): Promise<OpenAI>`. */
  private typedResult(fn: ts.SignatureDeclaration): ClientPath | undefined {
    let type = fn.type;
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise') type = type.typeArguments?.[0];
    if (type === undefined || !ts.isTypeReferenceNode(type)) return undefined;
    const cls = sdkClassOf(type.typeName, this.bindings);
    return cls && cls !== 'Configuration' ? local(cls) : undefined;
  }

  private returnedClient(fn: ts.SignatureDeclaration, depth: number): ClientPath | undefined {
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (body === undefined) return undefined;
    if (!ts.isBlock(body)) return this.resolve(body, depth + 1);
    let found: ClientPath | undefined;
    const visit = (node: ts.Node): void => {
      if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression) found = this.resolve(node.expression, depth + 1);
      else ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    return found;
  }
}

function local(cls: SdkClass, origin?: number): ClientPath {
  return { source: { kind: 'local', cls, ...(origin === undefined ? {} : { origin }) }, resources: [] };
}

/**
 * A member of a client is a resource. On a whole imported module (`const m = require('./m')`)
 * it may also be an export of that module: the link step decides, knowing the module.
 */
function memberOf(owner: ClientPath, name: string): ClientPath {
  return { source: owner.source, resources: [...owner.resources, name] };
}

/** A whole module of the project, as `import * as m` or `const m = require('./m')` binds it. */
export function isWholeModule(path: ClientPath): boolean {
  return path.source.kind === 'imported' && path.source.ref.imported === '*' && !path.source.isCall && path.resources.length === 0;
}

function isFallbackOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken;
}
