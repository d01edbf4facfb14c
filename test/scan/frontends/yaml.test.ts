import { describe, expect, it } from 'vitest';
import { yamlFrontend } from '../../../src/scan/frontends/yaml.js';
import { yamlDescriptor } from '../../../src/scan/frontends/settings-files.js';
import { expectFindings, expectParseError, scanText, type Expected } from './settings-tester.js';

const KEY = 'sk-proj-FAKEKEYyamlTEST0123456789abcdefghijKLMN';

describe('yaml frontend: files without OpenAI settings have no findings', () => {
  it.each([
    ['a workflow without OpenAI', 'name: ci\non: [push]\njobs: {}\n'],
    ['short ids outside a model key', 'levels: [o1, o2]\n'],
    ['a model id inside a sentence', 'description: uses gpt-4o daily\n'],
    ['OPENAI in a comment', '# export OPENAI_API_KEY first\nport: 80\n'],
    ["another vendor's sk- key", 'DEEPSEEK_API_KEY: sk-abcdefghijklmnopqrstuvwxyz012345\n'],
    ['a lowercase key that is not a variable', 'openai:\n  enabled: true\n'],
  ])('%s', (_name, text) => {
    expectFindings(yamlFrontend, 'config.yml', text, []);
  });
});

describe('yaml frontend: findings', () => {
  it.each<[string, string, Expected[]]>([
    ['a variable as a map key with a quoted key', `env:\n  OPENAI_API_KEY: "${KEY}"\n`, [
      { kind: 'env-var', line: 2, column: 3, name: 'OPENAI_API_KEY' },
      { kind: 'api-key', line: 2, column: 20 },
    ]],
    ['a compose environment list item', 'environment:\n  - OPENAI_API_KEY=${OPENAI_API_KEY}\n', [
      { kind: 'env-var', line: 2, column: 5, name: 'OPENAI_API_KEY' },
      { kind: 'env-var', line: 2, column: 22, name: 'OPENAI_API_KEY' },
    ]],
    ['a Kubernetes env item with a value', 'env:\n  - name: OPENAI_MODEL\n    value: gpt-4o\n', [
      { kind: 'env-var', line: 2, column: 11, name: 'OPENAI_MODEL' },
      { kind: 'model', line: 3, column: 12, model: 'gpt-4o' },
    ]],
    ['a Kubernetes env item from a secret', 'env:\n  - name: OPENAI_API_KEY\n    valueFrom:\n      secretKeyRef:\n        key: OPENAI_API_KEY\n', [
      { kind: 'env-var', line: 2, column: 11, name: 'OPENAI_API_KEY' },
      { kind: 'env-var', line: 5, column: 14, name: 'OPENAI_API_KEY' },
    ]],
    ['a workflow secret', 'env:\n  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n', [
      { kind: 'env-var', line: 2, column: 3, name: 'OPENAI_API_KEY' },
      { kind: 'env-var', line: 2, column: 31, name: 'OPENAI_API_KEY' },
    ]],
    ['a URL and a variable in a run block', 'run: |\n  curl https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"\n', [
      { kind: 'base-url', line: 2, column: 8, api: 'https://api.openai.com/v1/models' },
      { kind: 'env-var', line: 2, column: 68, name: 'OPENAI_API_KEY' },
    ]],
    ['a variable set in a script line', `run: OPENAI_API_KEY=${KEY} npm test\n`, [
      { kind: 'env-var', line: 1, column: 6, name: 'OPENAI_API_KEY' },
      { kind: 'api-key', line: 1, column: 21 },
    ]],
    ['a plain sk- key under an openai key path', 'openai:\n  apiKey: sk-abcdefghijklmnopqrstuvwxyz012345\n', [{ kind: 'api-key', line: 2, column: 11 }]],
    ['a model list under a models key', 'models: [gpt-4o, "o3"]\n', [
      { kind: 'model', line: 1, column: 10, model: 'gpt-4o' },
      { kind: 'model', line: 1, column: 19, model: 'o3' },
    ]],
    ['a distinctive model id under another key', 'fallback: gpt-4o-mini\n', [{ kind: 'model', line: 1, column: 11, model: 'gpt-4o-mini', confidence: 'likely' }]],
    ['the second document of a stream', 'kind: Namespace\n---\nOPENAI_MODEL: gpt-4o\n', [
      { kind: 'env-var', line: 3, column: 1, name: 'OPENAI_MODEL' },
      { kind: 'model', line: 3, column: 15, model: 'gpt-4o' },
    ]],
    ['CRLF line endings and a byte order mark', '\uFEFFa: 1\r\nOPENAI_MODEL: gpt-4o\r\n', [
      { kind: 'env-var', line: 2, column: 1, name: 'OPENAI_MODEL' },
      { kind: 'model', line: 2, column: 15, model: 'gpt-4o' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectFindings(yamlFrontend, 'config.yml', text, expected);
  });

  it('does not report a model id whose source differs from its value (escapes)', () => {
    expect(scanText(yamlFrontend, 'a.yml', 'model: "gpt\\x2d4o"\n')).toEqual([]);
  });

  it('shows a key by its prefix only in every snippet of its line', () => {
    const snippets = scanText(yamlFrontend, 'a.yml', `OPENAI_API_KEY: ${KEY}\n`).map((f) => f.snippet);
    expect(snippets).toEqual(['OPENAI_API_KEY: sk-proj-***', 'OPENAI_API_KEY: sk-proj-***']);
  });
});

describe('yaml frontend: parse errors', () => {
  it.each([
    ['a compact nested mapping', 'a: b: c\n', /^1:4 Nested mappings are not allowed in compact mappings$/],
    ['a duplicate key', 'OPENAI_MODEL: a\nOPENAI_MODEL: b\n', /^2:1 Map keys must be unique$/],
    ['an error in a later document', 'a: 1\n---\nb: [1\n', /^4:1 Flow sequence in block collection/],
  ])('%s', (_name, text, message) => {
    expectParseError(yamlFrontend, 'a.yaml', text, message);
  });
});

describe('yaml frontend: files', () => {
  it.each(['docker-compose.yml', 'k8s/deployment.yaml', '.github/workflows/ci.yml', 'charts/api/values.yaml'])('reads %s', (path) => {
    expect(yamlDescriptor.handles(path)).toBe(true);
  });

  it.each(['pnpm-lock.yaml', 'sub/pnpm-lock.yaml', 'notes.txt'])('does not read %s', (path) => {
    expect(yamlDescriptor.handles(path)).toBe(false);
  });
});
