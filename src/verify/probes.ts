import { compareStrings } from '../core/compare.js';
import { capabilityFor } from '../providers/index.js';
import { capabilityForApi } from '../plan/api-surface.js';
import { resolveModel } from '../plan/rules/model.js';
import type { MigrationTarget } from '../plan/target.js';
import type { CallSite, Check, Feature, ProbedApi, ProbeKind, ProbeRequest } from './types.js';

/** One API call of the code, as `verify` needs it. */
export interface ProbedCall extends CallSite {
  /** The scanner's API path (`chat.completions.create`, `ai-sdk:chat` …). */
  api: string;
  /** The OpenAI model id the call sends, when the scanner knows it. */
  model?: string;
  features: readonly Feature[];
  dimensions?: number;
}

/** A 1×1 transparent PNG: the smallest image a vision model accepts. */
const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Features that only mean something for one API. */
const FEATURES_OF: Record<ProbedApi, readonly Feature[]> = {
  'chat.completions': ['tools', 'json_object', 'json_schema', 'stream', 'vision'],
  embeddings: ['dimensions'],
};

/** Reasoning models on Azure take `max_completion_tokens`, not `max_tokens`. */
const REASONING_MODEL = /^(?:o\d|gpt-5)/;

/**
 * The smallest answer each target accepts, in the parameter it honours (providers.md, "token
 * limit param"): Qianfan documents `max_completion_tokens` ranges starting at 2, Kimi K2.6
 * ignores `max_tokens`. Every other target takes `max_tokens: 1`.
 */
const TOKEN_LIMIT: Record<string, Record<string, number>> = {
  qianfan: { max_completion_tokens: 2 },
  moonshot: { max_completion_tokens: 1 },
};

/**
 * The checks for `calls` on `target`: one per distinct (API, model, feature), each listing
 * its call sites. APIs `verify` cannot probe with a tiny request, and calls to an API the
 * target lacks (the plan reports those), get no check.
 */
export function planChecks(calls: readonly ProbedCall[], target: MigrationTarget): Check[] {
  const checks = new Map<string, Check>();
  for (const call of calls) {
    const api = probedApi(call.api);
    if (api === undefined || capabilityFor(target.provider, api).support === 'unsupported') continue;
    const model = targetModel(call.model, target);
    for (const probe of ['basic', ...call.features.filter((f) => FEATURES_OF[api].includes(f))] as ProbeKind[]) {
      const key = `${api}\u0000${model.id ?? `?${call.model ?? ''}`}\u0000${probe}`;
      let check = checks.get(key);
      if (check === undefined) {
        check = {
          api,
          ...(model.id !== undefined ? { model: model.id } : {}),
          ...(call.model !== undefined ? { openaiModel: call.model } : {}),
          probe,
          sites: [],
          ...(model.id !== undefined
            ? { request: probeRequest(api, probe, model.id, target, call.dimensions) }
            : { skip: model.skip }),
        };
        checks.set(key, check);
      }
      check.sites.push({ file: call.file, line: call.line });
    }
  }
  const sorted = [...checks.values()];
  for (const check of sorted) check.sites.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
  return sorted.sort(
    (a, b) => compareStrings(a.api, b.api) || compareStrings(a.model ?? a.openaiModel ?? '', b.model ?? b.openaiModel ?? '') || (a.probe === 'basic' ? -1 : b.probe === 'basic' ? 1 : compareStrings(a.probe, b.probe)),
  );
}

function probedApi(api: string): ProbedApi | undefined {
  const key = capabilityForApi(api);
  return key === 'chat.completions' || key === 'embeddings' ? key : undefined;
}

function targetModel(model: string | undefined, target: MigrationTarget): { id?: string; skip: string } {
  if (model === undefined) return { skip: 'the model this call sends is not known from the code; pass it with --model or check it by hand' };
  const resolution = resolveModel(target, model);
  switch (resolution.kind) {
    case 'mapped':
      return { id: resolution.id, skip: '' };
    case 'already-target':
      return { id: model, skip: '' };
    case 'none':
      return { skip: `${target.provider.name} has no equivalent of ${model} (see the plan)` };
    case 'unknown':
      return { skip: `no ${target.provider.name} model is known for ${model}; pass --model ${model}=<id>` };
  }
}

/** The smallest request that shows whether the target serves `probe` for `model`. */
function probeRequest(api: ProbedApi, probe: ProbeKind, model: string, target: MigrationTarget, dimensions = 256): ProbeRequest {
  if (api === 'embeddings') {
    return { method: 'POST', path: '/embeddings', body: { model, input: 'ping', ...(probe === 'dimensions' ? { dimensions } : {}) } };
  }
  const limit =
    target.provider.clientStyle === 'azure' && REASONING_MODEL.test(model) ? { max_completion_tokens: 16 } : (TOKEN_LIMIT[target.provider.id] ?? { max_tokens: 1 });
  const ask = (content: unknown) => ({ model, messages: [{ role: 'user', content }], ...limit });
  switch (probe) {
    case 'basic':
      return { method: 'POST', path: '/chat/completions', body: ask('ping') };
    case 'tools':
      return {
        method: 'POST',
        path: '/chat/completions',
        body: { ...ask('ping'), tools: [{ type: 'function', function: { name: 'probe', description: 'Does nothing.', parameters: { type: 'object', properties: {} } } }] },
      };
    case 'json_object':
      return { method: 'POST', path: '/chat/completions', body: { ...ask('Reply with the JSON object {"ok": true}.'), response_format: { type: 'json_object' } } };
    case 'json_schema':
      return {
        method: 'POST',
        path: '/chat/completions',
        body: {
          ...ask('Reply with the JSON object {"ok": true}.'),
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'probe', strict: true, schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false } },
          },
        },
      };
    case 'stream':
      return { method: 'POST', path: '/chat/completions', body: { ...ask('ping'), stream: true } };
    case 'vision':
      return { method: 'POST', path: '/chat/completions', body: ask([{ type: 'text', text: 'ping' }, { type: 'image_url', image_url: { url: TINY_PNG } }]) };
    case 'dimensions':
      throw new Error('dimensions is an embeddings probe');
  }
}
