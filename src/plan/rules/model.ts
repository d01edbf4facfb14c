import type { ModelResolution } from '../../core/types.js';
import { mapModel } from '../../providers/index.js';
import { findModelOverride } from '../model-overrides.js';
import type { MigrationTarget } from '../target.js';
import { edit, manual, NOTHING, result, type Rule } from './types.js';

/** The target id for an OpenAI model: the run's deployments (Azure), then its overrides, then the provider's map. */
export function resolveModel(target: MigrationTarget, model: string): ModelResolution {
  const override = findModelOverride(target.deployments, model) ?? findModelOverride(target.models, model);
  if (override !== undefined) return { kind: 'mapped', id: override };
  const mapping = mapModel(target.provider, model);
  if (mapping.kind !== 'unknown') return mapping;
  // An id the provider itself uses (Azure spells gpt-3.5-turbo `gpt-35-turbo`): migrated already.
  return Object.values(target.provider.models).includes(model) ? { kind: 'already-target' } : mapping;
}

/**
 * Model ids are rewritten where the literal is defined (a shared constant changes once).
 * Ids the provider has no equivalent for, or that are not in its map, are reported.
 */
export const planModel: Rule = (finding, ctx) => {
  const model = finding.model;
  const literal = finding.detail?.literal;
  // `possible` ids sit outside any model position (UI text, lists): never rewritten.
  if (model === undefined || literal === undefined || finding.confidence === 'possible') return NOTHING;
  // Gateway ids (`openai/gpt-4o`) name OpenAI on purpose; a framework decides where they go.
  if (/^openai[/:]/.test(model)) return NOTHING;
  const { provider } = ctx.target;
  const resolution = resolveModel(ctx.target, model);
  // Only the kind and id: `mapModel` also says which map key matched, which reports do not need.
  const facts = { model: resolution.kind === 'mapped' ? { kind: resolution.kind, id: resolution.id } : { kind: resolution.kind } };
  switch (resolution.kind) {
    case 'already-target':
      return { ...NOTHING, ...facts };
    case 'none':
      return {
        ...result([], [manual(finding, 'error', 'no-equivalent-model', `${provider.name} has no equivalent of ${model}; see ${provider.docs}`, provider.docs)]),
        ...facts,
      };
    case 'unknown':
      return {
        ...result([], [manual(finding, 'warning', 'unknown-model', `no ${provider.name} model is known for ${model}; choose one and pass --model ${model}=<id>`, provider.docs)]),
        ...facts,
      };
    case 'mapped': {
      const rewritten = ctx.syntax.replaceInLiteral(literal, literal, resolution.id);
      const edits = resolution.id === model ? [] : [edit(finding, rewritten.range, rewritten.text, `${model} → ${resolution.id} on ${provider.name}`)];
      const actions = [];
      // A deployment named in the configuration exists already.
      if (provider.clientStyle === 'azure' && findModelOverride(ctx.target.deployments, model) === undefined) {
        actions.push(manual(finding, 'info', 'create-deployment', `Azure routes by deployment name: create a deployment named ${resolution.id} (model ${resolution.id}), or put your deployment's name here`));
      }
      if (model.startsWith('text-embedding-') && resolution.id !== model) {
        actions.push(manual(finding, 'warning', 'reindex-embeddings', `${resolution.id} produces different vectors than ${model}: re-embed stored vectors before comparing them with new ones`));
      }
      return { ...result(edits, actions), ...facts };
    }
  }
};
