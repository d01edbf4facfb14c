import { createRequire } from 'node:module';
import type { Range } from '../../core/types.js';
import type { Replacement } from './types.js';

/** The three one-line styles of a YAML scalar, as the yaml library names them. */
export type YamlStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';

interface YamlLibrary {
  Scalar: new (value: unknown) => { type?: string };
  stringify(value: unknown, options: { lineWidth: number; doubleQuotedAsJSON: boolean }): string;
  parse(text: string, options: { version: '1.1' | '1.2' }): unknown;
}

// Loaded on first use: most runs write no YAML.
let library: YamlLibrary | undefined;
const yaml = (): YamlLibrary => (library ??= createRequire(import.meta.url)('yaml') as YamlLibrary);

/** Flow indicators: a plain scalar holding one would end early inside `[a, b]` or `{k: v}`. */
const FLOW_INDICATOR = /[,[\]{}]/;

/**
 * `value` as one YAML scalar on one line, written by the yaml library: in `style` when the
 * library can, else double-quoted (escaped as JSON). The result is checked by parsing it back
 * under YAML 1.2 and the 1.1 that Kubernetes and Compose tools read: a plain `yes`, `null`,
 * `1e3`, `*x`, `!x`, `|`, `a: b` or ` a` would not read as the same string, so those are quoted.
 */
export function renderYamlScalar(value: string, style: YamlStyle): string {
  const { Scalar, stringify } = yaml();
  const styles: YamlStyle[] = style === 'QUOTE_DOUBLE' ? ['QUOTE_DOUBLE'] : [style, 'QUOTE_DOUBLE'];
  for (const type of styles) {
    const scalar = new Scalar(value);
    scalar.type = type;
    const written = stringify(scalar, { lineWidth: 0, doubleQuotedAsJSON: true }).replace(/\n$/, '');
    // The library quotes a value a plain scalar cannot hold; the quotes are then ours to choose.
    if (type === 'PLAIN' && (written !== value || FLOW_INDICATOR.test(value))) continue;
    if (!written.includes('\n') && readsAs(written, value)) return written;
  }
  throw new Error(`internal error: the yaml library wrote no scalar that reads back as ${JSON.stringify(value)}`);
}

function readsAs(scalar: string, value: string): boolean {
  return (['1.2', '1.1'] as const).every((version) => {
    try {
      return yaml().parse(scalar, { version }) === value;
    } catch {
      return false;
    }
  });
}

/**
 * Replaces `at` inside the scalar whose content is `literal` so that the scalar holds `value`
 * there: the whole new value is rendered in the scalar's own style (see `renderYamlScalar`);
 * when that keeps the text around `at`, only `at` is replaced, else the whole scalar.
 */
export function replaceInYamlScalar(text: string, literal: Range, at: Range, value: string): Replacement {
  const opening = text[literal.start - 1];
  const style: YamlStyle = opening === '"' ? 'QUOTE_DOUBLE' : opening === "'" ? 'QUOTE_SINGLE' : 'PLAIN';
  const quote = style === 'PLAIN' ? '' : opening!;
  const token = { start: literal.start - quote.length, end: literal.end + quote.length };
  const before = text.slice(token.start, at.start);
  const after = text.slice(at.end, token.end);
  // A quoted part read by the library; the literal's content is verbatim, so a part holds no half escape.
  const unquote = (part: string) => (style === 'PLAIN' || part === '' ? part : (yaml().parse(`${quote}${part}${quote}`, { version: '1.2' }) as string));
  const whole = unquote(text.slice(literal.start, at.start)) + value + unquote(text.slice(at.end, literal.end));
  const rendered = renderYamlScalar(whole, style);
  if (rendered.length >= before.length + after.length && rendered.startsWith(before) && rendered.endsWith(after)) {
    return { range: at, text: rendered.slice(before.length, rendered.length - after.length) };
  }
  return { range: token, text: rendered };
}
