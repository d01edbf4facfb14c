import { preferredQuote } from './quote.js';
import { settingsSyntax } from './settings.js';
import type { Syntax } from './types.js';
import { typescriptSyntax } from './typescript.js';

export type { Replacement, StringPart, Syntax } from './types.js';

/** The syntax of a file in `language` (a finding's `language`), in the style of its `text`. */
export function syntaxFor(language: string, text: string): Syntax {
  switch (language) {
    case 'ts':
    case 'js':
      return typescriptSyntax(text, preferredQuote(text));
    default:
      return settingsSyntax(language, text);
  }
}
