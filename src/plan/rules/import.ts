import { describeBaseUrl } from '../target.js';
import { edit, manual, NOTHING, result, type Rule } from './types.js';

/**
 * For Azure's dated API the file's first value import of 'openai' gains `AzureOpenAI`, when a
 * client the client rule switches (one bound by an ESM import) needs it.
 */
export const planImport: Rule = (finding, ctx) => {
  if (ctx.target.azureClient === undefined || finding.api !== 'openai') return NOTHING;
  const valueImports = ctx.fileFindings.filter((f) => f.kind === 'import' && f.api === 'openai' && !f.detail?.isTypeOnly && f.detail?.importedNames?.length);
  if (valueImports[0] !== finding) return NOTHING;
  if (valueImports.some((f) => f.detail?.importedNames?.some((n) => n.name === 'AzureOpenAI'))) return NOTHING;
  const needsClass = ctx.fileFindings.some((f) => f.kind === 'client' && f.symbol === 'OpenAI' && f.detail?.binding === 'import');
  if (!needsClass) return NOTHING;
  const names = finding.detail!.importedNames!;
  const firstNamed = names.find((n) => n.name !== 'default');
  const reason = "Azure's dated API client";
  if (firstNamed) return result([edit(finding, { start: firstNamed.range.start, end: firstNamed.range.start }, 'AzureOpenAI, ', reason)]);
  const defaultName = names.find((n) => n.name === 'default')!;
  return result([edit(finding, { start: defaultName.range.end, end: defaultName.range.end }, ', { AzureOpenAI }', reason)]);
};

/** Framework packages are not rewritten yet: say so where they are imported. */
export const planFramework: Rule = (finding, ctx) => {
  if (finding.api === undefined) return NOTHING;
  return result([], [
    manual(finding, 'warning', 'framework-not-migrated', `${finding.api} is not rewritten by this version: configure its base URL (${describeBaseUrl(ctx.target)}) and key (${ctx.target.keyVar}) by hand`),
  ]);
};
