import { ts } from './ts.js';
import { nodesAt } from '../../../core/nodes-at.js';

/** Expressions that pass their operand's value on unchanged (`await` included: a promise's value is what the code means). */
export const TRANSPARENT_KINDS: readonly ts.SyntaxKind[] = [
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.AwaitExpression,
];
const TRANSPARENT = new Set(TRANSPARENT_KINDS);

/**
 * Strips parentheses, `as`, `satisfies`, `!`, type assertions and `await`, which do not change
 * a value. One set lookup per layer: it is asked of nearly every expression of a file.
 */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (TRANSPARENT.has(current.kind)) current = (current as ts.ParenthesizedExpression).expression;
  return current;
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

/** Every node of a file in source order, and where each kind's nodes are in that order. */
export interface NodeIndex {
  nodes: ts.Node[];
  /** By syntax kind: the positions in `nodes` of that kind's nodes, ascending. */
  positions: number[][];
}

/**
 * Every node in source order, each given its `parent` on the way. The parser is asked not to
 * set parents itself (a walk of its own over the whole tree), since the analysis walks the
 * tree once anyway.
 */
export function indexNodes(sourceFile: ts.SourceFile): NodeIndex {
  const nodes: ts.Node[] = [sourceFile];
  // Sized up front: filled out of order, a growing array would turn into a slow sparse one.
  const positions: number[][] = new Array(ts.SyntaxKind.Count);
  let parent: ts.Node = sourceFile;
  const visit = (child: ts.Node): undefined => {
    (child as { parent: ts.Node }).parent = parent;
    (positions[child.kind] ??= []).push(nodes.length);
    nodes.push(child);
    const outer = parent;
    parent = child;
    ts.forEachChild(child, visit);
    parent = outer;
    return undefined;
  };
  ts.forEachChild(sourceFile, visit);
  return { nodes, positions };
}

/** The nodes of `kinds` in source order. */
export function nodesOfKinds({ nodes, positions }: NodeIndex, kinds: readonly ts.SyntaxKind[]): ts.Node[] {
  return nodesAt(nodes, kinds.map((kind) => positions[kind]));
}
