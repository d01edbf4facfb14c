import type { SyntaxNode } from '@lezer/common';

declare const NAMED: unique symbol;
/** A node whose type name was checked. The brand keeps the negative branch of `is` a plain SyntaxNode. */
export type NamedNode = SyntaxNode & { readonly [NAMED]: true };

/** Whether `node` exists and is of one of the @lezer/python node types `names`. */
export function is(node: SyntaxNode | null | undefined, ...names: string[]): node is NamedNode {
  return node != null && names.includes(node.name);
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child);
  return children;
}

/** One argument of a call: `x`, `key=value`, `*args` or `**kwargs`. */
export interface CallArgument {
  /** The keyword of `key=value`. */
  keyword?: SyntaxNode;
  /** The value (the whole argument for `*args` / `**kwargs`). */
  value: SyntaxNode;
  /** `*` or `**` when the argument is unpacked. */
  star?: string;
  from: number;
  to: number;
}

/**
 * The arguments of an `ArgList`, which the grammar keeps flat (`VariableName AssignOp value`
 * for a keyword argument): split at the commas.
 */
export function argumentsOf(argList: SyntaxNode): CallArgument[] {
  const result: CallArgument[] = [];
  let group: SyntaxNode[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    if (group.length >= 3 && is(first, 'VariableName') && is(group[1], 'AssignOp')) {
      result.push({ keyword: first, value: group[2]!, from: first.from, to: last.to });
    } else if (is(first, '*', '**') && group.length >= 2) {
      result.push({ value: group[1]!, star: first.name, from: first.from, to: last.to });
    } else {
      // A generator argument (`f(x for x in y)`) is several nodes: the whole group is the value.
      result.push({ value: group.length === 1 ? first : argList, from: first.from, to: last.to });
    }
    group = [];
  };
  for (const child of childrenOf(argList)) {
    if (is(child, '(', ')')) continue;
    if (is(child, ',')) flush();
    else group.push(child);
  }
  flush();
  return result;
}

/** `a.b.c` → { root: a, names: ['b', 'c'] }; calls and subscripts end the chain. */
export function flattenAccess(node: SyntaxNode, text: string): { root: SyntaxNode; names: string[] } {
  const names: string[] = [];
  let current = node;
  while (is(current, 'MemberExpression')) {
    const property = current.lastChild;
    const object = current.firstChild;
    if (!is(property, 'PropertyName') || object === null) break;
    names.unshift(text.slice(property.from, property.to));
    current = object;
  }
  return { root: current, names };
}

/** The dotted name an expression spells (`openai.types.chat`), or undefined. */
export function dottedName(node: SyntaxNode, text: string): string | undefined {
  const { root, names } = flattenAccess(node, text);
  return is(root, 'VariableName') ? [text.slice(root.from, root.to), ...names].join('.') : undefined;
}

export function textOf(node: SyntaxNode, text: string): string {
  return text.slice(node.from, node.to);
}

/** Strips parentheses around an expression. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (is(current, 'ParenthesizedExpression')) {
    const inner = childrenOf(current).filter((child) => !is(child, '(', ')'));
    if (inner.length !== 1) break;
    current = inner[0]!;
  }
  return current;
}

/** A plain string literal: quotes, its decoded value and the range of its content. */
export interface PlainString {
  value: string;
  /** Between the quotes. */
  content: { start: number; end: number };
  quote: string;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

/**
 * A single string literal without an f/b prefix (`"x"`, `'x'`, `"""x"""`, `r"x"`, `u"x"`),
 * decoded. Implicit concatenation, f-strings and bytes are not plain.
 */
export function plainString(node: SyntaxNode, text: string): PlainString | undefined {
  if (!is(node, 'String')) return undefined;
  const raw = text.slice(node.from, node.to);
  const match = /^([rRuU]?)('''|"""|'|")/.exec(raw);
  if (match === null) return undefined;
  const quote = match[2]!;
  const start = node.from + match[0].length;
  const end = node.to - quote.length;
  if (end < start || !raw.endsWith(quote)) return undefined;
  const body = text.slice(start, end);
  const isRaw = /r/i.test(match[1]!);
  const value = isRaw ? body : decodeEscapes(body);
  return { value, content: { start, end }, quote };
}

function decodeEscapes(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|[\s\S])/g, (whole, escape: string) => {
    if (escape in ESCAPES) return ESCAPES[escape]!;
    if (/^[xuU]/.test(escape)) return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCodePoint(Number.parseInt(escape, 8));
    // Unknown escapes (and \N{…}) stay as written.
    return whole;
  });
}

/** A numeric literal's value, or undefined for complex/invalid ones. */
export function numberValue(node: SyntaxNode, text: string): number | undefined {
  if (!is(node, 'Number')) return undefined;
  const value = Number(textOf(node, text).replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}
