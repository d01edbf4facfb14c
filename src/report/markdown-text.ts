/** An inline code span that survives backticks in the text (CommonMark: a longer backtick run). */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${ticks}${pad}${oneLine(text)}${pad}${ticks}`;
}

/** A table row; GFM reads `\|` as a pipe inside a cell, code spans included. */
export function row(...cells: string[]): string {
  return `| ${cells.map((text) => oneLine(text).replace(/\|/g, '\\|')).join(' | ')} |`;
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
