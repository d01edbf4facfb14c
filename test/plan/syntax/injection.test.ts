import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/apply/splice.js';
import { planMigration } from '../../../src/plan/plan.js';
import { getProviderOrThrow } from '../../../src/providers/index.js';
import { typescriptFrontend } from '../../../src/scan/frontends/typescript/index.js';
import { ts } from '../../../src/scan/frontends/typescript/ts.js';
import { HOSTILE_VALUES } from './hostile.js';

const SOURCE = `import OpenAI from 'openai';
const client = new OpenAI();
const MODEL = "gpt-4o";
const url = \`https://api.openai.com/v1/chat/completions?x=\${1}\`;
await client.chat.completions.create({ model: MODEL, messages: [] });
`;

/** Migrates SOURCE with user-supplied values; returns the new text. */
function migrate(options: Parameters<typeof planMigration>[2]): string {
  const scanned = typescriptFrontend.scan({ path: 'app.ts', text: SOURCE });
  if (!scanned.ok) throw new Error(scanned.message);
  const plan = planMigration({ findings: scanned.findings, texts: new Map([['app.ts', SOURCE]]) }, getProviderOrThrow('deepseek'), options);
  return applyEdits(SOURCE, plan.edits);
}

/** Every string the program holds: literal values and template pieces, in order. */
function strings(text: string): string[] {
  const file = ts.createSourceFile('app.ts', text, ts.ScriptTarget.Latest, true);
  expect((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if ('text' in node && typeof node.text === 'string' && !ts.isImportDeclaration(node.parent)) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('values from the command line or the configuration are written as data', () => {
  it.each(HOSTILE_VALUES)('a model id with %s stays one string', (_, value) => {
    expect(strings(migrate({ models: { 'gpt-4o': value } }))).toContain(value);
  });

  // `{name}` in a base URL is a placeholder filled from env (the Azure resource); '' matches every empty piece.
  const urls = HOSTILE_VALUES.filter(([name]) => name !== 'braces' && name !== 'empty');
  it.each(urls)('a base URL with %s stays one string in the client and in the template', (_, value) => {
    const migrated = strings(migrate({ baseUrl: value }));
    // The client's baseURL literal, and the head of the request URL template.
    expect(migrated.filter((text) => text === value || text === `${value}/chat/completions?x=`)).toHaveLength(2);
  });

  it('adds no statement: the migrated file has the same top-level shape', () => {
    const migrated = migrate({ models: { 'gpt-4o': "x'); process.exit(1); ('" }, baseUrl: '`${process.exit(1)}`' });
    const file = ts.createSourceFile('app.ts', migrated, ts.ScriptTarget.Latest, true);
    expect(file.statements.map((statement) => statement.kind)).toEqual([
      ts.SyntaxKind.ImportDeclaration,
      ts.SyntaxKind.VariableStatement,
      ts.SyntaxKind.VariableStatement,
      ts.SyntaxKind.VariableStatement,
      ts.SyntaxKind.ExpressionStatement,
    ]);
  });
});
