import { ts } from './ts.js';
import type { PrivateEnv, Range } from '../../../core/types.js';
import type { FileContext } from './context.js';
import { isOpenAISettingName } from '../openai-names.js';
import { isPlainString, nameText, unwrap } from './syntax.js';
import { isDeclaredInScope } from './values.js';

/** Modules whose `env` export is the environment: SvelteKit's `$env/dynamic/private` and `/public`. */
const ENV_MODULES = /^\$env\/dynamic\/(?:private|public)$/;
/** Modules that export each variable under its own name: SvelteKit's `$env/static/private` and `/public`. */
const STATIC_ENV_MODULES = /^\$env\/static\/(?:private|public)$/;

/** The kinds of node an env read can be (see `envNameNode`). */
export const ENV_READS: readonly ts.SyntaxKind[] = [
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.BinaryExpression,
];

/** How a file reaches the environment through imports. */
export interface EnvImports {
  /** Local names holding the environment: `env` from `$env/dynamic/*`, a namespace import of `$env/static/*`. */
  objects: ReadonlySet<string>;
  /** Variables imported by name (`import { OPENAI_API_KEY as key } from '$env/static/private'`), by local name. */
  variables: ReadonlyMap<string, ts.ImportSpecifier>;
  /** How migrated code in the file reads a server variable: through its `$env/static/private` import, else `$env/dynamic/private`'s `env`. */
  privateEnv?: PrivateEnv;
  /** The file imports NestJS's `ConfigService`, whose `get('NAME')` reads the environment. */
  nestConfig?: boolean;
}

export function importedEnv(sourceFile: ts.SourceFile): EnvImports {
  const objects = new Set<string>();
  const variables = new Map<string, ts.ImportSpecifier>();
  let staticPrivate: PrivateEnv | undefined;
  let objectPrivate: PrivateEnv | undefined;
  const addObject = (name: string, isPrivate: boolean) => {
    objects.add(name);
    if (isPrivate) objectPrivate ??= { object: name };
  };
  let nestConfig = false;
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    if (module === '@nestjs/config') nestConfig = true;
    const isDynamic = ENV_MODULES.test(module);
    const bindings = statement.importClause?.namedBindings;
    if ((!isDynamic && !STATIC_ENV_MODULES.test(module)) || bindings === undefined) continue;
    const isPrivate = module.endsWith('/private');
    // `import * as env from '$env/static/private'`: the namespace holds every variable.
    if (ts.isNamespaceImport(bindings)) {
      if (!isDynamic) addObject(bindings.name.text, isPrivate);
      continue;
    }
    for (const element of bindings.elements) {
      if (!isDynamic) variables.set(element.name.text, element);
      else if ((element.propertyName ?? element.name).text === 'env') addObject(element.name.text, isPrivate);
    }
    if (!isDynamic && isPrivate && bindings.elements.length > 0) {
      staticPrivate ??= { namesEnd: bindings.elements.at(-1)!.getEnd(), names: bindings.elements.map((element) => (element.propertyName ?? element.name).text) };
    }
  }
  const privateEnv = staticPrivate ?? objectPrivate;
  return { objects, variables, ...(privateEnv ? { privateEnv } : {}), ...(nestConfig ? { nestConfig } : {}) };
}

/**
 * How an identifier is used: a plain reference a rename can follow, another reference that
 * keeps the name (`{ KEY }` shorthand, `export { KEY }`), or undefined when it is no reference
 * (a property name, a declaration's own name, the import itself).
 */
function referenceKind(node: ts.Identifier): 'plain' | 'named' | undefined {
  const parent = node.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === node ? 'named' : 'plain';
  if (ts.isExportSpecifier(parent)) return (parent.propertyName ?? parent.name) === node ? 'named' : undefined;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node ? 'plain' : undefined;
  if (ts.isQualifiedName(parent)) return parent.left === node ? 'plain' : undefined;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return undefined;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent) || ts.isImportSpecifier(parent)) return undefined;
  return 'name' in parent && parent.name === node ? undefined : 'plain';
}

/** The import an identifier reads a `$env/static/*` variable through, unless a local declaration shadows it. */
function staticEnvImport(node: ts.Node, env: EnvImports): ts.ImportSpecifier | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const specifier = env.variables.get(node.text);
  if (specifier === undefined || referenceKind(node) === undefined || isDeclaredInScope(node)) return undefined;
  return specifier;
}

/** `process.env`, `import.meta.env`, `Bun.env`, and an imported `env` (see `importedEnv`). */
function isEnvObject(node: ts.Expression, env: EnvImports): boolean {
  const inner = unwrap(node);
  if (ts.isIdentifier(inner)) return env.objects.has(inner.text);
  if (!ts.isPropertyAccessExpression(inner) || inner.name.text !== 'env') return false;
  const owner = inner.expression;
  if (ts.isIdentifier(owner)) return owner.text === 'process' || owner.text === 'Bun';
  return ts.isMetaProperty(owner) && owner.keywordToken === ts.SyntaxKind.ImportKeyword;
}

/** The node holding the variable name in an env read or a check that it is set, or undefined when `node` is neither. */
function envNameNode(node: ts.Node, env: EnvImports): ts.Identifier | ts.StringLiteralLike | undefined {
  return checkedNameNode(node, env) ?? readNameNode(node, env);
}

/**
 * The variable name of a check that it is set, which must follow its rename: `'NAME' in process.env`,
 * `Object.hasOwn(process.env, 'NAME')`, `process.env.hasOwnProperty('NAME')`.
 */
