import { ts } from './ts.js';

/** Strips parentheses, `as`, `satisfies`, `!` and type assertions, which do not change a value. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current) ||
      ts.isAwaitExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** A string with a value known from the syntax alone: `'x'`, `"x"` or a template with no `${}`. */
export function isPlainString(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** The name of a property, binding element or declaration when it is written as plain text. */
export function nameText(name: ts.Node | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (isPlainString(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/**
 * `a.b.c.d` → root `a` and names `['b','c','d']`. Stops at the first link that is not a plain
 * property access (a call, an element access …), which then becomes the root.
 */
export function flattenAccess(node: ts.Expression): { root: ts.Expression; names: string[] } {
  const names: string[] = [];
  let current = unwrap(node);
  while (ts.isPropertyAccessExpression(current) && ts.isIdentifier(current.name)) {
    names.unshift(current.name.text);
    current = unwrap(current.expression);
  }
  return { root: current, names };
}

/** `this.field` → 'field'. */
export function thisFieldName(node: ts.Expression): string | undefined {
  const inner = unwrap(node);
  if (ts.isPropertyAccessExpression(inner) && inner.expression.kind === ts.SyntaxKind.ThisKeyword) {
    return inner.name.text;
  }
  return undefined;
}

export function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

/** `require('x')` → 'x'. */
export function requiredModule(node: ts.Expression): string | undefined {
  const inner = unwrap(node);
  if (
    ts.isCallExpression(inner) &&
    ts.isIdentifier(inner.expression) &&
    inner.expression.text === 'require' &&
    inner.arguments.length === 1 &&
    isPlainString(inner.arguments[0]!)
  ) {
    return (inner.arguments[0] as ts.StringLiteral).text;
  }
  return undefined;
}

/** `import('x')` → 'x'. */
export function dynamicImportModule(node: ts.Expression): string | undefined {
  const inner = unwrap(node);
  if (
    ts.isCallExpression(inner) &&
    inner.expression.kind === ts.SyntaxKind.ImportKeyword &&
    inner.arguments.length >= 1 &&
    isPlainString(inner.arguments[0]!)
  ) {
    return (inner.arguments[0] as ts.StringLiteral).text;
  }
  return undefined;
}

/** Visits every node once, depth first. */
export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}
