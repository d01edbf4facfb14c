import { describe, expect, it } from 'vitest';
import { typescriptSyntax } from '../../../src/plan/syntax/typescript.js';
import { ts } from '../../../src/scan/frontends/typescript/ts.js';
import { HOSTILE_VALUES } from './hostile.js';

/** Parses `text` as one expression statement; fails on any parse diagnostic. */
function parseExpression(text: string): ts.Expression {
  const file = ts.createSourceFile('x.ts', `(${text});`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([]);
  expect(file.statements).toHaveLength(1);
  const statement = file.statements[0]!;
  if (!ts.isExpressionStatement(statement) || !ts.isParenthesizedExpression(statement.expression)) throw new Error(`not one expression: ${text}`);
  return statement.expression.expression;
}

/** The value of a string literal or a template without substitutions; fails for anything else. */
function stringValue(text: string): string {
  const node = parseExpression(text);
  if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node)) throw new Error(`not one literal: ${text}`);
  return node.text;
}

describe.each(["'", '"'] as const)('TypeScript syntax with %s quotes', (quote) => {
  const syntax = typescriptSyntax('', quote);

  it.each(HOSTILE_VALUES)('writes %s as one literal with the same value', (_, value) => {
    const literal = syntax.string(value);
    expect(literal.startsWith(quote) && literal.endsWith(quote)).toBe(true);
    expect(stringValue(literal)).toBe(value);
  });

  it.each(HOSTILE_VALUES)('keeps %s visible: no raw control, format or separator character', (_, value) => {
    expect(syntax.string(value)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
  });

  it.each(HOSTILE_VALUES)('reads %s from env only as text around the reads', (_, value) => {
    const code = syntax.interpolate([value, { env: 'AZURE_OPENAI_RESOURCE' }, value]);
    const node = parseExpression(code);
    if (!ts.isTemplateExpression(node)) throw new Error(`not a template: ${code}`);
    expect(node.head.text).toBe(value);
    expect(node.templateSpans).toHaveLength(1);
    expect(node.templateSpans[0]!.expression.getText()).toBe('process.env.AZURE_OPENAI_RESOURCE');
    expect(node.templateSpans[0]!.literal.text).toBe(value);
  });
});

describe('TypeScript syntax', () => {
  const syntax = typescriptSyntax('', "'");

  it('writes a string without env reads as a plain literal', () => {
    expect(syntax.interpolate(['https://api.deepseek.com'])).toBe("'https://api.deepseek.com'");
  });

  it('writes the env template the Azure base URL needs', () => {
    expect(syntax.interpolate(['https://', { env: 'AZURE_OPENAI_RESOURCE' }, '.openai.azure.com/openai/v1'])).toBe(
      '`https://${process.env.AZURE_OPENAI_RESOURCE}.openai.azure.com/openai/v1`',
    );
  });

  it('builds a URL from an endpoint variable without doubling its trailing slash', () => {
    const code = syntax.interpolate([{ urlEnv: 'AZURE_OPENAI_ENDPOINT' }, '/openai/v1']);
    expect(code).toBe("`${(process.env.AZURE_OPENAI_ENDPOINT ?? '').replace(/\\/+$/, '')}/openai/v1`");
    const build = new Function('process', `return ${code};`) as (p: { env: Record<string, string> }) => string;
    expect(build({ env: { AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com/' } })).toBe('https://x.openai.azure.com/openai/v1');
    expect(build({ env: { AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' } })).toBe('https://x.openai.azure.com/openai/v1');
    expect(syntax.interpolate([{ urlEnv: 'AZURE_OPENAI_ENDPOINT' }])).toBe("(process.env.AZURE_OPENAI_ENDPOINT ?? '').replace(/\\/+$/, '')");
  });

  it('writes an Entra ID token provider and its import', () => {
    expect(syntax.azureTokenProvider('https://ai.azure.com/.default')).toEqual({
      code: "getBearerTokenProvider(new DefaultAzureCredential(), 'https://ai.azure.com/.default')",
      importLine: "import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';",
    });
  });

  it('reads env with an empty fallback in the file quote', () => {
    expect(syntax.envOr('ZAI_API_KEY', '')).toBe("process.env.ZAI_API_KEY ?? ''");
    expect(typescriptSyntax('', '"').envOr('ZAI_API_KEY', '')).toBe('process.env.ZAI_API_KEY ?? ""');
  });

  it('indexes env with a literal when the name is not an identifier', () => {
    const code = syntax.env("MY-KEY']; process.exit(1); //");
    const node = parseExpression(code);
    if (!ts.isElementAccessExpression(node) || !ts.isStringLiteral(node.argumentExpression)) throw new Error(code);
    expect(node.argumentExpression.text).toBe("MY-KEY']; process.exit(1); //");
  });

  it('writes options, groups, arguments and imports', () => {
    expect(syntax.option('baseURL', "'u'")).toBe("baseURL: 'u'");
    expect(syntax.option('api-key', "'u'")).toBe("'api-key': 'u'");
    expect(syntax.group([syntax.option('a', '1'), syntax.option('b', '2')])).toBe('{ a: 1, b: 2 }');
    expect(syntax.arguments([syntax.option('a', '1')])).toBe('{ a: 1 }');
    expect(syntax.importNames(['AzureOpenAI'], 'openai')).toBe("import { AzureOpenAI } from 'openai';");
  });

  const LITERALS = ["'gpt-4o'", '"gpt-4o"', '`gpt-4o`', '`${a}gpt-4o`', '`gpt-4o${a}`', '`${a}gpt-4o${b}`'];
  describe.each(LITERALS)('rewriting the model inside %s', (literal) => {
    it.each(HOSTILE_VALUES)('keeps %s one piece of the same literal', (_, value) => {
      const text = `(${literal});`;
      const start = text.indexOf('gpt-4o');
      const range = { start, end: start + 'gpt-4o'.length };
      // The piece's content: what lies between its delimiters (`'`, `` ` ``, `}` and `${`).
      const replacement = typescriptSyntax(text, "'").replaceInLiteral(range, range, value);
      expect(replacement.range).toEqual(range);
      const rewritten = text.slice(0, range.start) + replacement.text + text.slice(range.end);
      const node = parseExpression(rewritten.slice(1, -2));
      const pieces = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('|') : (node as ts.StringLiteral).text;
      const expected = ts.isTemplateExpression(node) ? literal.slice(1, -1).replace(/\$\{\w\}/g, '|').replace('gpt-4o', () => value) : value;
      expect(pieces).toBe(expected);
    });
  });
});
