import type { SyntaxNode } from '@lezer/common';
import { isDistinctiveModelId, isModelId } from '../../../core/model-ids.js';
import { OPENAI_KEY_PATTERN } from '../../../core/redact.js';
import type { Confidence, Range } from '../../../core/types.js';
import type { PyContext } from './context.js';
import { dottedName, flattenAccess, is, plainString } from './syntax.js';

const OPENAI_HOST = /(?:https?:\/\/|wss:\/\/)?(?:(?:us|eu|ae)\.)?api\.openai\.com[^\s'"`{}]*/;
const MODEL_NAME = /model|engine|deployment/i;
/** Calls whose string arguments are not model ids to rewrite: prefix tests, tiktoken, test doubles. */
const NOT_MODEL_CALLS = /(?:^|\.)(?:startswith|endswith|removeprefix|removesuffix|encoding_for_model|patch|setattr|setenv|Mock|MagicMock|AsyncMock)$/;

/**
 * Reports model ids, OpenAI URLs and keys in string literals. `certainModels` holds the
 * literals (by start offset) the call families saw in a model position.
 */
export function collectLiterals(ctx: PyContext, certainModels: ReadonlySet<number>): void {
  const stringRanges: Range[] = [];
  for (const node of ctx.nodesOf('FormatString', 'String')) {
    if (is(node, 'FormatString')) {
      reportUrl(ctx, node.from, node.to);
      continue;
    }
    const literal = plainString(node, ctx.text);
    if (literal === undefined) continue;
    stringRanges.push(literal.content);
    reportUrl(ctx, literal.content.start, literal.content.end);
    if (isModelId(literal.value) && !isExcluded(ctx, node)) {
      const confidence: Confidence | undefined = certainModels.has(node.from)
        ? 'certain'
        : isInModelPosition(ctx, node)
          ? 'likely'
          : isDistinctiveModelId(literal.value)
            ? 'possible'
            : undefined;
      if (confidence) ctx.add('model', ctx.rangeOf(node), { model: literal.value, confidence, detail: { literal: literal.content } });
    }
  }
  reportKeys(ctx, stringRanges);
}

function reportUrl(ctx: PyContext, start: number, end: number): void {
  const raw = ctx.text.slice(start, end);
  const url = OPENAI_HOST.exec(raw);
  if (url === null) return;
  const at = start + url.index;
  ctx.add('base-url', { start: at, end: at + url[0].length }, { api: url[0], detail: { literal: { start, end } } });
}

/** Docstrings, and arguments of prefix tests, tiktoken and mocks. */
function isExcluded(ctx: PyContext, node: SyntaxNode): boolean {
  if (is(node.parent, 'ExpressionStatement') && node.parent.firstChild === node && node.parent.lastChild === node) return true;
  const call = node.parent?.parent;
  if (is(node.parent, 'ArgList') && is(call, 'CallExpression')) {
    const callee = call.firstChild!;
    const { names } = flattenAccess(callee, ctx.text);
    const name = names.length > 0 ? `.${names[names.length - 1]}` : ctx.textOf(callee);
    if (NOT_MODEL_CALLS.test(name)) return true;
  }
  return false;
}

/** The literal is the value of something named like a model: keyword, assignment, field, dict key, `Literal[…]`, default. */
function isInModelPosition(ctx: PyContext, node: SyntaxNode): boolean {
  let current = node;
  for (let depth = 0; depth < 6; depth++) {
    const parent = current.parent;
    if (parent === null) return false;
    if (is(parent, 'ConditionalExpression', 'BinaryExpression', 'ParenthesizedExpression', 'TupleExpression', 'ArrayExpression', 'SetExpression')) {
      current = parent;
      continue;
    }
    // `Literal["gpt-4o", "gpt-4o-mini"]`, `Field("gpt-4o")`, `os.getenv("MODEL", "gpt-4o")`: look at what holds them.
    if (is(parent, 'MemberExpression') && parent.firstChild !== current) {
      current = parent;
      continue;
    }
    if (is(parent, 'ArgList')) {
      const previous = current.prevSibling;
      const keyword = is(previous, 'AssignOp') && previous.prevSibling ? ctx.textOf(previous.prevSibling) : undefined;
      if (keyword !== undefined && MODEL_NAME.test(keyword)) return true;
      const callee = parent.parent?.firstChild;
      const calleeName = callee ? (dottedName(callee, ctx.text) ?? '') : '';
      const isDefault = keyword === undefined || (keyword === 'default' && /(?:^|\.)(?:Field|field)$/.test(calleeName));
      if (isDefault && /(?:^|\.)(?:getenv|get|Field|field)$/.test(calleeName)) {
        current = parent.parent!;
        continue;
      }
      return false;
    }
    if (is(parent, 'DictionaryExpression')) {
      // `{"model": "gpt-4o"}` names the value; a key that is itself an id lives in a table named after models.
      const previous = current.prevSibling;
      if (is(previous, ':') && previous.prevSibling) {
        const key = plainString(previous.prevSibling, ctx.text);
        if (key && MODEL_NAME.test(key.value)) return true;
      }
      current = parent;
      continue;
    }
    if (is(parent, 'AssignStatement', 'TypeDef')) {
      const target = parent.name === 'TypeDef' ? parent.parent?.firstChild : parent.firstChild;
      if (target === null || target === undefined || target === current) return false;
      const { root, names } = flattenAccess(target, ctx.text);
      const name = names.length > 0 ? names[names.length - 1]! : ctx.textOf(root);
      return MODEL_NAME.test(name);
    }
    if (is(parent, 'ParamList')) {
      const previous = current.prevSibling;
      const name = is(previous, 'AssignOp') ? previous.prevSibling : null;
      const param = is(name, 'TypeDef') ? name.prevSibling : name;
      return param !== null && MODEL_NAME.test(ctx.textOf(param));
    }
    return false;
  }
  return false;
}

/** Keys anywhere in the text, comments included; `literal`/`expression` only when the key is a string value. */
function reportKeys(ctx: PyContext, strings: readonly Range[]): void {
  for (const match of ctx.text.matchAll(OPENAI_KEY_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    const content = strings.find((range) => range.start <= start && end <= range.end);
    const isWhole = content !== undefined && content.start === start && content.end === end;
    ctx.add('api-key', { start, end }, {
      detail: content ? { literal: { start, end }, ...(isWhole ? { expression: expressionAround(ctx.text, content) } : {}) } : {},
    });
  }
}

/** The whole literal around its content (the quotes, and a prefix such as `r`). */
function expressionAround(text: string, content: Range): Range {
  let start = content.start;
  while (start > 0 && /['"]/.test(text[start - 1]!)) start--;
  while (start > 0 && /[rRuU]/.test(text[start - 1]!)) start--;
  const quotes = content.start - start - (/[rRuU]/.test(text[start]!) ? 1 : 0);
  return { start, end: content.end + quotes };
}