function checkedNameNode(node: ts.Node, env: EnvImports): ts.StringLiteralLike | undefined {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword && isPlainString(node.left) && isEnvObject(node.right, env)) {
    return node.left;
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const { expression: owner, name } = node.expression;
  const [first, second] = node.arguments;
  if (name.text === 'hasOwn' && ts.isIdentifier(owner) && owner.text === 'Object' && node.arguments.length === 2 && isPlainString(second!) && isEnvObject(first!, env)) {
    return second;
  }
  if (name.text === 'hasOwnProperty' && node.arguments.length === 1 && isPlainString(first!) && isEnvObject(owner, env)) return first;
  return undefined;
}

/** The node holding the variable name in a read of its value. */
function readNameNode(node: ts.Node, env: EnvImports): ts.Identifier | ts.StringLiteralLike | undefined {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && isEnvObject(node.expression, env)) return node.name;
  if (ts.isElementAccessExpression(node) && isPlainString(node.argumentExpression) && isEnvObject(node.expression, env)) {
    return node.argumentExpression;
  }
  // NestJS: this.config.get<string>('NAME'), configService.getOrThrow('NAME')
  if (env.nestConfig && ts.isCallExpression(node) && node.arguments.length >= 1 && isPlainString(node.arguments[0]!) && isConfigServiceGet(node.expression)) {
    return node.arguments[0] as ts.StringLiteralLike;
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

/** `config.get`, `this.configService.getOrThrow`: a ConfigService's reads, by the name the code gives it. */
function isConfigServiceGet(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || !/^get(?:OrThrow)?$/.test(callee.name.text)) return false;
  const receiver = callee.expression;
  const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
  return name !== undefined && /config/i.test(name);
}

/** The variable an expression reads from the environment, if it is a direct env read or a `$env/static/*` import. */
export function envNameOf(node: ts.Expression, env: EnvImports): string | undefined {
  const inner = unwrap(node);
  const specifier = staticEnvImport(inner, env);
  return specifier === undefined ? envNameNode(inner, env)?.text : (specifier.propertyName ?? specifier.name).text;
}

/** Whether the expression reads a variable through a `$env/static/*` import, which renaming the import renames. */
export function isStaticEnvRead(node: ts.Expression, env: EnvImports): boolean {
  return staticEnvImport(unwrap(node), env) !== undefined;
}

/** Reports every read of an OpenAI-related environment variable. */
export function collectEnvReads(ctx: FileContext): void {
  const nameRange = (node: ts.Identifier | ts.StringLiteralLike): Range => {
    const range = ctx.rangeOf(node);
    return ts.isIdentifier(node) ? range : { start: range.start + 1, end: range.end - 1 };
  };
  // A file-level fact, on each read so that the planner sees it with any of them.
  const { privateEnv } = ctx.envImports;
  const inForm = privateEnv ? { privateEnv } : {};
  collectStaticEnvImports(ctx, inForm);
  ctx.nodesOf([...ENV_READS, ts.SyntaxKind.VariableDeclaration]).forEach((node) => {
    const checked = checkedNameNode(node, ctx.envImports);
    const nameNode = checked ?? readNameNode(node, ctx.envImports);
    if (nameNode !== undefined) {
      if (isOpenAISettingName(nameNode.text)) {
        const check = checked ? { isCheck: true } : {};
        ctx.add('env-var', ctx.rangeOf(node), { name: nameNode.text, detail: { nameRange: nameRange(nameNode), ...check, ...inForm } });
      }
      return;
    }
    // const { OPENAI_API_KEY, OPENAI_BASE_URL: base } = process.env
    if (ts.isVariableDeclaration(node) && node.initializer && isEnvObject(node.initializer, ctx.envImports) && ts.isObjectBindingPattern(node.name)) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        const name = nameText(key);
        if (name !== undefined && isOpenAISettingName(name)) ctx.add('env-var', ctx.rangeOf(element), { name, ...(privateEnv ? { detail: inForm } : {}) });
      }
    }
  });
}

/**
 * `import { OPENAI_API_KEY } from '$env/static/private'` reads the variable where it is imported:
 * the finding is the import, and it lists the file's uses of the name, which a rename of an
 * import under its own name must follow.
 */
function collectStaticEnvImports(ctx: FileContext, inForm: { privateEnv?: PrivateEnv }): void {
  const imports = [...ctx.envImports.variables.values()].filter((specifier) => isOpenAISettingName((specifier.propertyName ?? specifier.name).text));
  if (imports.length === 0) return;
  const uses = new Map<ts.ImportSpecifier, { range: Range; kind: 'plain' | 'named' }[]>(imports.map((specifier) => [specifier, []]));
  ctx.nodesOf([ts.SyntaxKind.Identifier]).forEach((node) => {
    const specifier = staticEnvImport(node, ctx.envImports);
    if (specifier !== undefined) uses.get(specifier)?.push({ range: ctx.rangeOf(node), kind: referenceKind(node as ts.Identifier)! });
  });
  for (const [specifier, found] of uses) {
    const imported = specifier.propertyName ?? specifier.name;
    ctx.add('env-var', ctx.rangeOf(specifier), {
      name: imported.text,
      detail: {
        nameRange: ctx.rangeOf(imported),
        envImport: { local: specifier.name.text, uses: found.map((use) => use.range), isPlain: found.every((use) => use.kind === 'plain') },
        ...inForm,
      },
    });
  }
}
