/** Scripts shorter than this are parsed whatever their shape: parsing them costs little. */
const MIN_CHARS = 2_000;
/** Formatted code keeps lines far below this on average, even with long string literals here and there. */
const MIN_MEAN_LINE = 500;
/** Minified code keeps 2–6% of its characters as spaces (after keywords); prose in a long string about one in six. */
const MAX_BLANK_SHARE = 0.1;

/**
 * Why a script looks minified (bundled, generated, not the place to migrate by hand), or
 * undefined. Such a file is reported as skipped rather than parsed: a bundle can be large
 * enough to take seconds, and the findings in it belong to the source it was built from.
 */
export function describeMinified(text: string): string | undefined {
  if (text.length < MIN_CHARS) return undefined;
  // A last line without its line break counts too.
  let lines = /[\r\n]$/.test(text) ? 0 : 1;
  let blanks = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // LF, or a lone CR (a CR before an LF is part of one CRLF break).
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) lines++;
    else if (code === 32 || code === 9) blanks++;
  }
  const meanLine = text.length / lines;
  if (meanLine < MIN_MEAN_LINE || blanks / text.length > MAX_BLANK_SHARE) return undefined;
  return `minified or generated code (${lines} line${lines === 1 ? '' : 's'} averaging ${Math.round(meanLine)} characters)`;
}
