import { describe, expect, it } from 'vitest';
import { jsonFrontend } from '../../../src/scan/frontends/json.js';
import { jsonDescriptor } from '../../../src/scan/frontends/settings-files.js';
import { expectFindings, expectParseError, scanText, type Expected } from './settings-tester.js';

const KEY = 'sk-proj-FAKEKEYjsonTEST0123456789abcdefghijKLMN';

describe('json frontend: files without OpenAI settings have no findings', () => {
  it.each([
    ['an unrelated config', '{ "name": "api", "port": 3000 }\n'],
    ['model ids as keys (a price table)', '{ "pricing": { "gpt-4o": 2.5 } }\n'],
    ['a model id inside a sentence', '{ "description": "built on gpt-4o" }\n'],
    ['an empty file', ''],
    ['an empty array', '[]\n'],
    [
      "this tool's own JSON output (plan.json, verify.json)",
      '{ "schemaVersion": 1, "tool": { "name": "migrate-openai", "version": "0.1.0" }, "findings": [{ "model": "gpt-4o", "name": "OPENAI_API_KEY" }] }\n',
    ],
  ])('%s', (_name, text) => {
    expectFindings(jsonFrontend, 'config.json', text, []);
  });
});

describe('json frontend: findings', () => {
  it.each<[string, string, Expected[]]>([
    ['another tool named in a "tool" object', '{ "tool": { "name": "other" }, "model": "gpt-4o" }\n', [{ kind: 'model', line: 1, column: 42, model: 'gpt-4o' }]],
    ['a key under an openai object', `{\n  "openai": { "apiKey": "${KEY}" }\n}\n`, [{ kind: 'api-key', line: 2, column: 26 }]],
    ['a variable read from the host (devcontainer)', '{ "containerEnv": { "OPENAI_API_KEY": "${localEnv:OPENAI_API_KEY}" } }\n', [
      { kind: 'env-var', line: 1, column: 22, name: 'OPENAI_API_KEY' },
      { kind: 'env-var', line: 1, column: 51, name: 'OPENAI_API_KEY' },
    ]],
    ['a NAME=value string in an array', '{ "runArgs": ["--env", "OPENAI_BASE_URL=https://api.openai.com/v1"] }\n', [
      { kind: 'env-var', line: 1, column: 25, name: 'OPENAI_BASE_URL' },
      { kind: 'base-url', line: 1, column: 41, api: 'https://api.openai.com/v1' },
    ]],
    ['a model list', '{ "models": ["gpt-4o", "text-embedding-3-small"] }\n', [
      { kind: 'model', line: 1, column: 15, model: 'gpt-4o' },
      { kind: 'model', line: 1, column: 25, model: 'text-embedding-3-small' },
    ]],
    ['comments and trailing commas (JSONC)', '{\n  // the chat model\n  "OPENAI_MODEL": "gpt-4.1",\n}\n', [
      { kind: 'env-var', line: 3, column: 4, name: 'OPENAI_MODEL' },
      { kind: 'model', line: 3, column: 20, model: 'gpt-4.1' },
    ]],
    ['a Vercel secret reference', '{ "env": { "OPENAI_API_KEY": "@openai-api-key" } }\n', [{ kind: 'env-var', line: 1, column: 13, name: 'OPENAI_API_KEY' }]],
  ])('%s', (_name, text, expected) => {
    expectFindings(jsonFrontend, 'config.json', text, expected);
  });

  it('does not report a value whose source differs from it (escapes)', () => {
    expect(scanText(jsonFrontend, 'a.json', '{ "model": "gpt\\u002d4o" }\n')).toEqual([]);
  });
});

describe('json frontend: parse errors', () => {
  it.each([
    ['a missing value', '{ "model": }\n', /^1:12 Expression expected\.$/],
    ['two commas', '{ "model": "gpt-4o",, }\n', /^1:21 Property assignment expected\.$/],
  ])('%s', (_name, text, message) => {
    expectParseError(jsonFrontend, 'a.json', text, message);
  });
});

describe('json frontend: files', () => {
  it.each(['config/llm.json', '.devcontainer/devcontainer.json', 'tsconfig.json'])('reads %s', (path) => {
    expect(jsonDescriptor.handles(path)).toBe(true);
  });

  it.each(['package-lock.json', 'npm-shrinkwrap.json', 'deno.lock.json', 'config.yaml'])('does not read %s', (path) => {
    expect(jsonDescriptor.handles(path)).toBe(false);
  });
});

describe('json frontend: JSON Lines (batch inputs)', () => {
  const batch = [
    '{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o-mini", "messages": []}}',
    '',
    '{"custom_id": "b", "method": "POST", "url": "/v1/embeddings", "body": {"model": "text-embedding-3-small", "input": "x"}}',
    '',
  ].join('\r\n');

  it('reports the model of every request, at its place in the file', () => {
    const findings = scanText(jsonFrontend, 'data/batch.jsonl', batch);
    expect(findings.map((f) => [f.kind, f.span.line, f.model, batch.slice(f.span.start, f.span.end)])).toEqual([
      ['model', 1, 'gpt-4o-mini', 'gpt-4o-mini'],
      ['model', 3, 'text-embedding-3-small', 'text-embedding-3-small'],
    ]);
  });

  it('names the line that does not parse, from scan and verify alike', () => {
    expectParseError(jsonFrontend, 'data/batch.jsonl', '{"model": "gpt-4o"}\n{"model": \n', /^line 2: /);
  });
});
