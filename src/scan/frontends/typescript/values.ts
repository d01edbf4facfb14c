import { ts } from './ts.js';
import { isPlainString, nameText, unwrap } from './syntax.js';

type PlainString = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

/** A name imported from another file of the project, resolved by the link step. */
export interface ImportedRef {
  from: string;
  imported: string;
}

export interface ResolvedStrings {
  literals: PlainString[];
  imported: ImportedRef[];
}

const MAX_DEPTH = 6;

/**
 * The string literals an expression can evaluate to, as far as the syntax shows: literals,
 * both sides of `??` / `||`, both branches of `?:`, constants and parameter defaults in
 * scope, members of constant object literals, and names imported from other files.
 */
export function resolveStrings(
  expression: ts.Expression,
  relative: ReadonlyMap<string, ImportedRef>,
  depth = 0,
): ResolvedStrings {
  const result: ResolvedStrings = { literals: [], imported: [] };
  if (depth > MAX_DEPTH) return result;
  const inner = unwrap(expression);
  const merge = (other: ResolvedStrings) => {
    result.literals.push(...other.literals);
    result.imported.push(...other.imported);
  };
  if (isPlainString(inner)) {
    result.literals.push(inner);
  } else if (ts.isBinaryExpression(inner)) {
    const operator = inner.operatorToken.kind;
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
      merge(resolveStrings(inner.left, relative, depth + 1));
      merge(resolveStrings(inner.right, relative, depth + 1));
    }
  } else if (ts.isConditionalExpression(inner)) {
    merge(resolveStrings(inner.whenTrue, relative, depth + 1));
    merge(resolveStrings(inner.whenFalse, relative, depth + 1));
  } else if (ts.isIdentifier(inner)) {
    const value = findValue(inner);
    if (value) merge(resolveStrings(value, relative, depth + 1));
    else {
      const ref = relative.get(inner.text);
      if (ref) result.imported.push(ref);
    }
  } else if (ts.isPropertyAccessExpression(inner)) {
    const object = resolveObjectLiteral(inner.expression, depth + 1);
    const member = object && memberValue(object, inner.name.text);
    if (member) merge(resolveStrings(member, relative, depth + 1));
    else if (object === undefined) {
      const ref = importedMember(inner, relative);
      if (ref) result.imported.push(ref);
    }
  }
  return result;
}

/**
 * `MODELS.chat` where `MODELS` is imported: the exporting file names the member `MODELS.chat`
 * (see `exportedModels`); through a namespace import (`models.CHAT`), the member is the export.
 */
function importedMember(access: ts.PropertyAccessExpression, relative: ReadonlyMap<string, ImportedRef>): ImportedRef | undefined {
  const owner = unwrap(access.expression);
  if (!ts.isIdentifier(owner) || isDeclaredInScope(owner)) return undefined;
  const ref = relative.get(owner.text);
  if (ref === undefined) return undefined;
  return { from: ref.from, imported: ref.imported === '*' ? access.name.text : `${ref.imported}.${access.name.text}` };
}

/**
 * The object literal an expression is or names (`{…}`, or a variable initialised with one).
 * Parameter defaults do not count: callers usually pass their own object, which an edit to
 * the default would never reach.
 */
export function resolveObjectLiteral(expression: ts.Expression, depth = 0): ts.ObjectLiteralExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrap(expression);
  if (ts.isObjectLiteralExpression(inner)) return inner;
  if (ts.isIdentifier(inner)) {
    const value = findValue(inner, false);
    return value ? resolveObjectLiteral(value, depth + 1) : undefined;
  }
  return undefined;
}

function memberValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (nameText(property.name) !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
  }
  return undefined;
}

/**
 * The expression a name is initialised with, found by walking outwards through the scopes
 * that enclose the use: variable declarations (with destructuring defaults) and parameters.
 */
