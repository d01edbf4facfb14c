import type { SyntaxNode } from '@lezer/common';
import { lineStartAt } from '../../../core/line-breaks.js';
import type { ArgumentInfo, PropertyInfo, ValueInfo } from '../../../core/types.js';
import type { PyContext } from './context.js';
import { envReadOf } from './env-access.js';
import { argumentsOf, childrenOf, is, numberValue, plainString, unwrap } from './syntax.js';

/**
 * Describes a call's argument list for the planner, in the shape TypeScript's options object
 * has: the keyword arguments are the properties, the parentheses the braces.
 */
export function describeArguments(ctx: PyContext, argList: SyntaxNode): ArgumentInfo {
  const args = argumentsOf(argList);
  const children = childrenOf(argList);
  const open = children[0]!;
  if (args.length === 0) return { kind: 'none', range: { start: open.to, end: open.to } };
  const properties: PropertyInfo[] = [];
  let isOpen = false;
  for (const arg of args) {
    if (arg.keyword === undefined) {
      isOpen = true;
      continue;
    }
    properties.push({ name: ctx.textOf(arg.keyword), range: { start: arg.from, end: arg.to }, value: describeValue(ctx, arg.value) });
  }
  const close = children[children.length - 1]!;
  const beforeClose = children[children.length - 2];
  const hasTrailingComma = is(close, ')') && is(beforeClose, ',');
  const last = args[args.length - 1]!;
  const first = args[0]!;
  let propertyIndent: string | null = null;
  if (ctx.lines.lineOf(open.from) !== ctx.lines.lineOf(first.from)) {
    const lineStart = lineStartAt(ctx.text, first.from);
    propertyIndent = ctx.text.slice(lineStart, first.from);
  }
  return {
    kind: 'object',
    range: ctx.rangeOf(argList),
    properties,
    propertyIndent,
    hasTrailingComma,
    lastElementEnd: last.to,
    listEnd: hasTrailingComma ? beforeClose!.to : last.to,
    isOpen,
  };
}

export function describeValue(ctx: PyContext, node: SyntaxNode): ValueInfo {
  const range = ctx.rangeOf(node);
  const text = ctx.textOf(node);
  const inner = unwrap(node);
  const literal = plainString(inner, ctx.text);
  if (literal !== undefined) return { kind: 'string', range, text, value: literal.value };
  const number = numberValue(inner, ctx.text);
  if (number !== undefined) return { kind: 'number', range, text, value: number };
  const env = envReadOf(inner, ctx.text);
  if (env !== undefined) return { kind: 'env', range, text, name: env.name };
  return { kind: 'other', range, text };
}
