import type { SyntaxNode } from '@lezer/common';
import { dependencyFinding, readRequirement } from '../python-manifest.js';
import type { PyContext } from './context.js';
import { argumentsOf, childrenOf, flattenAccess, is, plainString } from './syntax.js';
import type { Definitions } from './values.js';

/** The keywords of `setup(…)` whose values are requirement strings: a list, or a dict of lists. */
const REQUIREMENT_KEYWORDS = new Set(['install_requires', 'extras_require', 'setup_requires']);

export function isSetupScript(path: string): boolean {
  return /(?:^|\/)setup\.py$/.test(path);
}

/**
 * `setup.py` is a manifest written as code: the OpenAI packages in the `install_requires` and
 * `extras_require` of its `setup(…)` call (`setuptools.setup` too), written in place or in a
 * module-level list (`REQUIRES = [...]`, `BASE + [...]`), are dependency findings as in
 * requirements files.
 */
export function collectSetupRequirements(ctx: PyContext, definitions: Definitions): void {
  for (const node of ctx.nodesOf('CallExpression')) {
    if (!is(node, 'CallExpression') || !isSetupCall(ctx, node.firstChild!)) continue;
    const argList = node.getChild('ArgList');
    if (argList === null) continue;
    for (const argument of argumentsOf(argList)) {
      const keyword = argument.keyword === undefined ? undefined : ctx.textOf(argument.keyword);
      if (keyword === undefined || !REQUIREMENT_KEYWORDS.has(keyword)) continue;
      for (const string of requirementStrings(ctx, argument.value, definitions, new Set())) {
        const content = plainString(string, ctx.text)!.content;
        const declared = readRequirement(ctx.text, content.start, content.end, keyword);
        const dependency = declared === undefined ? undefined : dependencyFinding(declared);
        if (declared !== undefined && dependency !== undefined) ctx.add(dependency.kind, declared.range, dependency.fields);
      }
    }
  }
}

function isSetupCall(ctx: PyContext, callee: SyntaxNode): boolean {
  const { root, names } = flattenAccess(callee, ctx.text);
  const name = names.at(-1) ?? (is(root, 'VariableName') ? ctx.textOf(root) : undefined);
  return name === 'setup';
}

/** The string literals of a requirements value: lists, tuples, dict values, `+`, and module constants. */
function requirementStrings(ctx: PyContext, node: SyntaxNode, definitions: Definitions, seen: Set<string>): SyntaxNode[] {
  if (is(node, 'String')) return plainString(node, ctx.text) ? [node] : [];
  if (is(node, 'VariableName')) {
    const name = ctx.textOf(node);
    const value = definitions.constants.get(name);
    if (value === undefined || seen.has(name)) return [];
    seen.add(name);
    return requirementStrings(ctx, value, definitions, seen);
  }
  if (is(node, 'ArrayExpression', 'TupleExpression', 'ParenthesizedExpression', 'BinaryExpression', 'DictionaryExpression')) {
    // In a dict only the values hold requirements; its keys are the extras' names.
    const children = childrenOf(node);
    const values = is(node, 'DictionaryExpression') ? children.filter((_, index) => is(children[index - 1], ':')) : children;
    return values.flatMap((child) => requirementStrings(ctx, child, definitions, seen));
  }
  return [];
}
