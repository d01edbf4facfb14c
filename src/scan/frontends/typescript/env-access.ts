import { ts } from './ts.js';
import type { Range } from '../../../core/types.js';
import type { FileContext } from './context.js';
import { isOpenAISettingName } from '../openai-names.js';
import { isPlainString, nameText, unwrap } from './syntax.js';


/** `process.env`, `import.meta.env`, `Bun.env`. */
function isEnvObject(node: ts.Expression): boolean {
  const inner = unwrap(node);
  if (!ts.isPropertyAccessExpression(inner) || inner.name.text !== 'env') return false;
  const owner = inner.expression;
  if (ts.isIdentifier(owner)) return owner.text === 'process' || owner.text === 'Bun';
  return ts.isMetaProperty(owner) && owner.keywordToken === ts.SyntaxKind.ImportKeyword;
}

/** The node holding the variable name in an env read, or undefined when `node` is not one. */
function envNameNode(node: ts.Node): ts.Identifier | ts.StringLiteralLike | undefined {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && isEnvObject(node.expression)) return node.name;
  if (ts.isElementAccessExpression(node) && isPlainString(node.argumentExpression) && isEnvObject(node.expression)) {
    return node.argumentExpression;
  }
  // Deno.env.get('NAME')
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'get' &&
    node.arguments.length === 1 &&
    isPlainString(node.arguments[0]!)
  ) {
    const owner = node.expression.expression;
    if (ts.isPropertyAccessExpression(owner) && owner.name.text === 'env' && ts.isIdentifier(owner.expression) && owner.expression.text === 'Deno') {
      return node.arguments[0] as ts.StringLiteral;
    }
  }
  return undefined;
}

/** The variable an expression reads from the environment, if it is a direct env read. */
export function envNameOf(node: ts.Expression): string | undefined {
  return envNameNode(unwrap(node))?.text;
}

/** Reports every read of an OpenAI-related environment variable. */
export function collectEnvReads(ctx: FileContext): void {
  const nameRange = (node: ts.Identifier | ts.StringLiteralLike): Range => {
    const range = ctx.rangeOf(node);
    return ts.isIdentifier(node) ? range : { start: range.start + 1, end: range.end - 1 };
  };
  ctx.nodes.forEach((node) => {
    const nameNode = envNameNode(node);
    if (nameNode !== undefined) {
      if (isOpenAISettingName(nameNode.text)) {
        ctx.add('env-var', ctx.rangeOf(node), { name: nameNode.text, detail: { nameRange: nameRange(nameNode) } });
      }
      return;
    }
    // const { OPENAI_API_KEY, OPENAI_BASE_URL: base } = process.env
    if (ts.isVariableDeclaration(node) && node.initializer && isEnvObject(node.initializer) && ts.isObjectBindingPattern(node.name)) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        const name = nameText(key);
        if (name !== undefined && isOpenAISettingName(name)) ctx.add('env-var', ctx.rangeOf(element), { name });
      }
    }
  });
}
