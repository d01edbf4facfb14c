import { Option, type Command } from 'commander';
import type { Scope } from '../scope/limit.js';
import type { CliContext } from './context.js';

export interface ScopeFlags {
  changedSince?: string;
  baseline?: string;
}

/** `--changed-since` and `--baseline`: gate on what a change adds, not on the whole codebase. */
export function addScopeOptions(command: Command): Command {
  return command
    .addOption(new Option('--changed-since <ref>', 'only report findings and manual actions on lines changed since this git ref (and its merge base)'))
    .addOption(new Option('--baseline <json>', 'ignore the findings and manual actions a previous JSON report already listed'));
}

/** Reads the git diff and the baseline the flags name; undefined when neither is given. */
export async function resolveScope(ctx: CliContext, root: string, flags: ScopeFlags): Promise<Scope | undefined> {
  if (flags.changedSince === undefined && flags.baseline === undefined) return undefined;
  const [{ getChangedLines }, { loadBaseline }] = await Promise.all([import('../scope/changed-lines.js'), import('../scope/baseline.js')]);
  return {
    ...(flags.changedSince !== undefined ? { changed: await getChangedLines(root, flags.changedSince) } : {}),
    ...(flags.baseline !== undefined ? { baseline: await loadBaseline(ctx.cwd, flags.baseline) } : {}),
  };
}
