import type { Finding, PropertyInfo } from '../core/types.js';
import type { Feature } from '../verify/types.js';

/** The SDK helpers that turn a zod schema into a json_schema format. */
const ZOD_FORMAT = /\bzod(?:Response|Text)Format\s*\(/;

/**
 * Whether a `response_format` asks for Structured Outputs (a json_schema format): written out,
 * built by the SDK's zod helpers, or given to a `.parse()` method, which takes a schema (a zod
 * format, a Pydantic class) and nothing else.
 */
export function usesJsonSchema(property: PropertyInfo, api: string): boolean {
  const { text } = property.value;
  return text.includes('json_schema') || ZOD_FORMAT.test(text) || (api.endsWith('.parse') && !text.includes('json_object'));
}

/** When a request option means the call depends on a feature. */
const FEATURES: { feature: Feature; property: string; uses: (property: PropertyInfo, api: string) => boolean }[] = [
  { feature: 'tools', property: 'tools', uses: () => true },
  { feature: 'tools', property: 'functions', uses: () => true },
  { feature: 'json_schema', property: 'response_format', uses: usesJsonSchema },
  { feature: 'json_object', property: 'response_format', uses: (p) => p.value.text.includes('json_object') },
  { feature: 'stream', property: 'stream', uses: (p) => p.value.text !== 'false' },
  { feature: 'dimensions', property: 'dimensions', uses: () => true },
];

/** Image parts in the messages written inline in the call. */
const IMAGE_PART = /\b(?:image_url|input_image)\b/;

/** The features an API call's own options object shows it uses; what it builds elsewhere is not seen. */
export function requestFeatures(finding: Finding): Feature[] {
  const argument = finding.detail?.argument;
  if (argument?.kind !== 'object') return [];
  const found = new Set<Feature>();
  for (const { feature, property, uses } of FEATURES) {
    const option = argument.properties.find((p) => p.name === property);
    if (option !== undefined && uses(option, finding.api ?? '')) found.add(feature);
  }
  const messages = argument.properties.find((p) => p.name === 'messages' || p.name === 'input');
  if (messages !== undefined && IMAGE_PART.test(messages.value.text)) found.add('vision');
  return [...found];
}

/** The `dimensions` the call asks for, when it is a number written in the call. */
export function requestedDimensions(finding: Finding): number | undefined {
  const argument = finding.detail?.argument;
  if (argument?.kind !== 'object') return undefined;
  const value = argument.properties.find((p) => p.name === 'dimensions')?.value;
  return value?.kind === 'number' ? value.value : undefined;
}
