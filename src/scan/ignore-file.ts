import ignore, { type Ignore } from 'ignore';

/**
 * Where a pattern of an ignore file can match, read from its text the way the `ignore` package
 * compiles it (git's rules):
 * - `name`: no slash but a trailing one (after a leading `**` and slash when `deep`), so its
 *   glob `name` matches the last name of a path at any depth;
 * - `anchored`: a slash at the start or in the middle, and no `**`: it matches paths of
 *   exactly `names` names below the file's folder;
 * - `any`: anything else (other `**`, escapes, whitespace, brackets that could hold a slash,
 *   odd slashes), which is not taken apart and may match at any depth.
 * Lines that are no pattern (blank, comments) have no shape.
 */
export type PatternShape =
  | { kind: 'name'; name: string; deep: boolean }
  | { kind: 'anchored'; names: number }
  | { kind: 'any' };

// Whitespace changes how `ignore` reads a trailing slash and backslashes escape: patterns with
// either are not taken apart. Nor are brackets but those of letters and digits (`[cod]`,
// `[0-9]`): a range can span a slash (`[!-0]`).
const NOT_TAKEN_APART = /[\s\\]/;
const LETTERS_OR_DIGITS = /\[[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*\]/g;
const BRACKET = /[[\]]/;
const DEEP = '**/';
const NAME_ONLY = /^([^/]+)\/?$/;
const ANCHORED = /^\/?([^/]+(?:\/[^/]+)*)\/?$/;

export function shapeOf(line: string): PatternShape | undefined {
  if (line === '' || line.startsWith('#')) return undefined;
  if (NOT_TAKEN_APART.test(line) || BRACKET.test(line.replace(LETTERS_OR_DIGITS, ''))) return { kind: 'any' };
  const body = line.startsWith('!') ? line.slice(1) : line;
  const deep = body.startsWith(DEEP);
  const rest = deep ? body.slice(DEEP.length) : body;
  if (rest.includes('**')) return { kind: 'any' };
  const name = NAME_ONLY.exec(rest)?.[1];
  if (name !== undefined) return { kind: 'name', name, deep };
  const anchored = deep ? null : ANCHORED.exec(rest);
  return anchored ? { kind: 'anchored', names: anchored[1]!.split('/').length } : { kind: 'any' };
}

/** A folder as the rules of an ignore file see it. */
export interface LocalFolder {
  /** Its path from the ignore file's folder: '' or ending in '/'. */
  local: string;
  /** How many names `local` has. */
  depth: number;
  /** Whether `local` holds a line break, which a leading `**` does not cross in `ignore`. */
  hasLineBreak: boolean;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The folder `name` inside `folder`, as the same rules see it. */
export function localFolderIn(folder: LocalFolder, name: string): LocalFolder {
  return { local: `${folder.local}${name}/`, depth: folder.depth + 1, hasLineBreak: folder.hasLineBreak || LINE_BREAK.test(name) };
}

/** The root-relative folder `local` ('' or ending in '/') as the rules of an ignore file above it see it. */
export function localFolderAt(local: string): LocalFolder {
  return { local, depth: local === '' ? 0 : local.split('/').length - 1, hasLineBreak: LINE_BREAK.test(local) };
}

// The wildcards of a name glob: `*`, `?` and a bracket (of letters and digits, as taken apart).
const WILDCARD = /\*|\?|\[[^\]]*\]/;

/**
 * What a name must hold for a name glob to match it: the glob's literal runs, in order, the
 * first at the start and the last at the end (where no wildcard stands). Far cheaper than the
 * glob's regular expression, and enough to pass over most names.
 */
export class NameFilter {
  private readonly head: string;
  private readonly tail: string;
  private readonly middle: string[];

  constructor(glob: string) {
    const runs = glob.split(WILDCARD);
    this.head = runs[0]!;
    this.tail = runs.length > 1 ? runs[runs.length - 1]! : '';
    this.middle = runs.slice(1, -1).filter((run) => run !== '');
  }

  mayMatch(name: string): boolean {
    const end = name.length - this.tail.length;
    if (end < this.head.length || !name.startsWith(this.head) || !name.endsWith(this.tail)) return false;
    let at = this.head.length;
    for (const run of this.middle) {
      const found = name.indexOf(run, at);
      if (found === -1 || found + run.length > end) return false;
      at = found + run.length;
    }
    return true;
  }
}

/**
 * Whether `ignore` can compile a line's pattern. One it cannot (a range out of order, `[a--]`)
 * would make every test throw; git matches nothing with it, so it is left out.
 */
function isCompilable(line: string, ignoreCase: boolean): boolean {
  if (!line.includes('[')) return true;
  try {
    ignore({ ignoreCase }).add(line).test('x');
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a name glob's literal parts can be folded to lower case and still be found in a
 * name folded the same way wherever `ignore` matches them. Without case (and without the `u`
 * flag) a regular expression matches an ASCII character only with an ASCII one of the same
 * letter, which lower-casing leaves equal: the filters may then let more names through, never
 * fewer. A glob with other characters is not folded (`µ` matches `μ`, which lower-cases to
 * another character).
 */
function isFoldable(glob: string, ignoreCase: boolean): boolean {
  return !ignoreCase || ASCII.test(glob);
}

const ASCII = /^[\x00-\x7f]*$/;

const NO_RULE = 0;
const IGNORED = 1;
const UNIGNORED = 2;
type Verdict = typeof NO_RULE | typeof IGNORED | typeof UNIGNORED;

function verdictOf(result: { ignored: boolean; unignored: boolean }): Verdict {
  return result.ignored ? IGNORED : result.unignored ? UNIGNORED : NO_RULE;
}

function answerOf(result: { ignored: boolean; unignored: boolean }): boolean | undefined {
  return result.ignored ? true : result.unignored ? false : undefined;
}

/** An ignore file's answer for an entry of a folder: ignored (true), re-included (false) or no rule (undefined). */
export type Judge = (name: string, isFolder: boolean) => boolean | undefined;

/**
 * The rules of one ignore file. `ignore` answers for a path by testing each of its folders,
 * then the path itself against every rule; for a folder these rules do not ignore, only the
 * last test counts. A rule of shape `name` answers for a path as for its last name, and an
 * anchored rule cannot match a path of another depth: so at a depth where no other rule can
 * match, the answer for a name holds in every folder, and is computed once.
 */
export class IgnoreFile {
  private readonly rules: Ignore;
  /** The rules of shape `name`, in their order. */
  private readonly nameRules: Ignore;
  /**
   * The names the literal `name` rules match and the filters of the others, both folded to
   * lower case when case does not count; undefined when that folding cannot be trusted.
   */
  private readonly literalNames: Set<string> | undefined;
  private readonly nameFilters: NameFilter[] | undefined;
  private readonly ignoreCase: boolean;
  private readonly anchoredDepths = new Set<number>();
  private readonly hasAny: boolean;
  private readonly hasDeep: boolean;
  private readonly byName = new Map<string, Verdict>();

  constructor(content: string, ignoreCase: boolean) {
    // Split as `ignore` splits, so that each line is one of its patterns.
    const lines = content.split(/\r?\n/).filter((line) => isCompilable(line, ignoreCase));
    const nameLines: string[] = [];
    const literalNames = new Set<string>();
    const nameFilters: NameFilter[] = [];
    let hasAny = false;
    let hasDeep = false;
    let foldable = true;
    for (const line of lines) {
      const shape = shapeOf(line);
      if (shape?.kind === 'name') {
        nameLines.push(line);
        hasDeep ||= shape.deep;
        const glob = ignoreCase ? shape.name.toLowerCase() : shape.name;
        if (!isFoldable(shape.name, ignoreCase)) foldable = false;
        else if (WILDCARD.test(glob)) nameFilters.push(new NameFilter(glob));
        else literalNames.add(glob);
      } else if (shape?.kind === 'anchored') this.anchoredDepths.add(shape.names);
      else if (shape?.kind === 'any') hasAny = true;
    }
    this.hasAny = hasAny;
    this.hasDeep = hasDeep;
    this.literalNames = foldable ? literalNames : undefined;
    this.nameFilters = foldable ? nameFilters : undefined;
    this.ignoreCase = ignoreCase;
    this.rules = ignore({ ignoreCase }).add(lines);
    this.nameRules = ignore({ ignoreCase }).add(nameLines);
  }

  /** `ignore`'s answer for a path relative to the file's folder ('/' at the end for a folder). */
  test(local: string): { ignored: boolean; unignored: boolean } {
    return this.rules.test(local);
  }

  /**
   * How these rules judge the entries of `folder`, which they do not ignore: true for an entry
   * they ignore, false for one they re-include, undefined when no rule matches it. The way to
   * answer is the same for every entry of a folder, so it is chosen once.
   */
  judgeIn(folder: LocalFolder): Judge {
    if (folder.local === '') return (name, isFolder) => answerOf(this.rules.test(isFolder ? `${name}/` : name));
    if (this.hasAny || this.anchoredDepths.has(folder.depth + 1) || (this.hasDeep && folder.hasLineBreak)) {
      return (name, isFolder) => answerOf(this.rules.test(`${folder.local}${name}${isFolder ? '/' : ''}`));
    }
    return (name, isFolder) => this.answerByName(name, isFolder);
  }

  /** The answer of the `name` rules for a name, kept for the next folder holding one. */
  private answerByName(name: string, isFolder: boolean): boolean | undefined {
    if (this.nameFilters?.length === 0 && !this.mayMatchName(name)) return undefined;
    const key = isFolder ? `${name}/` : name;
    let verdict = this.byName.get(key);
    if (verdict === undefined) {
      verdict = this.mayMatchName(name) ? verdictOf(this.nameRules.test(key)) : NO_RULE;
      this.byName.set(key, verdict);
    }
    return verdict === NO_RULE ? undefined : verdict === IGNORED;
  }

  private mayMatchName(name: string): boolean {
    if (this.nameFilters === undefined) return true;
    const folded = this.ignoreCase ? name.toLowerCase() : name;
    if (this.literalNames!.has(folded)) return true;
    for (const filter of this.nameFilters) if (filter.mayMatch(folded)) return true;
    return false;
  }
}
