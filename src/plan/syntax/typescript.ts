import type { PrivateEnv, Range } from '../../core/types.js';
import { commonEscape, escapeEach, unicodeUnits } from './escape.js';
import type { StringPart, Syntax } from './types.js';

type Delimiter = "'" | '"' | '`';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The content of a JS string or template literal delimited by `delimiter` that reads `value`. */
export function escapeJs(value: string, delimiter: Delimiter): string {
  return escapeEach(
    value,
    (char, next) => {
      if (char === delimiter) return `\\${char}`;
      // `${` would open a substitution; `$` before the text that follows might as well.
      if (delimiter === '`' && char === '$' && (next === '{' || next === undefined)) return '\\$';
      // `\0` before a digit reads as an octal escape: `\x00` never does.
      if (char === '\0') return '\\x00';
      return commonEscape(char);
    },
    unicodeUnits,
  );
}

/**
 * TypeScript and JavaScript: `process.env.X ?? ''`, `{ name: value }` option objects, ESM imports.
 * `quote` is the file's preferred string quote. In a SvelteKit server module (`privateEnv`), a
 * variable is read as the module reads its own (SvelteKit does not fill `process.env` from .env):
 * `env.X`, or `X` added to its `$env/static/private` import.
 */
export function typescriptSyntax(text: string, quote: "'" | '"', privateEnv?: PrivateEnv): Syntax {
  const string = (value: string): string => `${quote}${escapeJs(value, quote)}${quote}`;
  const imported = new Set<string>();
  const env = (name: string): string => {
    if (!IDENTIFIER.test(name)) return `process.env[${string(name)}]`;
    if (privateEnv === undefined) return `process.env.${name}`;
    if ('object' in privateEnv) return `${privateEnv.object}.${name}`;
    imported.add(name);
    return name;
  };
  // A `$env/static/private` name is always a string: a missing variable fails the build.
  const envOr = (name: string, fallback: string): string => {
    const read = env(name);
    return read === name ? read : `${read} ?? ${string(fallback)}`;
  };
  const key = (name: string): string => (IDENTIFIER.test(name) ? name : string(name));
  return {
    sdk: {
      baseUrl: 'baseURL',
      apiKey: 'apiKey',
      azureEndpoint: 'endpoint',
      apiVersion: 'apiVersion',
      langchain: { legacyKey: 'openAIApiKey', urlGroup: 'configuration' },
      llamaIndexUrl: 'baseURL',
    },
    laterOptionWins: true,
    string,
    interpolate(parts: readonly StringPart[]) {
      if (parts.every((part) => typeof part === 'string')) return string(parts.join(''));
      const trimmed = (name: string): string => {
        const read = envOr(name, '');
        return `${read === name ? read : `(${read})`}.replace(/\\/+$/, ${string('')})`;
      };
      const [only] = parts;
      if (parts.length === 1 && typeof only === 'object' && 'urlEnv' in only) return trimmed(only.urlEnv);
      const piece = (part: StringPart): string => {
        if (typeof part === 'string') return escapeJs(part, '`');
        return `\${${'env' in part ? env(part.env) : trimmed(part.urlEnv)}}`;
      };
      return `\`${parts.map(piece).join('')}\``;
    },
    env,
    envOr,
    option: (name, code) => `${key(name)}: ${code}`,
    group: (options) => `{ ${options.join(', ')} }`,
    arguments: (options) => `{ ${options.join(', ')} }`,
    construct: (className, options) => `new ${className}({ ${options.join(', ')} })`,
    importNames: (names, module) => `import { ${names.join(', ')} } from ${string(module)};`,
    azureTokenProvider: (scope) => ({
      code: `getBearerTokenProvider(new DefaultAzureCredential(), ${string(scope)})`,
      importLine: `import { DefaultAzureCredential, getBearerTokenProvider } from ${string('@azure/identity')};`,
    }),
    prerequisites(inserted: readonly string[]) {
      if (privateEnv === undefined || !('namesEnd' in privateEnv)) return [];
      // An edit that is the name alone renames an imported key (and its uses) to it.
      const isImported = (name: string) => privateEnv.names.includes(name) || inserted.some((code) => code === name || code.startsWith(`${name} as `));
      const missing = [...imported].filter((name) => !isImported(name) && inserted.some((code) => new RegExp(`(?<![\\w$.])${name}(?![\\w$])`).test(code)));
      if (missing.length === 0) return [];
      return [{ range: { start: privateEnv.namesEnd, end: privateEnv.namesEnd }, text: missing.map((name) => `, ${name}`).join('') }];
    },
    replaceInLiteral(literal: Range, at: Range, value: string) {
      // A template's middle and tail pieces start after the `}` of the substitution before them.
      const before = text[literal.start - 1];
      const delimiter: Delimiter = before === "'" || before === '"' ? before : '`';
      return { range: at, text: escapeJs(value, delimiter) };
    },
  };
}