export function findValue(identifier: ts.Identifier, includeParameters = true): ts.Expression | undefined {
  const found = lookUp(identifier, (binding, initializer) => valueInBinding(binding, initializer, identifier.text, identifier));
  if (found === undefined || found.value === null) return undefined;
  return found.isParameter && !includeParameters ? undefined : found.value;
}

/**
 * Whether a declaration in a scope enclosing `identifier` has its name (and so hides an import of
 * it): a variable or parameter, a loop's or `catch`'s binding, a function or class.
 */
export function isDeclaredInScope(identifier: ts.Identifier): boolean {
  const declares = (binding: ts.BindingName | undefined) => binding !== undefined && valueInBinding(binding, undefined, identifier.text, identifier) !== undefined;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
      if (scope.initializer.declarations.some((declaration) => declares(declaration.name))) return true;
    } else if (ts.isCatchClause(scope) && declares(scope.variableDeclaration?.name)) {
      return true;
    } else if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope)) {
      const named = (statement: ts.Statement) => (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === identifier.text;
      if (scope.statements.some(named)) return true;
    }
  }
  return lookUp(identifier, (binding, initializer) => valueInBinding(binding, initializer, identifier.text, identifier)) !== undefined;
}

/**
 * What a destructuring declaration takes a name from: `const { chat } = client` gives
 * `client` and the path `['chat']`. Undefined for names not declared by destructuring.
 */
export function findDestructuredSource(identifier: ts.Identifier): { source: ts.Expression; path: string[] } | undefined {
  const found = lookUp(identifier, (binding, initializer) => {
    if (ts.isIdentifier(binding)) return binding.text === identifier.text && binding !== identifier ? null : undefined;
    const path = pathInPattern(binding, identifier.text);
    if (path === undefined) return undefined;
    return path === null || initializer === undefined ? null : { source: initializer, path };
  });
  return found?.value ?? undefined;
}

/** The property path to `name` in a binding pattern; null when it is there but not by plain names. */
function pathInPattern(pattern: ts.BindingPattern, name: string): string[] | null | undefined {
  for (const element of pattern.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const key = ts.isObjectBindingPattern(pattern) ? nameText(element.propertyName ?? element.name) : undefined;
    if (ts.isIdentifier(element.name)) {
      if (element.name.text !== name) continue;
      return key === undefined || element.dotDotDotToken ? null : [key];
    }
    const inner = pathInPattern(element.name, name);
    if (inner === undefined) continue;
    return inner === null || key === undefined ? null : [key, ...inner];
  }
  return undefined;
}

/**
 * Walks the scopes enclosing `use` outwards and asks `match` about every declaration and
 * parameter: the first answer that is not undefined wins (null: declared here, value unknown).
 */
function lookUp<T>(
  use: ts.Identifier,
  match: (binding: ts.BindingName, initializer: ts.Expression | undefined) => T | null | undefined,
): { value: T | null; isParameter: boolean } | undefined {
  for (let scope: ts.Node | undefined = use.parent; scope; scope = scope.parent) {
    if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      for (const statement of scope.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          const found = match(declaration.name, declaration.initializer);
          if (found !== undefined) return { value: found, isParameter: false };
        }
      }
    } else if (ts.isFunctionLike(scope)) {
      for (const parameter of scope.parameters) {
        const found = match(parameter.name, parameter.initializer);
        if (found !== undefined) return { value: found, isParameter: true };
      }
    }
  }
  return undefined;
}

/**
 * Looks for `name` in a binding. Returns the value expression, `null` when the name is
 * declared here without a known value (which shadows outer scopes), or undefined when absent.
 */
function valueInBinding(
  binding: ts.BindingName,
  initializer: ts.Expression | undefined,
  name: string,
  use: ts.Identifier,
): ts.Expression | null | undefined {
  if (ts.isIdentifier(binding)) {
    if (binding.text !== name || binding === use) return undefined;
    return initializer ?? null;
  }
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = valueInBinding(element.name, element.initializer, name, use);
    if (found !== undefined) return found;
  }
  return undefined;
}
