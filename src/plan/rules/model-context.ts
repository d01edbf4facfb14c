import type { Finding } from '../../core/types.js';
import { capabilityFor } from '../../providers/index.js';
import type { CapabilityKey, Provider } from '../../providers/types.js';
import { capabilityForApi } from './api-call.js';

/** The API a model literal is sent to, when it sits inside the call (`fineTuning.jobs.create({ model })`). */
export function enclosingApi(finding: Finding, fileFindings: readonly Finding[]): CapabilityKey | undefined {
  const call = fileFindings.find(
    (other) => other.kind === 'api-call' && other.api !== undefined && other.span.start <= finding.span.start && finding.span.end <= other.span.end,
  );
  return call?.api === undefined ? undefined : capabilityForApi(call.api);
}

/** Realtime models (`gpt-realtime`, `gpt-4o-realtime-preview`) are only ever sent to the Realtime API. */
const REALTIME_MODEL = /(?:^|-)realtime(?:-|$)/;

/**
 * A model that goes to an API the target cannot serve is left as written: mapping it would
 * only change which model a failing request names (the API-call rule reports the call).
 * Realtime needs the target to serve the Realtime protocol itself, not a look-alike.
 */
export function isForUnservedApi(model: string, api: CapabilityKey | undefined, provider: Provider): boolean {
  const key = api ?? (REALTIME_MODEL.test(model) ? 'realtime' : undefined);
  if (key === undefined) return false;
  const support = capabilityFor(provider, key).support;
  return key === 'realtime' ? support !== 'supported' : support === 'unsupported';
}
