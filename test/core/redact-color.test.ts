import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/core/redact.js';

describe('redaction in coloured output', () => {
  it('prints no *** for an empty value and keeps the colour code after it', () => {
    expect(redactSecrets('\u001b[31m-OPENAI_API_KEY=\u001b[39m\n')).toBe('\u001b[31m-OPENAI_API_KEY=\u001b[39m\n');
  });

  it('hides a value up to the colour code, and keeps the code', () => {
    expect(redactSecrets('\u001b[31m-OPENAI_API_KEY=abc123\u001b[39m\n')).toBe('\u001b[31m-OPENAI_API_KEY=***\u001b[39m\n');
  });
});
