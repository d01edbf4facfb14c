import { ts } from './ts.js';
import type { FileContext } from './context.js';
import type { ClientResolver } from './origins.js';
import { hasExportModifier, nameText, unwrap } from './syntax.js';

/** What a module exports, ESM or CommonJS: `*` is the CommonJS module value itself. */
export interface ExportedValue {
  name: string;
  value: ts.Expression | ts.SignatureDeclaration;
}

/**
 * Every export of the file with its value: `export const x = …`, `export function f`,
 * `export { a as b }`, `export default …`, `module.exports = …` (its object's properties, or
 * the whole value as `*` and `default`), `exports.x = …` and `module.exports.x = …`.
 */
export function collectExportedValues(ctx: FileContext): ExportedValue[] {
  const exported: ExportedValue[] = [];
  const locals = new Map<string, ts.Expression | ts.SignatureDeclaration>();
  const renamed: [local: string, name: string][] = [];
  const addObject = (object: ts.ObjectLiteralExpression) => {
    for (const property of object.properties) {
      const name = nameText(property.name);
      if (name === undefined) continue;
      if (ts.isPropertyAssignment(property)) exported.push({ name, value: property.initializer });
      else if (ts.isShorthandPropertyAssignment(property)) renamed.push([name, name]);
      else if (ts.isMethodDeclaration(property)) exported.push({ name, value: property });
    }
  };

  for (const statement of ctx.sourceFile.statements) {
    const isExported = hasExportModifier(statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
        locals.set(declaration.name.text, declaration.initializer);
        if (isExported) exported.push({ name: declaration.name.text, value: declaration.initializer });
      }
    } else if (ts.isFunctionDeclaration(statement)) {
      const isDefault = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
      if (statement.name) locals.set(statement.name.text, statement);
      if (isExported) exported.push({ name: isDefault ? 'default' : (statement.name?.text ?? 'default'), value: statement });
    } else if (ts.isExportAssignment(statement)) {
      exported.push({ name: 'default', value: statement.expression });
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) renamed.push([nameText(element.propertyName) ?? element.name.text, element.name.text]);
    } else if (ts.isExpressionStatement(statement)) {
      const assignment = commonJsExport(statement.expression);
      if (assignment === undefined) continue;
      const value = unwrap(assignment.value);
      if (assignment.name !== undefined) exported.push({ name: assignment.name, value: assignment.value });
      else if (ts.isObjectLiteralExpression(value)) addObject(value);
      else exported.push({ name: '*', value: assignment.value }, { name: 'default', value: assignment.value });
    }
  }
  for (const [local, name] of renamed) {
    const value = locals.get(local);
    exported.push({ name, value: value ?? ts.factory.createIdentifier(local) });
  }
  return exported;
}

/** `module.exports = v` (name undefined), `exports.x = v` or `module.exports.x = v`. */
function commonJsExport(expression: ts.Expression): { name?: string; value: ts.Expression } | undefined {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = expression.left;
  if (isModuleExports(target)) return { value: expression.right };
  if (ts.isPropertyAccessExpression(target) && (isModuleExports(target.expression) || isIdentifierNamed(target.expression, 'exports'))) {
    return { name: target.name.text, value: expression.right };
  }
  return undefined;
}

function isModuleExports(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'exports' && isIdentifierNamed(node.expression, 'module');
}

function isIdentifierNamed(node: ts.Expression, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}

/** The exported names that are clients and those that are factories of clients built here. */
export function classifyExports(values: readonly ExportedValue[], resolver: ClientResolver): { clients: string[]; factories: string[]; origins: Record<string, number> } {
  const clients: string[] = [];
  const factories: string[] = [];
  const origins: Record<string, number> = {};
  for (const { name, value } of values) {
    const fn = functionOf(value, resolver);
    if (fn !== undefined) {
      if (resolver.factoryResult(fn)?.source.kind === 'local') factories.push(name);
      continue;
    }
    const source = resolver.resolve(value as ts.Expression)?.source;
    if (source?.kind !== 'local') continue;
    clients.push(name);
    if (source.origin !== undefined) origins[name] = source.origin;
  }
  return { clients, factories, origins };
}

function functionOf(value: ts.Expression | ts.SignatureDeclaration, resolver: ClientResolver): ts.SignatureDeclaration | undefined {
  if (ts.isFunctionDeclaration(value) || ts.isMethodDeclaration(value)) return value;
  const inner = unwrap(value as ts.Expression);
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) return inner;
  return ts.isIdentifier(inner) ? resolver.functionNamed(inner.text) : undefined;
}
