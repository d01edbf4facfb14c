import type { Range } from '../../core/types.js';

/**
 * A piece of a string built at run time: literal text, the value of an environment variable, or
 * a URL from an environment variable without its trailing slashes (so that a path can follow:
 * Azure's portal shows the endpoint with one, samples without).
 */
export type StringPart = string | { env: string } | { urlEnv: string };

/** Where an edit goes and what it writes. */
export interface Replacement {
  range: Range;
  text: string;
}

/** How a language's OpenAI SDK and frameworks name the client options the planner sets. */
export interface SdkNames {
  baseUrl: string;
  apiKey: string;
  /** `AzureOpenAI`'s endpoint and API version options. */
  azureEndpoint: string;
  apiVersion: string;
  /** LangChain: the older name of the key option, and of the URL option or the group holding it. */
  langchain: { legacyKey: string; legacyUrl?: string; urlGroup?: string };
  /** LlamaIndex's URL option. */
  llamaIndexUrl: string;
}

/**
 * How one language writes the code and values the planner inserts. Rules stay language-neutral
 * and build source only through this object: every value becomes a literal of the file's quote
 * style with full escaping, never a template string of the rule's own.
 */
export interface Syntax {
  /** Option names of the language's SDKs. */
  sdk: SdkNames;
  /**
   * An option given twice takes the later value (a JS object after a spread), rather than
   * failing (a Python keyword also passed in `**kwargs` raises a TypeError).
   */
  laterOptionWins: boolean;
  /** A string literal whose value is exactly `value`, in the file's preferred quotes. */
  string(value: string): string;
  /** A string expression joining literal text and environment reads; a plain literal without reads. */
  interpolate(parts: readonly StringPart[]): string;
  /** An expression reading an environment variable (undefined or missing when it is unset). */
  env(name: string): string;
  /** An expression reading an environment variable, or `fallback` when it is unset. */
  envOr(name: string, fallback: string): string;
  /** One named option of a call: an object property or a keyword argument. */
  option(name: string, code: string): string;
  /** A group of options as one value (a nested options object). */
  group(options: readonly string[]): string;
  /** The argument text of a call that had none, passing `options`. */
  arguments(options: readonly string[]): string;
  /** An expression constructing `className` with `options`. */
  construct(className: string, options: readonly string[]): string;
  /** A statement importing `names` from `module`. */
  importNames(names: readonly string[], module: string): string;
  /**
   * A Microsoft Entra ID token provider for `scope` (Azure Identity's bearer-token provider over
   * the default credential chain), and the import statement it needs.
   */
  azureTokenProvider(scope: string): { code: string; importLine: string };
  /**
   * Rewrites `at`, a part of the string literal whose content is `literal`, so that the part
   * reads `value`: escaped for that literal's own delimiters, or the whole literal written anew
   * when its delimiters cannot hold the value.
   */
  replaceInLiteral(literal: Range, at: Range, value: string): Replacement;
  /** Edits the file needs so that `inserted` code runs (Python's `import os`); none for most languages. */
  prerequisites(inserted: readonly string[]): Replacement[];
}
