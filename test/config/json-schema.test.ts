import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../src/config/files.js';
import { renderConfigJsonSchema } from '../../src/config/json-schema.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { readmeConfigExample } from './readme-example.js';

const file = path.join(REPO_ROOT, SCHEMA_FILE);

describe('published JSON schema', () => {
  it(`${SCHEMA_FILE} is generated from the zod schema and up to date`, () => {
    const generated = renderConfigJsonSchema();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, generated);
    const committed = readFileSync(file, 'utf8');
    if (committed !== generated) {
      expect.fail(`${SCHEMA_FILE} is out of date; run UPDATE_GOLDEN=1 npx vitest run test/config/json-schema.test.ts\n${createTwoFilesPatch(SCHEMA_FILE, 'generated', committed, generated)}`);
    }
  });

  it('accepts the README example and rejects a misspelt field, as the validator does', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    expect(validate(readmeConfigExample()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ tagret: 'zhipu' })).toBe(false);
    expect(validate({ models: { 'gpt-4o': 4 } })).toBe(false);
  });
});
