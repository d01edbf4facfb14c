import { describe, expect, it } from 'vitest';
import type { Finding, PropertyInfo } from '../../src/core/types.js';
import { requestFeatures, usesJsonSchema } from '../../src/plan/request-features.js';

const at = { start: 0, end: 1 };
const responseFormat = (text: string): PropertyInfo => ({ name: 'response_format', range: at, value: { kind: 'other', range: at, text } });

describe('usesJsonSchema: a response_format that asks for Structured Outputs', () => {
  it.each<[string, string, string, boolean]>([
    ['a json_schema format written out', "{ type: 'json_schema', json_schema: { name: 'x', schema: {} } }", 'chat.completions.create', true],
    ['the zod helper, given to create', "zodResponseFormat(Contact, 'contact')", 'chat.completions.create', true],
    ['the Responses zod helper', "zodTextFormat(Contact, 'contact')", 'responses.create', true],
    ['a Pydantic class given to parse', 'CalendarEvent', 'beta.chat.completions.parse', true],
    ['a format built elsewhere, given to parse', 'invoiceFormat', 'chat.completions.parse', true],
    ['JSON mode', "{ type: 'json_object' }", 'chat.completions.create', false],
    ['JSON mode, even given to parse', '{"type": "json_object"}', 'chat.completions.parse', false],
    ['a format built elsewhere, given to create', 'format', 'chat.completions.create', false],
  ])('%s: %s', (_what, text, api, expected) => {
    expect(usesJsonSchema(responseFormat(text), api)).toBe(expected);
  });

  it('makes json_schema a feature of the call, for verify and the JSON report', () => {
    const properties = [responseFormat('Event')];
    const call: Finding = {
      file: 'a.py',
      language: 'python',
      kind: 'api-call',
      api: 'beta.chat.completions.parse',
      span: { start: 0, end: 1, line: 1, column: 1 },
      snippet: '',
      confidence: 'certain',
      detail: { argument: { kind: 'object', range: at, properties, propertyIndent: null, hasTrailingComma: false, lastElementEnd: null, listEnd: 0, isOpen: false } },
    };
    expect(requestFeatures(call)).toEqual(['json_schema']);
  });
});
