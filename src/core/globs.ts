import { picomatch } from './picomatch.js';

/**
 * What is wrong with a user's glob, in the words of picomatch (the matcher fast-glob uses),
 * asked to refuse an unclosed or unopened `[`, `{` or `(` instead of matching it literally;
 * undefined when the glob is valid.
 */
export function checkGlob(glob: string): string | undefined {
  if (glob.trim() === '') return 'a glob cannot be empty';
  try {
    picomatch().makeRe(glob, { strictBrackets: true });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unbalanced = /^Missing (opening|closing): "(.)"/.exec(message);
    if (unbalanced === null) return message;
    return `missing ${unbalanced[1]} "${unbalanced[2]}"; escape a bracket, brace or parenthesis meant literally with \\`;
  }
}
