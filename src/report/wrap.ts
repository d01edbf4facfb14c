/** Terminal reports fit this many columns. */
export const TERMINAL_WIDTH = 100;

/**
 * Breaks `text` at spaces so that each line, with `indent` before it, fits `width` columns.
 * A word longer than a line (a URL) gets a line of its own rather than being cut.
 */
export function wrapText(text: string, indent: string, width = TERMINAL_WIDTH): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** A provider's name without its parenthesis: "Zhipu AI (BigModel / Z.AI, GLM)" → "Zhipu AI". */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '') || name;
}
