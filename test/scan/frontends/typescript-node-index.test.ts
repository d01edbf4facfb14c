import { describe, expect, it } from 'vitest';
import { ts } from '../../../src/scan/frontends/typescript/ts.js';
import { parseSource } from '../../../src/scan/frontends/typescript/parse.js';
import { indexNodes, nodesOfKinds } from '../../../src/scan/frontends/typescript/syntax.js';

function index(code: string) {
  const parsed = parseSource('a.ts', code);
  if (!parsed.ok) throw new Error(parsed.message);
  return indexNodes(parsed.sourceFile);
}

const textOf = (nodes: ts.Node[]) => nodes.map((node) => node.getText());

describe('the node index', () => {
  it('lists the nodes of several kinds in source order, a node before the nodes inside it', () => {
    // The outer call and its callee start at the same offset: only the walk's order tells them apart.
    const nodes = nodesOfKinds(index('f(g(x)); const y = h;'), [ts.SyntaxKind.Identifier, ts.SyntaxKind.CallExpression]);
    expect(textOf(nodes)).toEqual(['f(g(x))', 'f', 'g(x)', 'g', 'x', 'y', 'h']);
  });

  it('gives the same nodes as filtering the whole walk', () => {
    const code = "import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: process.env.K });\nexport async function run() { return (await c.chat.completions.create({ model: `gpt-${v}` })) as any; }";
    const built = index(code);
    const kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.PropertyAccessExpression, ts.SyntaxKind.TemplateExpression, ts.SyntaxKind.AwaitExpression];
    expect(nodesOfKinds(built, kinds)).toEqual(built.nodes.filter((node) => kinds.includes(node.kind)));
  });

  it('lists a kind asked for twice once, and nothing for a kind the file lacks', () => {
    const built = index('a(); b();');
    expect(textOf(nodesOfKinds(built, [ts.SyntaxKind.CallExpression, ts.SyntaxKind.CallExpression]))).toEqual(['a()', 'b()']);
    expect(nodesOfKinds(built, [ts.SyntaxKind.NewExpression])).toEqual([]);
  });

  it('sets every node its parent', () => {
    const built = index('const x = { a: [1, f(2)] };');
    for (const node of built.nodes.slice(1)) expect(node.parent?.getChildren().flatMap((child) => (child.kind === ts.SyntaxKind.SyntaxList ? child.getChildren() : [child]))).toContain(node);
  });
});
