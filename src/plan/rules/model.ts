import type { ModelResolution } from '../../core/types.js';
import { mapModel, snapshotFamily } from '../../providers/index.js';
import { findModelOverride } from '../model-overrides.js';
import type { MigrationTarget } from '../target.js';
import { carriesImages, reindexAction, enclosingApi, enclosingCall, isForUnservedApi } from './model-context.js';
import { edit, manual, NOTHING, result, type Rule, type RuleResult } from './types.js';
import type { Finding } from '../../core/types.js';

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
  const call = enclosingCall(finding, ctx.fileFindings);
  const api = enclosingApi(call);
  if (isForUnservedApi(model, api, provider)) {
    // Inside the call, the API-call rule reports it; elsewhere (a session object) say why it stays.
    return api !== undefined
      ? NOTHING
      : result([], [manual(finding, 'info', 'model-for-unserved-api', `${model} is only used by OpenAI's Realtime API, which ${provider.name} does not serve: left as written; keep this session on OpenAI or move it to ${provider.name}'s own realtime product`)]);
  }
  if (api === 'fine-tuning') return planFineTuneBase(finding, model, literal, ctx.target);
  // Azure deployments of the same models take images; other providers name a vision model or none.
  if (carriesImages(call) && provider.clientStyle !== 'azure') return planVisionModel(finding, model, literal, ctx.target, provider.visionModel);
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
        actions.push(manual(finding, 'info', 'create-deployment', `Azure routes by deployment name: create a deployment named ${resolution.id} (model ${resolution.id}), or put your deployment's name at each call site`));
      }
      if (model.startsWith('text-embedding-') && resolution.id !== model) {
        actions.push(reindexAction(finding, model, resolution.id, ctx.text));
      }
      return { ...result(edits, actions), ...facts };
    }
  }
};

/**
 * A fine-tuning job's base model is not a deployment or a chat model: it must be one the
 * target fine-tunes. The run's own mapping wins; otherwise the provider's fine-tunable list.
 */
function planFineTuneBase(finding: Finding, model: string, literal: { start: number; end: number }, target: MigrationTarget): RuleResult {
  const { provider } = target;
  const tunable = provider.fineTunableModels ?? {};
  const family = snapshotFamily(model);
  const listed = [model, family].find((key) => key !== undefined && Object.hasOwn(tunable, key));
  const id = findModelOverride(target.models, model) ?? (listed === undefined ? undefined : tunable[listed]);
  if (id === undefined) {
    const known = Object.values(tunable);
    const choice = known.length > 0 ? `fine-tunable base models: ${[...new Set(known)].join(', ')}` : `no fine-tunable base model of ${provider.name} is known`;
    return result([], [
      manual(finding, 'error', 'no-fine-tunable-model', `fine-tuning job on ${model}: ${provider.name} cannot fine-tune it (${choice}); choose a base model with --model ${model}=<id>, and retrain: OpenAI fine-tunes do not carry over`, provider.docs),
    ]);
  }
  return result(id === model ? [] : [edit(finding, literal, id, `${model} → ${id}, a base model ${provider.name} fine-tunes`)]);
}

/**
 * A call whose messages carry images needs a model that takes them: the provider's vision model
 * (the run's own mapping wins), or an error when the provider has none.
 */
function planVisionModel(finding: Finding, model: string, literal: { start: number; end: number }, target: MigrationTarget, vision: string | null | undefined): RuleResult {
  const { provider } = target;
  const chosen = findModelOverride(target.models, model) ?? vision;
  if (chosen === undefined) {
    return result([], [
      manual(finding, 'warning', 'no-vision-model', `this call sends images, and no ${provider.name} model that takes them is known: choose one and pass --model ${model}=<id>`, provider.docs),
    ]);
  }
  if (chosen === null) {
    return result([], [
      manual(finding, 'error', 'no-vision-model', `this call sends images, and ${provider.name} has no model that takes them: keep it on a vision-capable provider, or drop the image parts`, provider.docs),
    ]);
  }
  return { ...result(chosen === model ? [] : [edit(finding, literal, chosen, `${model} → ${chosen}: this call sends images`)]), model: { kind: 'mapped', id: chosen } };
}
