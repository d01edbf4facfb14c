import type { Edit, Finding, ManualAction } from '../core/types.js';
import type { MigrationTarget } from './target.js';

/** Text that tells a user about OpenAI: its key variable, its key page. */
const OLD_PROVIDER_TEXT = /(?<![A-Za-z0-9_])OPENAI_API_KEY(?![A-Za-z0-9_])|platform\.openai\.com[^\s'"`)]*/g;

/**
 * In files whose key reads the plan renamed, messages and links that still name OpenAI's key
 * (`'Missing OPENAI_API_KEY'`, a platform.openai.com link) are reported with the new wording.
 */
export function findOldProviderText(texts: ReadonlyMap<string, string>, findings: readonly Finding[], edits: readonly Edit[], target: MigrationTarget): ManualAction[] {
  const renamed = new Set(edits.filter((e) => e.text.endsWith(target.keyVar) && findings.some((f) => f.file === e.file && f.kind === 'env-var' && f.span.start <= e.start && e.end <= f.span.end)).map((e) => e.file));
  const actions: ManualAction[] = [];
  for (const file of renamed) {
    const text = texts.get(file) ?? '';
    const covered = findings.filter((f) => f.file === file).map((f) => f.span);
    // Text an edit replaces is gone (a use of a renamed `$env/static` import).
    const replaced = edits.filter((e) => e.file === file);
    for (const match of text.matchAll(OLD_PROVIDER_TEXT)) {
      const at = match.index;
      if ([...covered, ...replaced].some((range) => range.start <= at && at < range.end)) continue;
      const line = text.slice(0, at).split('\n').length;
      const wording = match[0] === 'OPENAI_API_KEY' ? `it now reads ${target.keyVar}` : `the key now comes from ${target.provider.name} (see ${target.provider.docs})`;
      actions.push({ file, line, severity: 'info', code: 'old-provider-text', message: `this text still names OpenAI (${match[0]}): ${wording}; update it` });
    }
  }
  return actions;
}
