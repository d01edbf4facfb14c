import type { ts } from './ts.js';
import { LineIndex } from '../../../core/span.js';
import { redactSecrets } from '../../../core/redact.js';
import type { Finding, FindingKind, Range } from '../../../core/types.js';
import { importedEnv, type EnvImports } from './env-access.js';
import { indexNodes, nodesOfKinds, type NodeIndex } from './syntax.js';

const MAX_SNIPPET = 160;

/** Per-file state shared by the finding families: the tree, line index and the findings so far. */
export class FileContext {
  readonly lines: LineIndex;
  readonly findings: Finding[] = [];

  /** Every node, collected by the walk that sets the parents. */
  private readonly index: NodeIndex;

  /** `sourceFile` as parsed, without parents: they are set here. */
  constructor(
    readonly path: string,
    readonly language: string,
    readonly sourceFile: ts.SourceFile,
  ) {
    this.lines = new LineIndex(sourceFile.text);
    this.index = indexNodes(sourceFile);
  }

  /**
   * The nodes of `kinds` in source order. Each finding family asks for the few kinds it looks
   * at: testing every node of a file against every family's predicates was most of the analysis.
   */
  nodesOf(kinds: readonly ts.SyntaxKind[]): ts.Node[] {
    return nodesOfKinds(this.index, kinds);
  }

  private envImportsFound: EnvImports | undefined;

  /** How the file imports the environment besides `process.env` (SvelteKit's `$env` modules). */
  get envImports(): EnvImports {
    this.envImportsFound ??= importedEnv(this.sourceFile);
    return this.envImportsFound;
  }

  get text(): string {
    return this.sourceFile.text;
  }

  /** The node's range without leading trivia. */
  rangeOf(node: ts.Node): Range {
    return { start: node.getStart(this.sourceFile), end: node.getEnd() };
  }

  /** Builds a finding at `range`; the caller decides whether to keep it. */
  createFinding(kind: FindingKind, range: Range, fields: Partial<Finding> = {}): Finding {
    const span = this.lines.span(range.start, range.end);
    return {
      file: this.path,
      language: this.language,
      kind,
      span,
      snippet: this.snippetAt(span.line),
      confidence: 'certain',
      ...fields,
    };
  }

  add(kind: FindingKind, range: Range, fields: Partial<Finding> = {}): Finding {
    const finding = this.createFinding(kind, range, fields);
    this.findings.push(finding);
    return finding;
  }

  /** Once per line: a line with thousands of findings is redacted once, not once per finding. */
  private snippetAt(line: number): string {
    let snippet = this.snippets.get(line);
    if (snippet === undefined) {
      const text = redactSecrets(this.lines.lineText(line).trim());
      snippet = text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
      this.snippets.set(line, snippet);
    }
    return snippet;
  }

  private readonly snippets = new Map<number, string>();
}
