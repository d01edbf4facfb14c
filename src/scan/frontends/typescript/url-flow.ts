import { ts } from './ts.js';
import type { Finding } from '../../../core/types.js';
import type { FileContext } from './context.js';
import { ENV_READS, envNameOf } from './env-access.js';
import { isGenericUrlName } from '../openai-names.js';
import { nameText, TRANSPARENT_KINDS, unwrap } from './syntax.js';
import { findValue, resolveStrings, type ImportedRef } from './values.js';

const OPENAI_URL_NAME = /openai.*(?:url|base|host|endpoint)|(?:url|base|host|endpoint).*openai/i;
const OPENAI_URL = /api\.openai\.com|\.openai\.azure\.com/;
/** Client options that carry the base URL: the SDK's, LangChain's, the `chatgpt` wrapper's. */
/** Fallbacks, client options, URL templates, and env reads, also under parentheses, `as` or `await`. */
const URL_FLOW_SITES = [
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.TemplateExpression,
  ...ENV_READS,
  ...TRANSPARENT_KINDS,
];
const URL_OPTIONS = new Set(['baseURL', 'baseUrl', 'basePath', 'apiBaseUrl', 'endpoint']);

/** What one file says about base URLs that reach OpenAI through names that do not say so. */
export interface UrlFlow {
  /** Property and variable names whose value is used as an OpenAI base (`serverConfig.baseUrl || OPENAI_BASE_URL`). */
  holders: string[];
  /** Env variables read straight into an OpenAI base. */
  envNames: string[];
  /** Reads of generic URL variables, kept if what they are stored under is such a holder. */
  reads: { finding: Finding; holder: string }[];
}

/**
 * Follows generic base-URL names into OpenAI requests: a value chosen instead of OpenAI's URL
 * (`a || OPENAI_BASE_URL`), given as a client's base URL, or templated into a request URL
 * (`` `${baseUrl}/${path}` `` where `baseUrl` is such a value, reported as a `likely` base URL).
 */
export function collectUrlFlow(ctx: FileContext, relative: ReadonlyMap<string, ImportedRef>): UrlFlow {
  const flow: UrlFlow = { holders: [], envNames: [], reads: [] };
  const isOpenAIBase = (expression: ts.Expression): boolean => {
    const inner = unwrap(expression);
    const name = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
    if (name !== undefined && OPENAI_URL_NAME.test(name)) return true;
    return resolveStrings(inner, relative).literals.some((literal) => OPENAI_URL.test(literal.text));
  };
  /** Names and env reads inside an expression that is used as an OpenAI base. */
  const markSources = (expression: ts.Expression) => {
    const visit = (node: ts.Node) => {
      const env = ts.isExpression(node) ? envNameOf(node, ctx.envImports) : undefined;
      if (env !== undefined) flow.envNames.push(env);
      else if (ts.isPropertyAccessExpression(node)) flow.holders.push(node.name.text);
      else if (ts.isIdentifier(node)) flow.holders.push(node.text);
      if (env === undefined) ts.forEachChild(node, visit);
    };
    visit(expression);
  };
  /** `a || OPENAI_BASE_URL`, `a ?? 'https://api.openai.com'`: `a` is used as an OpenAI base. */
  const fallsBackToOpenAI = (expression: ts.Expression, depth = 0): boolean => {
    const inner = unwrap(expression);
    if (depth > 4) return false;
    if (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.BarBarToken || inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      return isOpenAIBase(inner.right) || fallsBackToOpenAI(inner.left, depth + 1);
    }
    if (ts.isIdentifier(inner)) {
      const value = findValue(inner, false);
      return value !== undefined && fallsBackToOpenAI(value, depth + 1);
    }
    return false;
  };

  ctx.nodesOf(URL_FLOW_SITES).forEach((node) => {
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      if (isOpenAIBase(node.right) && !isOpenAIBase(node.left)) markSources(node.left);
    } else if (ts.isPropertyAssignment(node) && URL_OPTIONS.has(nameText(node.name) ?? '') && isClientOptions(node.parent)) {
      markSources(node.initializer);
    } else if (ts.isTemplateExpression(node) && node.head.text === '' && node.templateSpans[0]!.literal.text.startsWith('/')) {
      if (fallsBackToOpenAI(node.templateSpans[0]!.expression)) ctx.add('base-url', ctx.rangeOf(node), { api: node.getText(ctx.sourceFile), confidence: 'likely', detail: {} });
    } else if (ts.isExpression(node)) {
      const env = envNameOf(node, ctx.envImports);
      const holder = env !== undefined && isGenericUrlName(env) ? holderOf(node) : undefined;
      if (env !== undefined && holder !== undefined) {
        flow.reads.push({ finding: ctx.createFinding('env-var', ctx.rangeOf(node), { name: env, confidence: 'likely', detail: { isGenericName: true } }), holder });
      }
    }
  });
  return flow;
}

/** An object literal given to a constructor (`new OpenAI({ baseURL })`, `new ChatGPTAPI({ apiBaseUrl })`). */
function isClientOptions(object: ts.Node): boolean {
  return ts.isObjectLiteralExpression(object) && ts.isNewExpression(object.parent);
}

/** The property or variable a value is stored under: `baseUrl: process.env.BASE_URL`, `const base = …`. */
function holderOf(node: ts.Expression): string | undefined {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isBinaryExpression(current.parent) || ts.isConditionalExpression(current.parent) || ts.isAsExpression(current.parent)) {
    current = current.parent;
  }
  const parent = current.parent;
  if (ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) return nameText(parent.name);
  return undefined;
}
