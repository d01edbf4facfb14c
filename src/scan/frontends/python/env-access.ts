import type { SyntaxNode } from '@lezer/common';
import type { Range } from '../../../core/types.js';
import { isOpenAISettingName } from '../openai-names.js';
import type { PyContext } from './context.js';
import { argumentsOf, childrenOf, dottedName, is, plainString } from './syntax.js';

/** `os.environ` (or `environ` imported from os). */
function isEnviron(node: SyntaxNode, text: string): boolean {
  const name = dottedName(node, text);
  return name === 'os.environ' || name === 'environ';
}

/** An env read: its variable name, the range of that name (inside the quotes) and the default, if any. */
export interface EnvRead {
  name: string;
  nameRange: Range;
  /** `os.getenv("X", "default")` / `os.environ.get("X", "default")`. */
  fallback?: SyntaxNode;
  /** `"X" in os.environ`: whether the variable is set, not its value. */
  isCheck?: boolean;
}

/**
 * `os.environ["X"]`, `os.environ.get("X"[, d])`, `os.getenv("X"[, d])`, and `"X" in os.environ`
 * (or `not in`), a check that the variable is set; undefined when `node` is none of these.
 */
export function envReadOf(node: SyntaxNode, text: string): EnvRead | undefined {
  if (is(node, 'BinaryExpression')) {
    const children = childrenOf(node);
    const [left, operator] = children;
    const right = children.at(-1)!;
    const isMembership = is(children.at(-2), 'in') && (children.length === 3 || (children.length === 4 && is(operator, 'not')));
    const read = isMembership && isEnviron(right, text) ? readOf(left!, undefined, text) : undefined;
    return read && { ...read, isCheck: true };
  }
  if (is(node, 'MemberExpression')) {
    const children = childrenOf(node);
    if (!is(children[1], '[') || children.length !== 4 || !isEnviron(children[0]!, text)) return undefined;
    return readOf(children[2]!, undefined, text);
  }
  if (!is(node, 'CallExpression')) return undefined;
  const callee = node.firstChild;
  const argList = node.lastChild;
  if (callee === null || !is(argList, 'ArgList')) return undefined;
  const name = dottedName(callee, text);
  const isGet = name === 'os.getenv' || name === 'getenv' || name === 'os.environ.get' || name === 'environ.get';
  if (!isGet) return undefined;
  const args = argumentsOf(argList);
  const first = args[0];
  if (first === undefined || first.keyword !== undefined || first.star !== undefined) return undefined;
  const second = args[1];
  return readOf(first.value, second?.star === undefined ? second?.value : undefined, text);
}

function readOf(nameNode: SyntaxNode, fallback: SyntaxNode | undefined, text: string): EnvRead | undefined {
  const literal = plainString(nameNode, text);
  if (literal === undefined) return undefined;
  return { name: literal.value, nameRange: literal.content, ...(fallback ? { fallback } : {}) };
}

/** Reports every read of an OpenAI-related environment variable, and pydantic-settings fields named after one. */
export function collectEnvReads(ctx: PyContext, settingsBases: ReadonlySet<string>): void {
  for (const node of ctx.nodesOf('BinaryExpression', 'MemberExpression', 'CallExpression', 'ClassDefinition')) {
    const read = envReadOf(node, ctx.text);
    if (read !== undefined) {
      if (isOpenAISettingName(read.name)) {
        // A name written with escapes cannot be renamed in place.
        const isVerbatim = ctx.text.slice(read.nameRange.start, read.nameRange.end) === read.name;
        ctx.add('env-var', ctx.rangeOf(node), { name: read.name, detail: { ...(isVerbatim ? { nameRange: read.nameRange } : {}), ...(read.isCheck ? { isCheck: true } : {}) } });
      }
    } else if (is(node, 'ClassDefinition') && isSettingsClass(node, ctx.text, settingsBases)) {
      collectSettingsFields(ctx, node);
    }
  }
}

/** `class Settings(BaseSettings)`: pydantic-settings reads each field from the variable of the same name. */
function isSettingsClass(node: SyntaxNode, text: string, settingsBases: ReadonlySet<string>): boolean {
  const bases = node.getChild('ArgList');
  if (bases === null) return false;
  return argumentsOf(bases).some((base) => base.keyword === undefined && settingsBases.has(dottedName(base.value, text)?.split('.').pop() ?? ''));
}

function collectSettingsFields(ctx: PyContext, node: SyntaxNode): void {
  const body = node.getChild('Body');
  if (body === null) return;
  const prefix = /env_prefix\s*=\s*["']([A-Za-z0-9_]*)["']/.exec(ctx.textOf(body))?.[1] ?? '';
  for (const statement of childrenOf(body)) {
    if (!is(statement, 'AssignStatement')) continue;
    const target = statement.firstChild;
    if (!is(target, 'VariableName') || !is(target.nextSibling, 'TypeDef')) continue;
    const name = `${prefix}${ctx.textOf(target)}`.toUpperCase();
    if (isOpenAISettingName(name)) ctx.add('env-var', ctx.rangeOf(target), { name });
  }
}
