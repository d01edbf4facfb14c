import ignore, { type Ignore } from 'ignore';

/**
 * Where a pattern of an ignore file can match, read from its text the way the `ignore` package
 * compiles it (git's rules):
 * - `name`: no slash but a trailing one (after a leading `**` and slash when `deep`), so it
 *   matches the last name of a path at any depth (`literal` when it has no wildcard either,
 *   and then matches that name only);
 * - `anchored`: a slash at the start or in the middle, and no `**`: it matches paths of
 *   exactly `names` names below the file's folder;
 * - `any`: anything else (other `**`, escapes, brackets, whitespace, odd slashes), which is not
 *   taken apart and may match at any depth.
 * Lines that are no pattern (blank, comments) have no shape.
 */
export type PatternShape =
  | { kind: 'name'; literal: string | undefined; deep: boolean }
  | { kind: 'anchored'; names: number }
  | { kind: 'any' };

// Brackets can span a slash (`[!-0]`), whitespace changes how `ignore` reads a trailing slash,
// backslashes escape: patterns with any of them are not taken apart.
const NOT_TAKEN_APART = /[\s\\[]/;
const DEEP = '**/';
const NAME_ONLY = /^([^/]+)\/?$/;
const ANCHORED = /^\/?([^/]+(?:\/[^/]+)*)\/?$/;
const WILDCARD = /[*?]/;

export function shapeOf(line: string): PatternShape | undefined {
  if (line === '' || line.startsWith('#')) return undefined;
  if (NOT_TAKEN_APART.test(line)) return { kind: 'any' };
  const body = line.startsWith('!') ? line.slice(1) : line;
  const deep = body.startsWith(DEEP);
  const rest = deep ? body.slice(DEEP.length) : body;
  if (rest.includes('**')) return { kind: 'any' };
  const name = NAME_ONLY.exec(rest)?.[1];
  if (name !== undefined) return { kind: 'name', literal: WILDCARD.test(name) ? undefined : name, deep };
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

const NO_RULE = 0;
const IGNORED = 1;
const UNIGNORED = 2;
type Verdict = typeof NO_RULE | typeof IGNORED | typeof UNIGNORED;

function verdictOf(result: { ignored: boolean; unignored: boolean }): Verdict {
  return result.ignored ? IGNORED : result.unignored ? UNIGNORED : NO_RULE;
}

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
  /** When every `name` rule is a literal (and case counts): the only names they can match. */
  private readonly literals: Set<string> | undefined;
  private readonly anchoredDepths = new Set<number>();
  private readonly hasAny: boolean;
  private readonly hasDeep: boolean;
  private readonly byName = new Map<string, Verdict>();

  constructor(content: string, ignoreCase: boolean) {
    // Split as `ignore` splits, so that each line is one of its patterns.
    const nameLines: string[] = [];
    const literals = new Set<string>();
    let allLiteral = !ignoreCase;
    let hasAny = false;
    let hasDeep = false;
    for (const line of content.split(/\r?\n/)) {
      const shape = shapeOf(line);
      if (shape?.kind === 'name') {
        nameLines.push(line);
        hasDeep ||= shape.deep;
        if (shape.literal === undefined) allLiteral = false;
        else literals.add(shape.literal);
      } else if (shape?.kind === 'anchored') this.anchoredDepths.add(shape.names);
      else if (shape?.kind === 'any') hasAny = true;
    }
    this.hasAny = hasAny;
    this.hasDeep = hasDeep;
    this.literals = allLiteral ? literals : undefined;
    this.rules = ignore({ ignoreCase }).add(content);
    this.nameRules = ignore({ ignoreCase }).add(nameLines);
  }

  /** `ignore`'s answer for a path relative to the file's folder ('/' at the end for a folder). */
  test(local: string): { ignored: boolean; unignored: boolean } {
    return this.rules.test(local);
  }

  /**
   * Whether these rules ignore (true) or re-include (false) the entry `name` of `folder`, which
   * they do not ignore; undefined when no rule matches it.
   */
  verdict(folder: LocalFolder, name: string, isFolder: boolean): boolean | undefined {
    let verdict: Verdict;
    const key = isFolder ? `${name}/` : name;
    if (folder.local === '') verdict = verdictOf(this.rules.test(key));
    else if (this.hasAny || this.anchoredDepths.has(folder.depth + 1) || (this.hasDeep && folder.hasLineBreak)) {
      verdict = verdictOf(this.rules.test(folder.local + key));
    } else if (this.literals !== undefined && !this.literals.has(name)) verdict = NO_RULE;
    else verdict = this.verdictByName(key);
    return verdict === NO_RULE ? undefined : verdict === IGNORED;
  }

  private verdictByName(key: string): Verdict {
    let verdict = this.byName.get(key);
    if (verdict === undefined) {
      verdict = verdictOf(this.nameRules.test(key));
      this.byName.set(key, verdict);
    }
    return verdict;
  }
}
