import type { Finding } from '../../../core/types.js';
import type { TsFacts } from './index.js';
import { ModuleGraph } from './module-graph.js';
import type { ImportedRef } from './values.js';

/**
 * Follows imports between the scanned files to find clients, client factories and model
 * constants defined elsewhere, and generic base-URL variables that reach OpenAI. Distinctive SDK chains nothing resolved count as `likely` API
 * calls when some file of the project imports the SDK.
 */
export function linkFiles(files: { path: string; facts: TsFacts }[]): Finding[] {
  const graph = new ModuleGraph(files);
  const found: Finding[] = [];

  const linkModels = (importer: string, call: Finding, refs: ImportedRef[]) => {
    let model = call.model;
    for (const ref of refs) {
      const target = graph.resolveExport(importer, ref, 'model');
      for (const finding of target?.facts.exportedModels[target.name] ?? []) {
        // A model is as sure as the call that sends it.
        found.push(call.confidence === 'certain' ? finding : { ...finding, confidence: call.confidence });
        model ??= finding.model;
      }
    }
    if (model !== undefined && call.model === undefined) found.push({ ...call, model });
  };

  const usesSdk = files.some((file) => file.facts.importsOpenAI);
  const holders = new Set(files.flatMap((file) => file.facts.urlFlow.holders));
  const urlEnvNames = new Set(files.flatMap((file) => file.facts.urlFlow.envNames));
  for (const { path: file, facts } of files) {
    // `baseUrl: process.env.BASE_URL` where another file uses `config.baseUrl` as OpenAI's base.
    for (const read of facts.urlFlow.reads) {
      if (holders.has(read.holder) || urlEnvNames.has(read.finding.name!)) found.push(read.finding);
    }
    for (const { call, ref } of facts.importedModels) linkModels(file, call, [ref]);
    for (const pending of facts.pending) {
      const target = graph.resolveExport(file, pending.client, pending.isCall ? 'factory' : 'client');
      if (target === undefined) continue;
      const origin = pending.isCall ? undefined : target.facts.clientOrigins[target.name];
      if (origin !== undefined) pending.finding.detail = { ...pending.finding.detail, client: { file: target.path, start: origin } };
      found.push(pending.finding, ...(pending.models ?? []));
      linkModels(file, pending.finding, pending.importedModels);
    }
    if (!usesSdk) continue;
    for (const call of facts.unresolved) {
      found.push(call.finding);
      linkModels(file, call.finding, call.importedModels);
    }
  }
  return found;
}
