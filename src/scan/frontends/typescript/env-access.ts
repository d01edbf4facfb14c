import { ts } from './ts.js';
import type { Range } from '../../../core/types.js';
import type { FileContext } from './context.js';
import { isOpenAISettingName } from '../openai-names.js';
import { isPlainString, nameText, unwrap } from './syntax.js';


/** Modules whose `env` export is the environment: SvelteKit's `$env/dynamic/private` and `/public`. */
const ENV_MODULES = /^\$env\/dynamic\/(?:private|public)$/;

/** The kinds of node an env read can be (see `envNameNode`). */
export const ENV_READS: readonly ts.SyntaxKind[] = [ts.SyntaxKind.PropertyAccessExpression, ts.SyntaxKind.ElementAccessExpression, ts.SyntaxKind.CallExpression];

/** Local names of `env` imported from an environment module (`import { env } from '$env/dynamic/private'`). */
export function importedEnvObjects(sourceFile: ts.SourceFile): ReadonlySet<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !ENV_MODULES.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 'env') names.add(element.name.text);
  }
  return names;
}

/** `process.env`, `import.meta.env`, `Bun.env`, and `envObjects` (see `importedEnvObjects`). */
function isEnvObject(node: ts.Expression, envObjects: ReadonlySet<string>): boolean {
  const inner = unwrap(node);
  if (ts.isIdentifier(inner)) return envObjects.has(inner.text);
  if (!ts.isPropertyAccessExpression(inner) || inner.name.text !== 'env') return false;
  const owner = inner.expression;
  if (ts.isIdentifier(owner)) return owner.text === 'process' || owner.text === 'Bun';
  return ts.isMetaProperty(owner) && owner.keywordToken === ts.SyntaxKind.ImportKeyword;
}

/** The node holding the variable name in an env read, or undefined when `node` is not one. */
function envNameNode(node: ts.Node, envObjects: ReadonlySet<string>): ts.Identifier | ts.StringLiteralLike | undefined {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && isEnvObject(node.expression, envObjects)) return node.name;
  if (ts.isElementAccessExpression(node) && isPlainString(node.argumentExpression) && isEnvObject(node.expression, envObjects)) {
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
export function envNameOf(node: ts.Expression, envObjects: ReadonlySet<string>): string | undefined {
  return envNameNode(unwrap(node), envObjects)?.text;
}

/** Reports every read of an OpenAI-related environment variable. */
export function collectEnvReads(ctx: FileContext): void {
  const nameRange = (node: ts.Identifier | ts.StringLiteralLike): Range => {
    const range = ctx.rangeOf(node);
    return ts.isIdentifier(node) ? range : { start: range.start + 1, end: range.end - 1 };
  };
  ctx.nodesOf([...ENV_READS, ts.SyntaxKind.VariableDeclaration]).forEach((node) => {
    const nameNode = envNameNode(node, ctx.envObjects);
    if (nameNode !== undefined) {
      if (isOpenAISettingName(nameNode.text)) {
        ctx.add('env-var', ctx.rangeOf(node), { name: nameNode.text, detail: { nameRange: nameRange(nameNode) } });
      }
      return;
    }
    // const { OPENAI_API_KEY, OPENAI_BASE_URL: base } = process.env
    if (ts.isVariableDeclaration(node) && node.initializer && isEnvObject(node.initializer, ctx.envObjects) && ts.isObjectBindingPattern(node.name)) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        const name = nameText(key);
        if (name !== undefined && isOpenAISettingName(name)) ctx.add('env-var', ctx.rangeOf(element), { name });
      }
    }
  });
}
