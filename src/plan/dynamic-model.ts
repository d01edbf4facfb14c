import type { CapabilityKey } from '../providers/types.js';
import type { Finding, ManualAction } from '../core/types.js';
import { capabilityForApi } from './api-surface.js';
import { resolveModel } from './rules/model.js';
import { manual } from './rules/types.js';
import type { MigrationTarget } from './target.js';

/** APIs whose requests name a model, each with a common OpenAI model to show the target's equivalent of. */
const MODEL_APIS = new Map<CapabilityKey, string>([
  ['chat.completions', 'gpt-4o-mini'],
  ['completions', 'gpt-3.5-turbo-instruct'],
  ['responses', 'gpt-4o-mini'],
  ['embeddings', 'text-embedding-3-small'],
  ['images', 'dall-e-3'],
  ['audio.transcriptions', 'whisper-1'],
  ['audio.translations', 'whisper-1'],
  ['audio.speech', 'tts-1'],
  ['moderations', 'omni-moderation-latest'],
]);

/** Methods that send a request with a model (`create`, `parse`, `stream`, v3 `createChatCompletion`, v0 `acreate`). */
const SENDS_REQUEST = /(?:^|\.)a?create$|\.(?:parse|stream|generate|edit|createVariation)$|^create[A-Z]\w*$/;

/** Long expressions are shown by their start: enough to find them at the line. */
const MAX_SHOWN = 60;

/**
 * A request that moves to the target with a model the scan could not see: a parameter, an
 * environment variable, a value built in code it cannot follow, or options spread in from
 * elsewhere. Nothing proves that model is one the target serves, so the call gets a warning
 * naming where the model comes from, and an example of the target's ids.
 */
export function dynamicModelAction(call: Finding, target: MigrationTarget): ManualAction | undefined {
  if (call.model !== undefined || call.api === undefined || call.confidence === 'possible') return undefined;
  const capability = capabilityForApi(call.api);
  const example = capability && MODEL_APIS.get(capability);
  if (example === undefined) return undefined;
  const argument = call.detail?.argument;
  if (argument === undefined || argument.kind === 'none') return undefined;
  const option = argument.kind === 'object' ? argument.properties.find((property) => property.name === 'model' || (call.detail?.isLegacy && property.name === 'engine')) : undefined;
  const { provider } = target;
  const wanted = provider.clientStyle === 'azure' ? 'the name of one of your Azure deployments' : `a ${provider.name} model`;
  const hint = exampleOf(target, example);
  let message: string;
  if (call.api.startsWith('ai-sdk:') && argument.kind === 'other') {
    // An AI SDK provider takes the model as its first argument: `openai(modelName)`.
    message = `the model is \`${shown(argument.text)}\`, a value the scan cannot follow: make sure it is ${wanted}${hint}`;
  } else if (option !== undefined) {
    const value = option.value;
    if (value.kind === 'string') return undefined;
    message =
      value.kind === 'env'
        ? `the model is read from ${value.name} at run time: set ${value.name} to ${wanted} wherever the app runs${hint}`
        : `the model is \`${shown(value.text)}\`, a value the scan cannot follow: make sure it is ${wanted}${hint}`;
  } else if (argument.kind === 'other' || argument.isOpen) {
    if (!SENDS_REQUEST.test(call.api)) return undefined;
    const request = argument.kind === 'other' ? `\`${shown(argument.text)}\`` : 'options spread in from elsewhere';
    message = `the request's model comes from ${request}, which the scan cannot follow: make sure it is ${wanted}${hint}`;
  } else {
    return undefined;
  }
  return manual(call, 'warning', 'dynamic-model', message, provider.docs);
}

/** ` (deepseek-chat is its equivalent of gpt-4o-mini)`, when the target has one. */
function exampleOf(target: MigrationTarget, model: string): string {
  if (target.provider.clientStyle === 'azure') return '';
  const resolution = resolveModel(target, model);
  return resolution.kind === 'mapped' ? ` (${resolution.id} is its equivalent of ${model})` : '';
}

function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN - 1)}…` : flat;
}
