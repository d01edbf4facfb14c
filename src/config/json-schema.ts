import { z } from 'zod';
import { configSchema } from './schema.js';

/**
 * The published JSON schema of the configuration file, generated from `configSchema` (draft-07,
 * which editors support best). Checks that JSON Schema cannot state (unique ids, a known
 * target) are only in the validator.
 */
export function renderConfigJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-07', io: 'input' });
  const { $schema, ...rest } = schema;
  const document = { $schema, $comment: 'Generated from src/config/schema.ts by `UPDATE_GOLDEN=1 npx vitest run test/config/json-schema.test.ts`; do not edit.', ...rest };
  return `${JSON.stringify(document, null, 2)}\n`;
}
