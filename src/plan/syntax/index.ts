import type { Finding } from '../../core/types.js';
import { scriptTextOf } from '../../scan/frontends/components/code-view.js';
import { pythonSyntax } from './python.js';
import { preferredQuote } from './quote.js';
import { settingsSyntax } from './settings.js';
import type { Syntax } from './types.js';
import { typescriptSyntax } from './typescript.js';

export type { Replacement, StringPart, Syntax } from './types.js';

/** The syntax of a file in `language` (its findings' `language`), in the style of its `text`. */
export function syntaxFor(language: string, text: string, findings: readonly Finding[] = []): Syntax {
  switch (language) {
    case 'ts':
    case 'js':
      // A component's markup (`class="…"`) says nothing of its scripts' quotes.
      return typescriptSyntax(text, preferredQuote(findings[0] ? scriptTextOf(findings[0].file, text) : text), findings.find((finding) => finding.detail?.privateEnv)?.detail?.privateEnv);
    case 'python':
      // PEP 8 leaves the choice open; black and ruff write double quotes.
      return pythonSyntax(text, preferredQuote(text, '"'), findings);
    default:
      return settingsSyntax(language, text);
  }
}
