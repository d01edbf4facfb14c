import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/core/redact.js';

describe('redactSecrets', () => {
  it.each([
    ['an OpenAI key keeps its prefix only', "const k = 'sk-proj-abcdefghijklmnopqrstuvwxyz012345';", "const k = 'sk-proj-***';"],
    ['a dotenv key value', 'OPENAI_API_KEY=abc123def', 'OPENAI_API_KEY=***'],
    ['a quoted, exported dotenv value', 'export ZAI_API_KEY="xyz789"', 'export ZAI_API_KEY="***"'],
    ['a YAML value at the start of a line', '  - OPENAI_API_KEY: abc123', '  - OPENAI_API_KEY: ***'],
    ['a JSON value', '"OPENAI_API_KEY": "hello123"', '"OPENAI_API_KEY": "***"'],
    ['a removed line of a diff', '-OPENAI_API_KEY=abc123', '-OPENAI_API_KEY=***'],
    ['a token', 'API_TOKEN=tok_1234', 'API_TOKEN=***'],
    ['a key literal in code that is not sk- shaped', "new OpenAI({ apiKey: '0123456789abcdef0123' })", "new OpenAI({ apiKey: '***' })"],
  ])('hides %s', (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    ['an empty value', 'OPENAI_API_KEY='],
    ['a reference', 'OPENAI_API_KEY=${VAULT_KEY}'],
    ['a read in code', 'apiKey: process.env.ZAI_API_KEY ?? ""'],
    ['a variable that is not a secret', 'MAX_TOKENS=400'],
    ['a variable named in a sentence', 'replaced by a read of DEEPSEEK_API_KEY: revoke the key'],
    ['a value already redacted', 'OPENAI_API_KEY="sk-proj-***"'],
    ['a setting read from the environment in code', '-  OPENAI_API_KEY: process.env.OPENAI_API_KEY,'],
    ['a setting computed by a call', '  SERVICE_TOKEN: getToken(),'],
  ])('keeps %s', (_name, input) => {
    expect(redactSecrets(input)).toBe(input);
  });
});
