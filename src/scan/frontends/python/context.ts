import type { SyntaxNode, Tree } from '@lezer/common';
import { redactSecrets } from '../../../core/redact.js';
import { nodesAt } from '../../../core/nodes-at.js';
import { LineIndex } from '../../../core/span.js';
import type { Finding, FindingKind, Range } from '../../../core/types.js';

const MAX_SNIPPET = 160;

/** Per-file state shared by the finding families: the text, its tree, every node once, and the findings so far. */
export class PyContext {
  readonly lines: LineIndex;
  readonly findings: Finding[] = [];
  private allNodes: SyntaxNode[] | undefined;
  /** By node type name: the positions in `nodes` of that type's nodes, ascending. */
  private readonly positions = new Map<string, number[]>();

  constructor(
    readonly path: string,
    readonly text: string,
    readonly tree: Tree,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Every node in source order, collected once and shared by the families. */
  get nodes(): readonly SyntaxNode[] {
    if (this.allNodes === undefined) {
      const nodes: SyntaxNode[] = [];
      this.tree.iterate({
        enter: (ref) => {
          const at = this.positions.get(ref.name);
          if (at === undefined) this.positions.set(ref.name, [nodes.length]);
          else at.push(nodes.length);
          nodes.push(ref.node);
        },
      });
      this.allNodes = nodes;
    }
    return this.allNodes;
  }

  /**
   * The nodes of the @lezer/python types `names`, in source order. Each finding family asks for
   * the few types it looks at instead of testing every node of the file.
   */
  nodesOf(...names: string[]): SyntaxNode[] {
    // Listing the nodes fills the positions.
    const nodes = this.nodes;
    return nodesAt(nodes, names.map((name) => this.positions.get(name)));
  }

  textOf(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  rangeOf(node: SyntaxNode): Range {
    return { start: node.from, end: node.to };
  }

  createFinding(kind: FindingKind, range: Range, fields: Partial<Finding> = {}): Finding {
    const span = this.lines.span(range.start, range.end);
    return { file: this.path, language: 'python', kind, span, snippet: this.snippetAt(span.line), confidence: 'certain', ...fields };
  }

  add(kind: FindingKind, range: Range, fields: Partial<Finding> = {}): Finding {
    const finding = this.createFinding(kind, range, fields);
    this.findings.push(finding);
    return finding;
  }

  private snippetAt(line: number): string {
    const text = redactSecrets(this.lines.lineText(line).trim());
    return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
  }
}
