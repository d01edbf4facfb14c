/**
 * A small evaluator for the GitHub Actions expressions an action file uses: property paths
 * (`inputs.to`, `github.event.pull_request.head.repo.fork`), string literals, `true`/`false`/
 * `null`, `!`, `==`, `!=`, `&&`, `||`, parentheses, and the status functions. Comparisons are
 * loose on case like GitHub's; `&&`/`||` return an operand, as GitHub's do.
 */
export type ExpressionContext = Record<string, unknown>;

export function evaluate(expression: string, context: ExpressionContext): unknown {
  const tokens = expression.match(/\s*(?:'(?:[^']|'')*'|&&|\|\||==|!=|[!()]|[\w.-]+(?:\(\))?)/g)?.map((token) => token.trim()) ?? [];
  if (tokens.join('') !== expression.replace(/\s+/g, '')) throw new Error(`unsupported expression: ${expression}`);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++]!;
  const primary = (): unknown => {
    const token = next();
    if (token === '(') {
      const value = or();
      if (next() !== ')') throw new Error(`missing ) in ${expression}`);
      return value;
    }
    if (token === '!') return !truthy(primary());
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (/^\d+$/.test(token)) return Number(token);
    if (token === 'always()') return true;
    if (token === 'success()') return context.success !== false;
    if (token === 'failure()') return context.success === false;
    return token.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key] ?? null, context);
  };
  const comparison = (): unknown => {
    const left = primary();
    if (peek() !== '==' && peek() !== '!=') return left;
    const operator = next();
    const equal = String(left ?? '').toLowerCase() === String(primary() ?? '').toLowerCase();
    return operator === '==' ? equal : !equal;
  };
  const and = (): unknown => {
    let value = comparison();
    while (peek() === '&&') {
      next();
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const or = (): unknown => {
    let value = and();
    while (peek() === '||') {
      next();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  const value = or();
  if (position !== tokens.length) throw new Error(`unexpected ${peek()} in ${expression}`);
  return value;
}

export function truthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false && value !== 0 && value !== '';
}

/** Replaces every `${{ … }}` in a string with its value. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    const value = evaluate(expression, context);
    return value === null || value === undefined ? '' : String(value);
  });
}
