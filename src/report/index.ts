import { renderDiff } from './diff.js';
import { renderJson } from './json.js';
import { renderText } from './text.js';
import type { Reporter } from './types.js';

/** Every output format; `--format` choices derive from these keys. */
export const reporters = {
  text: renderText,
  json: renderJson,
  diff: renderDiff,
} satisfies Record<string, Reporter>;

export type Format = keyof typeof reporters;

/** The formats that make sense without a plan. */
export const SCAN_FORMATS: Format[] = ['text', 'json'];
export const PLAN_FORMATS = Object.keys(reporters) as Format[];
