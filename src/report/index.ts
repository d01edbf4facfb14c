import { renderDiff } from './diff.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { Reporter } from './types.js';

/** Every output format; `--format` choices derive from these keys. */
export const reporters = {
  text: renderText,
  json: renderJson,
  diff: renderDiff,
  markdown: renderMarkdown,
  sarif: renderSarif,
  github: renderGithub,
} satisfies Record<string, Reporter>;

export type Format = keyof typeof reporters;

/** The formats that make sense without a plan. */
export const SCAN_FORMATS: Format[] = ['text', 'json', 'sarif', 'github'];
export const PLAN_FORMATS = Object.keys(reporters) as Format[];
/** `report`: Markdown first, its default. */
export const REPORT_FORMATS: Format[] = ['markdown', 'json', 'sarif', 'text', 'github'];
