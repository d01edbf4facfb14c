import type { SyntaxNode } from '@lezer/common';
import type { PyContext } from './context.js';
import { envReadOf } from './env-access.js';
import type { PyBindings, PyImportedRef } from './imports.js';
import { argumentsOf, childrenOf, flattenAccess, is, plainString, unwrap } from './syntax.js';

/**
 * Module-level constants and class field defaults of one file, so that a model written as
 * `MODEL`, `settings.chat_model` or `self.model` can be traced to its literal.
 */
export interface Definitions {
  /** Module-level `NAME = value` (the last one wins). */
  constants: Map<string, SyntaxNode>;
  /** `field: str = value` / `field = value` in a class body, or `self.field = value`, by field name (any class). */
  fields: Map<string, SyntaxNode>;
}

/** The target name and value of a simple assignment `name[: T] = value`. */
export function assignmentOf(statement: SyntaxNode): { target: SyntaxNode; value: SyntaxNode } | undefined {
  if (!is(statement, 'AssignStatement')) return undefined;
  const children = childrenOf(statement);
  const ops = children.filter((child) => is(child, 'AssignOp'));
  if (ops.length !== 1) return undefined;
  const target = children[0]!;
  const value = children[children.length - 1]!;
  return value === ops[0] ? undefined : { target, value };
}

export function collectDefinitions(ctx: PyContext): Definitions {
  const definitions: Definitions = { constants: new Map(), fields: new Map() };
  for (const node of ctx.nodesOf('AssignStatement')) {
    const assignment = assignmentOf(node);
    if (assignment === undefined) continue;
    // `self.model = settings.chat_model` in a method defines the field `model` too.
    const { root, names } = flattenAccess(assignment.target, ctx.text);
    if (names.length === 1 && is(root, 'VariableName') && ctx.textOf(root) === 'self') {
      definitions.fields.set(names[0]!, assignment.value);
      continue;
    }
    if (!is(assignment.target, 'VariableName')) continue;
    const parent = node.parent;
    if (is(parent, 'Script')) definitions.constants.set(ctx.textOf(assignment.target), assignment.value);
    else if (is(parent, 'Body') && is(parent.parent, 'ClassDefinition')) definitions.fields.set(ctx.textOf(assignment.target), assignment.value);
  }
  return definitions;
}

/** String literals an expression may evaluate to, and names imported from other modules that it reads. */
export interface ResolvedStrings {
  literals: SyntaxNode[];
  imported: PyImportedRef[];
}

/**
 * Follows an expression to the string literals it may take: conditionals, `or` defaults,
 * `os.getenv(…, default)`, `Field(default=…)`, constants, class fields and imports.
 */
export function resolveStrings(ctx: PyContext, node: SyntaxNode, definitions: Definitions, bindings: PyBindings): ResolvedStrings {
  const resolved: ResolvedStrings = { literals: [], imported: [] };
  const seen = new Set<SyntaxNode>();
  const visit = (current: SyntaxNode, depth: number): void => {
    const inner = unwrap(current);
    if (depth > 6 || seen.has(inner)) return;
    seen.add(inner);
    if (plainString(inner, ctx.text) !== undefined) {
      resolved.literals.push(inner);
      return;
    }
    if (is(inner, 'ConditionalExpression')) {
      const parts = childrenOf(inner).filter((child) => !is(child, 'if', 'else'));
      visit(parts[0]!, depth + 1);
      if (parts[2]) visit(parts[2], depth + 1);
      return;
    }
    if (is(inner, 'BinaryExpression') && is(inner.firstChild?.nextSibling, 'or')) {
      visit(inner.firstChild!, depth + 1);
      visit(inner.lastChild!, depth + 1);
      return;
    }
    const env = envReadOf(inner, ctx.text);
    if (env !== undefined) {
      if (env.fallback) visit(env.fallback, depth + 1);
      return;
    }
    if (is(inner, 'CallExpression')) {
      // pydantic `Field("gpt-4o")` / `Field(default="gpt-4o")`, dataclasses `field(default=…)`.
      const callee = inner.firstChild;
      const name = callee ? ctx.textOf(callee).split('.').pop() : undefined;
      const argList = inner.getChild('ArgList');
      if ((name === 'Field' || name === 'field') && argList) {
        const args = argumentsOf(argList);
        const value = args.find((arg) => arg.keyword && ctx.textOf(arg.keyword) === 'default')?.value ?? args.find((arg) => !arg.keyword && !arg.star)?.value;
        if (value) visit(value, depth + 1);
      }
      return;
    }
    if (is(inner, 'VariableName')) {
      const name = ctx.textOf(inner);
      const constant = definitions.constants.get(name);
      if (constant) visit(constant, depth + 1);
      else {
        const ref = bindings.imported.get(name);
        if (ref) resolved.imported.push(ref);
      }
      return;
    }
    if (is(inner, 'MemberExpression')) {
      const { root, names } = flattenAccess(inner, ctx.text);
      const field = names[names.length - 1];
      if (field === undefined) return;
      const local = definitions.fields.get(field);
      if (local) visit(local, depth + 1);
      else if (is(root, 'VariableName') && names.length === 1) {
        // `settings.chat_model` with `settings` imported: the field lives in that module.
        const ref = bindings.imported.get(ctx.textOf(root));
        if (ref) resolved.imported.push({ from: ref.from, imported: `.${field}` });
      }
    }
  };
  visit(node, 0);
  return resolved;
}
