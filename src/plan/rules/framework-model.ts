import type { Finding, ManualAction, Range } from '../../core/types.js';
import { capabilityFor } from '../../providers/index.js';
import { findFrameworkDefault, packageOf, type FrameworkDefault } from '../framework-defaults.js';
import { resolveModel } from './model.js';
import { reindexAction } from './model-context.js';
import { manual, type RuleContext } from './types.js';

/** The options that name the model: JS `model`/`modelName`, Python `model`/`model_name`. */
const MODEL_OPTIONS = new Set(['model', 'modelName', 'model_name']);

export interface DefaultModelPlan {
  /** The model option to add, set to the target's id. */
  option?: { name: string; code: string };
  manual: ManualAction[];
}

/**
 * A framework class constructed without a model sends its library's default: the migrated
 * code names the target's model for that default explicitly, so the request is the one the
 * plan checked. An embedding class also gets the re-index warning, and a batch-size warning
 * when its default batch exceeds what the target's embeddings endpoint takes.
 */
export function planDefaultModel(finding: Finding, ctx: RuleContext): DefaultModelPlan {
  const argument = finding.detail?.argument;
  const symbol = finding.symbol;
  // The AI SDK's createOpenAI builds a provider; its calls name their model.
  if (finding.api === undefined || symbol === undefined || symbol === 'createOpenAI') return { manual: [] };
  if (argument === undefined || (argument.kind === 'object' && argument.properties.some((p) => MODEL_OPTIONS.has(p.name)))) return { manual: [] };
  // A positional model before the options (`new ChatOpenAI('gpt-4o', { … })`), whatever its id.
  const callee = finding.detail?.callee;
  if (callee === undefined || ctx.lines.slice(callee.end, argument.range.start).replace(/[\s(]/g, '') !== '') return { manual: [] };
  const { pkg, declared, known } = frameworkDefaultOf(finding, ctx);
  const { provider } = ctx.target;
  if (argument.kind === 'other' || (argument.kind === 'object' && argument.isOpen)) return { manual: unreadOptions(finding, ctx, argument.range, pkg, known) };
  if (known === undefined) {
    return {
      manual: [manual(finding, 'warning', 'framework-default-model', `${symbol} names no model, and the default of ${pkg} ${declared ?? ''} is not known: set the ${provider.name} model explicitly`.replace('  ', ' '))],
    };
  }
  const resolution = resolveModel(ctx.target, known.model);
  const sends = `${symbol} names no model, so ${pkg}${declared ? ` ${declared}` : ''} sends its default ${known.model}`;
  if (resolution.kind === 'none' || resolution.kind === 'unknown') {
    const why = resolution.kind === 'none' ? `${provider.name} has no equivalent` : `no ${provider.name} model is known for it`;
    return { manual: [manual(finding, resolution.kind === 'none' ? 'error' : 'warning', 'framework-default-model', `${sends}; ${why}: set a model explicitly`, provider.docs)] };
  }
  const id = resolution.kind === 'mapped' ? resolution.id : known.model;
  const actions: ManualAction[] = [];
  if (provider.clientStyle === 'azure') {
    actions.push(manual(finding, 'info', 'create-deployment', `Azure routes by deployment name: ${sends}, now named explicitly; create a deployment named ${id} (model ${id}), or put your deployment's name here`));
  }
  if (known.batchSize !== undefined) {
    if (id !== known.model) actions.push(reindexAction(finding, known.model, id, ctx.text));
    const limit = provider.embeddingBatchLimit;
    const hasBatchOption = argument.kind === 'object' && argument.properties.some((p) => p.name === known.batchOption);
    if (limit !== undefined && known.batchSize > limit && !hasBatchOption) {
      actions.push(manual(finding, 'warning', 'embedding-batch-limit', `${symbol} sends up to ${known.batchSize} texts per embeddings request by default; ${provider.name} takes at most ${limit}: set its batch size (\`${known.batchOption}\`) to ${limit} or less`, provider.docs));
    }
  }
  const structured = known.structuredOutput;
  if (structured !== undefined && capabilityFor(provider, 'param.response_format.json_schema').support !== 'supported') {
    actions.push(
      manual(finding, 'warning', 'structured-output-method', `${structured.method} on this model would send a json_schema response format (${structured.why}), which ${provider.name} does not fully support: pass ${structured.fix} where it is called`),
    );
  }
  return { option: { name: 'model', code: ctx.syntax.string(id) }, manual: actions };
}

function frameworkDefaultOf(finding: Finding, ctx: RuleContext): { pkg: string; declared: string | undefined; known: FrameworkDefault | undefined } {
  const pkg = packageOf(finding.api!, finding.language);
  const ecosystem = finding.language === 'python' ? 'pypi' : undefined;
  const declared = ctx.projectFindings.find((other) => other.detail?.dependency !== undefined && other.detail.dependency.ecosystem === ecosystem && other.api === pkg)?.version;
  return { pkg, declared, known: findFrameworkDefault(pkg, finding.symbol!, declared, ecosystem) };
}

/**
 * Options the plan cannot read (`new ChatOpenAI(config)`, `{ ...opts }`, `**kwargs`) may or may
 * not name a model: without one the library's default goes to the target, so the user is asked
 * to check, unless a model id is written among the arguments (a positional model).
 */
function unreadOptions(finding: Finding, ctx: RuleContext, range: Range, pkg: string, known: FrameworkDefault | undefined): ManualAction[] {
  if (ctx.fileFindings.some((other) => other.kind === 'model' && range.start <= other.span.start && other.span.end <= range.end)) return [];
  const { provider } = ctx.target;
  const resolution = known === undefined ? undefined : resolveModel(ctx.target, known.model);
  const sends = known === undefined ? `${pkg} sends its own default` : `${pkg} sends its default ${known.model}`;
  const advice = resolution?.kind === 'mapped' ? `name ${resolution.id} (the ${provider.name} model for it) in them` : `name a ${provider.name} model in them`;
  return [
    manual(finding, 'warning', 'framework-default-model', `${finding.symbol}'s options are not written here, so the plan cannot tell whether they name a model; without one ${sends}: ${advice}`),
  ];
}
