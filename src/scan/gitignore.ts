// .gitignore rules as git applies them: nested files scoped to their folder, the files of
// parent folders up to the repository's top, and the repository's info/exclude.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toRelative } from '../core/paths.js';
import { readRegularFileSync } from '../core/read-regular.js';
import { IgnoreFile, localFolderAt, localFolderIn, type Judge, type LocalFolder } from './ignore-file.js';

export const GITIGNORE = '.gitignore';

// git matches ignore rules case-insensitively where the file system is (its core.ignorecase).
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

/** An ignore file, one folder as its rules see it, and how they judge the folder's entries. */
interface View {
  file: IgnoreFile;
  folder: LocalFolder;
  judge: Judge;
}

function viewOf(file: IgnoreFile, folder: LocalFolder): View {
  return { file, folder, judge: file.judgeIn(folder) };
}

/** An ignore file of a folder above the root. */
interface OuterFile {
  file: IgnoreFile;
  /** The root's path from the file's folder, ending in '/'; '' for info/exclude at the root's own top. */
  prefix: string;
}

/**
 * The ignore rules in force directly inside one folder that is not ignored, answering for its
 * entries with git's rules: a deeper `.gitignore` overrides a shallower one, and a folder that
 * is ignored hides everything below it (no rule can re-include a file there), so the walk
 * never enters it. Each folder is judged once, on the way down; a file then costs one test of
 * its name per ignore file that still applies to it.
 */
export class FolderRules {
  /** No ignore file applies. */
  static readonly none = new FolderRules([]);

  /** `views`: the ignore files that apply, most specific first. */
  private constructor(private readonly views: readonly View[]) {}

  /**
   * The rules in the root from the ignore files above it, most specific first. The root was
   * named on purpose: if its own repository ignores it, those rules would hide everything, so
   * none of them is applied.
   */
  static above(outer: OuterFile[]): FolderRules {
    // How each file sees the root itself; info/exclude at the root's own top has nothing to say.
    const verdicts = outer.map(({ file, prefix }) => (prefix === '' ? undefined : file.test(prefix)));
    if (verdicts.find((verdict) => verdict?.ignored || verdict?.unignored)?.ignored) return FolderRules.none;
    // A file that ignores the root, which a more specific one re-includes, has no say in it.
    const views = outer.flatMap(({ file, prefix }, index) => (verdicts[index]?.ignored ? [] : [viewOf(file, localFolderAt(prefix))]));
    return new FolderRules(views);
  }

  /** The rules inside this folder once its own ignore file is added. */
  withOwnFile(file: IgnoreFile | undefined): FolderRules {
    return file ? new FolderRules([viewOf(file, localFolderAt('')), ...this.views]) : this;
  }

  /** Whether a file (not a folder) directly inside this folder is ignored. */
  isFileIgnored(name: string): boolean {
    for (const view of this.views) {
      const verdict = view.judge(name, false);
      if (verdict !== undefined) return verdict;
    }
    return false;
  }

  /** The rules inside the subfolder `name`, or undefined when that folder is ignored. */
  enter(name: string): FolderRules | undefined {
    if (this.views.length === 0) return this;
    const views: View[] = [];
    let decided = false;
    for (const view of this.views) {
      const verdict = view.judge(name, true);
      if (!decided && verdict !== undefined) {
        if (verdict) return undefined;
        decided = true;
      }
      // A file that ignores the folder, which a more specific one re-includes, has no say below
      // it (`ignore` would answer with its verdict on the folder for every path there). git
      // would still hear its rules for those paths: that rare case errs towards scanning.
      if (verdict !== true) views.push(viewOf(view.file, localFolderIn(view.folder, name)));
    }
    return new FolderRules(views);
  }
}

/**
 * Reads ignore files with blocking calls (they are few and small, and the walk waits for
 * each), and shares the rules of files with the same text: a monorepo's packages often have
 * one, and the answers kept per name then serve them all.
 */
export class IgnoreFileReader {
  private readonly byText = new Map<string, IgnoreFile>();

  /** The rules of `folder`'s `.gitignore`, when it is a regular file. */
  gitignoreIn(folder: string): IgnoreFile | undefined {
    return this.read(path.join(folder, GITIGNORE));
  }

  read(file: string): IgnoreFile | undefined {
    let text: string;
    try {
      // git reads only regular files here; a FIFO named .gitignore must not block the scan.
      text = readRegularFileSync(file);
    } catch {
      return undefined;
    }
    // git skips a UTF-8 BOM at the start of an ignore file.
    text = text.replace(/^\uFEFF/, '');
    let rules = this.byText.get(text);
    if (rules === undefined) {
      rules = new IgnoreFile(text, IGNORE_CASE);
      this.byText.set(text, rules);
    }
    return rules;
  }
}

/**
 * The rules in force in the root before its own `.gitignore`: those of the folders above it up
 * to the enclosing repository's top, then the repository's `info/exclude`. None when the root
 * is not inside a git repository.
 */
export async function loadRootRules(realRoot: string, reader: IgnoreFileReader): Promise<FolderRules> {
  const repository = await findRepository(realRoot);
  if (!repository) return FolderRules.none;
  const folders: string[] = [];
  for (let folder = realRoot; folder !== repository.top; ) {
    folder = path.dirname(folder);
    folders.push(folder);
  }
  const outerFile = (folder: string, file: string): OuterFile[] => {
    const rules = reader.read(file);
    const fromFolder = toRelative(folder, realRoot);
    return rules ? [{ file: rules, prefix: fromFolder === '' ? '' : `${fromFolder}/` }] : [];
  };
  return FolderRules.above([
    ...folders.flatMap((folder) => outerFile(folder, path.join(folder, GITIGNORE))),
    ...outerFile(repository.top, path.join(repository.commonDir, 'info', 'exclude')),
  ]);
}

/** The nearest folder at or above `start` holding `.git`, and where its shared git data lives. */
async function findRepository(start: string): Promise<{ top: string; commonDir: string } | undefined> {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const dotGit = path.join(folder, '.git');
    const stat = await fs.stat(dotGit).catch(() => undefined);
    if (stat?.isDirectory()) return { top: folder, commonDir: dotGit };
    // Worktrees and submodules have a `.git` file pointing at the real git folder.
    if (stat?.isFile()) return { top: folder, commonDir: await readGitDirLink(folder, dotGit) };
    if (path.dirname(folder) === folder) return undefined;
  }
}

async function readGitDirLink(top: string, dotGitFile: string): Promise<string> {
  const content = await fs.readFile(dotGitFile, 'utf8').catch(() => '');
  const gitDir = path.resolve(top, /^gitdir:\s*(.+)$/m.exec(content)?.[1]?.trim() ?? '.git');
  const commonDir = await fs.readFile(path.join(gitDir, 'commondir'), 'utf8').catch(() => undefined);
  return commonDir === undefined ? gitDir : path.resolve(gitDir, commonDir.trim());
}
