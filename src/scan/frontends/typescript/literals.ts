import { ts } from './ts.js';
import { isDistinctiveModelId, isModelId } from '../../../core/model-ids.js';
import { OPENAI_KEY_PATTERN } from '../../../core/redact.js';
import type { Confidence, Range } from '../../../core/types.js';
import type { FileContext } from './context.js';
import { wordsOf } from '../openai-names.js';
import { dynamicImportModule, isPlainString, nameText, requiredModule } from './syntax.js';

/** OpenAI's API host, or an Azure OpenAI resource's (`https://YOUR-RESOURCE.openai.azure.com/`, placeholders included). */
const OPENAI_HOST = /(?:https?:\/\/|wss:\/\/)?(?:(?:us|eu|ae)\.)?api\.openai\.com[^\s'"`]*|https:\/\/[\w{}<>$-]+\.openai\.azure\.com[^\s'"`]*/;
const MODEL_NAME = /model|engine|deployment/i;
/** String literals and the text pieces of templates. */
const STRING_PIECES = [
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
];

/** A string literal piece and the range of its text between the quotes. */
interface LiteralPiece {
  node: ts.Node;
  value: string;
  content: Range;
}

/**
 * Reports model ids, OpenAI URLs and keys that appear in string literals. `certainModels` are
 * the literals the API-call family already saw in a model position.
 */
export function collectLiterals(ctx: FileContext, certainModels: ReadonlySet<ts.Node>): void {
  const pieces: LiteralPiece[] = [];
  ctx.nodesOf(STRING_PIECES).forEach((node) => {
    if (isPlainString(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const range = ctx.rangeOf(node);
      const open = 1;
      const close = ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ? 2 : 1;
      pieces.push({ node, value: node.text, content: { start: range.start + open, end: range.end - close } });
    }
  });

  for (const piece of pieces) {
    if (isPlainString(piece.node) && !isModuleSpecifier(piece.node)) reportModel(ctx, piece, certainModels);
    const url = OPENAI_HOST.exec(piece.value);
    if (url) {
      // `value` is the cooked text; find the raw text in the file so escapes do not shift offsets.
      const raw = ctx.text.slice(piece.content.start, piece.content.end);
      const at = raw.indexOf(url[0]);
      const start = at === -1 ? piece.content.start : piece.content.start + at;
      const range = { start, end: at === -1 ? piece.content.end : start + url[0].length };
      ctx.add('base-url', range, { api: url[0], detail: { literal: piece.content } });
    }
  }
  reportKeys(ctx, pieces);
}

function reportModel(ctx: FileContext, piece: LiteralPiece, certainModels: ReadonlySet<ts.Node>): void {
  if (!isModelId(piece.value)) return;
  if (!certainModels.has(piece.node) && (isStringTest(piece.node) || isInOtherCatalogue(piece.node))) return;
  let confidence: Confidence;
  if (certainModels.has(piece.node)) confidence = 'certain';
  else if (isInModelPosition(piece.node)) confidence = 'likely';
  else if (isDistinctiveModelId(piece.value)) confidence = 'possible';
  else return;
  ctx.add('model', ctx.rangeOf(piece.node), { model: piece.value, confidence, detail: { literal: piece.content } });
}

/** The literal initialises something named like a model (`model:`, `const DEFAULT_MODEL =`, `model = '…'`). */
function isInModelPosition(node: ts.Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isConditionalExpression(parent) ||
      (ts.isBinaryExpression(parent) && parent.right === current)
    ) {
      current = parent;
      continue;
    }
    if (ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent) || ts.isBindingElement(parent)) {
      const name = nameText(parent.name);
      return name !== undefined && MODEL_NAME.test(name);
    }
    return false;
  }
}

/** String methods that test or search: `model.startsWith('gpt-4')` checks a capability, it sends no model. */
const STRING_TESTS = new Set(['startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'match', 'matchAll', 'search', 'test', 'split', 'replace', 'replaceAll']);

function isStringTest(node: ts.Node): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return ts.isNewExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'RegExp';
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && STRING_TESTS.has(callee.name.text);
}

/** Other providers, as a word of the name a list or map of models is stored under (`GROQ_MODELS`). */
const OTHER_PROVIDERS = new Set([
  'anthropic', 'claude', 'gemini', 'google', 'vertex', 'groq', 'mistral', 'together', 'openrouter', 'deepseek', 'moonshot', 'kimi',
  'qwen', 'dashscope', 'zhipu', 'glm', 'baidu', 'qianfan', 'ernie', 'ollama', 'bedrock', 'cohere', 'xai', 'grok', 'fireworks',
  'perplexity', 'siliconflow', 'hunyuan', 'doubao', 'volcengine', 'cerebras', 'replicate', 'huggingface',
]);

/** `GROQ_MODELS = ['openai/gpt-oss-120b']`: an id in another provider's catalogue is sent to that provider. */
function isInOtherCatalogue(node: ts.Node): boolean {
  for (let current = node.parent; current && !ts.isSourceFile(current) && !ts.isBlock(current); current = current.parent) {
    if (ts.isPropertyAssignment(current) || ts.isVariableDeclaration(current) || ts.isPropertyDeclaration(current)) {
      const name = nameText(current.name);
      if (name !== undefined && wordsOf(name).some((word) => OTHER_PROVIDERS.has(word))) return true;
    } else if (!ts.isArrayLiteralExpression(current) && !ts.isObjectLiteralExpression(current) && !ts.isAsExpression(current) && !ts.isSatisfiesExpression(current)) {
      return false;
    }
  }
  return false;
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  return ts.isCallExpression(parent) && (requiredModule(parent) !== undefined || dynamicImportModule(parent) !== undefined);
}

/**
 * Keys are looked for in the whole text, comments included: a key in a comment is as
 * exposed as one in code. `literal`/`expression` are set only when the key is a string value.
 */
function reportKeys(ctx: FileContext, pieces: LiteralPiece[]): void {
  for (const match of ctx.text.matchAll(OPENAI_KEY_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    const piece = pieces.find((p) => p.content.start <= start && end <= p.content.end);
    const isWholeValue = piece !== undefined && isPlainString(piece.node) && piece.content.start === start && piece.content.end === end;
    ctx.add('api-key', { start, end }, {
      detail: piece ? { literal: { start, end }, ...(isWholeValue ? { expression: ctx.rangeOf(piece.node) } : {}) } : {},
    });
  }
}
