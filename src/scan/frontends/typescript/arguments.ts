import { ts } from './ts.js';
import { lineStartAt } from '../../../core/line-breaks.js';
import type { ArgumentInfo, PropertyInfo, ValueInfo } from '../../../core/types.js';
import type { FileContext } from './context.js';
import { envNameOf, isStaticEnvRead } from './env-access.js';
import { isPlainString, nameText, unwrap } from './syntax.js';
import { resolveObjectLiteral } from './values.js';

/**
 * Describes the options argument of a constructor or API call for the planner: the first
 * argument that is (or names) an object literal, else the first argument, else the empty
 * range inside the parentheses.
 */
export function describeArgument(
  ctx: FileContext,
  call: ts.CallExpression | ts.NewExpression,
  args: ts.NodeArray<ts.Expression> | undefined,
): ArgumentInfo {
  const list = args ?? [];
  for (const arg of list) {
    const object = resolveObjectLiteral(arg);
    if (object) return describeObject(ctx, object);
  }
  const first = list[0];
  if (first !== undefined) return { kind: 'other', range: ctx.rangeOf(first), text: first.getText(ctx.sourceFile) };
  const close = call.getEnd() - 1;
  const inside = args === undefined ? call.getEnd() : close;
  return { kind: 'none', range: { start: inside, end: inside } };
}

function describeObject(ctx: FileContext, object: ts.ObjectLiteralExpression): Extract<ArgumentInfo, { kind: 'object' }> {
  const properties: PropertyInfo[] = [];
  let isOpen = false;
  for (const property of object.properties) {
    const name = nameText(property.name);
    if (name === undefined || ts.isSpreadAssignment(property)) {
      isOpen = true;
      continue;
    }
    if (ts.isPropertyAssignment(property)) {
      properties.push({ name, range: ctx.rangeOf(property), value: describeValue(ctx, property.initializer) });
    } else if (ts.isShorthandPropertyAssignment(property)) {
      properties.push({ name, isShorthand: true, range: ctx.rangeOf(property), value: describeValue(ctx, property.name) });
    } else {
      properties.push({ name, range: ctx.rangeOf(property), value: { kind: 'other', range: ctx.rangeOf(property), text: '' } });
    }
  }
  const text = ctx.text;
  const start = object.getStart(ctx.sourceFile);
  const isMultiline = object.properties.length > 0 && ctx.lines.lineOf(start) !== ctx.lines.lineOf(object.properties[0]!.getStart(ctx.sourceFile));
  let propertyIndent: string | null = null;
  if (isMultiline) {
    const firstStart = object.properties[0]!.getStart(ctx.sourceFile);
    const lineStart = lineStartAt(text, firstStart);
    propertyIndent = text.slice(lineStart, firstStart);
  }
  return {
    kind: 'object',
    range: ctx.rangeOf(object),
    properties,
    propertyIndent,
    hasTrailingComma: object.properties.hasTrailingComma,
    lastElementEnd: object.properties.length > 0 ? object.properties[object.properties.length - 1]!.getEnd() : null,
    listEnd: object.properties.end,
    isOpen,
  };
}

function isEmptyFallback(expression: ts.BinaryExpression): boolean {
  const operator = expression.operatorToken.kind;
  const right = unwrap(expression.right);
  return (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) && isPlainString(right) && right.text === '';
}

export function describeValue(ctx: FileContext, expression: ts.Expression): ValueInfo {
  const range = ctx.rangeOf(expression);
  const text = expression.getText(ctx.sourceFile);
  const inner = unwrap(expression);
  if (isPlainString(inner)) return { kind: 'string', range, text, value: inner.text };
  if (ts.isNumericLiteral(inner)) return { kind: 'number', range, text, value: Number(inner.text.replace(/_/g, '')) };
  // `X ?? ''` (what the plan writes after a key read) reads X: an empty key is no other source.
  const hasEmptyFallback = ts.isBinaryExpression(inner) && isEmptyFallback(inner);
  const read = hasEmptyFallback ? unwrap(inner.left) : inner;
  const envName = envNameOf(read, ctx.envImports);
  if (envName !== undefined) {
    return { kind: 'env', range, text, name: envName, ...(isStaticEnvRead(read, ctx.envImports) ? { isImported: true } : {}), ...(hasEmptyFallback ? { hasEmptyFallback } : {}) };
  }
  if (ts.isObjectLiteralExpression(inner)) return { kind: 'object', range, text, object: describeObject(ctx, inner) };
  return { kind: 'other', range, text };
}
