import { describe, expect, it } from 'vitest';
import { PyContext } from '../../../../src/scan/frontends/python/context.js';
import { parsePython } from '../../../../src/scan/frontends/python/parse.js';

function context(code: string): PyContext {
  const parsed = parsePython(code);
  if (!parsed.ok) throw new Error(parsed.message);
  return new PyContext('a.py', code, parsed.tree);
}

describe('PyContext.nodesOf', () => {
  it('lists the nodes of several types in source order, a node before the nodes inside it', () => {
    const ctx = context('f(g(x))\ny = h\n');
    const found = ctx.nodesOf('VariableName', 'CallExpression').map((node) => `${node.name} ${ctx.textOf(node)}`);
    expect(found).toEqual(['CallExpression f(g(x))', 'VariableName f', 'CallExpression g(x)', 'VariableName g', 'VariableName x', 'VariableName y', 'VariableName h']);
  });

  it('gives the same nodes as filtering every node, a type asked for twice once, and none for a missing type', () => {
    const ctx = context('import os\nclient = OpenAI(api_key=os.environ["K"])\nif "K" in os.environ:\n    client.chat.completions.create(model=m)\n');
    const types = ['CallExpression', 'MemberExpression', 'BinaryExpression', 'CallExpression'];
    expect(ctx.nodesOf(...types).map((node) => node.from)).toEqual(ctx.nodes.filter((node) => types.includes(node.name)).map((node) => node.from));
    expect(ctx.nodesOf('ClassDefinition')).toEqual([]);
  });
});
