import { renderJson } from './json.js';
import { renderText } from './text.js';
import type { Reporter } from './types.js';

/** Every output format; `--format` choices are these keys. */
export const reporters = {
  text: renderText,
  json: renderJson,
} satisfies Record<string, Reporter>;

export type Format = keyof typeof reporters;
export const FORMATS = Object.keys(reporters) as Format[];
