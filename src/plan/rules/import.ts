import { baseUrlCode, describeBaseUrl, keyCode } from '../target.js';
import { azureClassFor } from './client.js';
import { planLegacySetup } from './module-settings.js';
import { edit, manual, NOTHING, result, type Rule } from './types.js';

/**
 * For Azure's dated API the file's first value import of 'openai' gains `AzureOpenAI` (or
 * Python's `AsyncAzureOpenAI`), when a client the client rule switches (one bound by an import) needs it.
 */
export const planImport: Rule = (finding, ctx) => {
  if (finding.api !== 'openai') return NOTHING;
  if (ctx.target.azureClient === undefined) return planLegacySetup(finding, ctx);
  const valueImports = ctx.fileFindings.filter((f) => f.kind === 'import' && f.api === 'openai' && !f.detail?.isTypeOnly && !f.detail?.isReExport && f.detail?.importedNames?.length);
  if (valueImports[0] !== finding) return NOTHING;
  const imported = new Set(valueImports.flatMap((f) => f.detail!.importedNames!.map((n) => n.name)));
  const switched = ctx.fileFindings.filter((f) => f.kind === 'client' && f.symbol === 'OpenAI' && f.detail?.binding === 'import');
  const needed = [...new Set(switched.map(azureClassFor))].filter((name) => !imported.has(name)).sort();
  if (needed.length === 0) return NOTHING;
  const names = finding.detail!.importedNames!;
  const reason = "Azure's dated API client";
  // `import OpenAI, * as sdk from 'openai'` has no room for a named import: add a declaration.
  if (names.some((n) => n.name === '*')) {
    const at = { start: finding.span.end, end: finding.span.end };
    return result([edit(finding, at, `${ctx.lines.eol}${ctx.syntax.importNames(needed, 'openai')}`, reason)]);
  }
  const firstNamed = names.find((n) => n.name !== 'default');
  if (firstNamed) return result([edit(finding, { start: firstNamed.range.start, end: firstNamed.range.start }, `${needed.join(', ')}, `, reason)]);
  const defaultName = names.find((n) => n.name === 'default')!;
  return result([edit(finding, { start: defaultName.range.end, end: defaultName.range.end }, `, { ${needed.join(', ')} }`, reason)]);
};

/** Framework modules whose OpenAI classes the client rule rewrites where they are constructed. */
const MIGRATED_FRAMEWORKS = new Set([
  '@langchain/openai',
  'langchain/chat_models/openai',
  'langchain/llms/openai',
  'langchain/embeddings/openai',
  '@llamaindex/openai',
  'langchain_openai',
  'langchain.chat_models',
  'langchain.chat_models.openai',
  'langchain_community.chat_models',
  'langchain.embeddings',
  'langchain.embeddings.openai',
  'langchain_community.embeddings',
  'langchain.llms',
  'langchain_community.llms',
  'llama_index.llms.openai',
  'llama_index.embeddings.openai',
  // The `chatgpt` wrapper: its constructors are planned where they are.
  'chatgpt',
]);

/**
 * The AI SDK's ready-made `openai` provider always talks to OpenAI: its import becomes
 * `createOpenAI` and a provider of the same name is declared right after, configured for the
 * target. Other framework modules are migrated at their constructors, or reported.
 */
export const planFramework: Rule = (finding, ctx) => {
  const module = finding.api;
  if (module === undefined || MIGRATED_FRAMEWORKS.has(module)) return NOTHING;
  if (module === '@ai-sdk/azure' && ctx.target.provider.clientStyle === 'azure') return NOTHING;
  const names = finding.detail?.importedNames ?? [];
  const provider = names.find((name) => name.name === 'openai');
  if (module === '@ai-sdk/openai') {
    if (provider === undefined) return NOTHING;
    // A file that already imports createOpenAI is left to the user (the name would clash).
    const importsFactory = ctx.fileFindings.some((f) => f.api === module && f.detail?.importedNames?.some((name) => name.name === 'createOpenAI'));
    if (provider.local !== undefined && provider.specifier !== undefined && !importsFactory && !finding.detail?.isReExport) {
      const { syntax } = ctx;
      const options = syntax.group([syntax.option('baseURL', baseUrlCode(ctx.target, syntax)), syntax.option('apiKey', keyCode(ctx.target, syntax))]);
      const semicolon = ctx.text[finding.span.end - 1] === ';' ? ';' : '';
      const reason = `an AI SDK provider for ${ctx.target.provider.name}`;
      // Declared after the file's last import, so the imports stay together.
      const at = finding.detail?.importsEnd ?? finding.span.end;
      return result([
        edit(finding, provider.specifier, 'createOpenAI', reason),
        edit(finding, { start: at, end: at }, `${ctx.lines.eol}${ctx.lines.eol}const ${provider.local} = createOpenAI(${options})${semicolon}`, reason),
      ]);
    }
  }
  return result([], [
    manual(finding, 'warning', 'framework-not-migrated', `${module} is not rewritten by this version: configure its base URL (${describeBaseUrl(ctx.target)}) and key (${ctx.target.keyVar}) by hand`),
  ]);
};
