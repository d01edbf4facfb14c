import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { settingsSyntax } from '../../src/plan/syntax/settings.js';
import { useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, writeFiles } from './project.js';

const temp = useTempProjects();

/** Values YAML reads as something else, or not at all, when written as they are. */
const YAML_SPECIAL = [
  '*x', '!x', '&x', '|', '>', '|-', 'a: b', 'a:', 'a #b', '#x', '- x', '-', '? x', '%x', '@x', '`x',
  ' lead', 'trail ', '  ', 'yes', 'No', 'on', 'OFF', 'y', 'null', 'Null', '~', 'true', '1', '1.0', '.5', '-1',
  '1e3', '0x1F', '0o17', '1_000', '1:20', '2024-01-01', '.inf', '.NaN', '{x}', '[x]', 'a, b', "it's", 'say "hi"',
  'back\\slash', 'line\nbreak', 'tab\there', '', '---', '...',
];

/** YAML documents holding one value in each scalar style and collection context; `gpt-4o` is replaced. */
const CONTEXTS: [string, string, (doc: any) => unknown][] = [
  ['a plain map value', 'kind: ConfigMap\ndata:\n  OPENAI_MODEL: gpt-4o # chat\n  NEXT: "1"\n', (doc) => doc.data.OPENAI_MODEL],
  ['a single-quoted map value', "data:\n  OPENAI_MODEL: 'gpt-4o'\n  NEXT: '1'\n", (doc) => doc.data.OPENAI_MODEL],
  ['a double-quoted map value', 'data:\n  OPENAI_MODEL: "gpt-4o"\n  NEXT: "1"\n', (doc) => doc.data.OPENAI_MODEL],
  ['a Kubernetes env item', 'env:\n  - name: OPENAI_MODEL\n    value: gpt-4o\n  - name: NEXT\n', (doc) => doc.env[0].value],
  ['a block sequence item', 'models:\n  - gpt-4o\n  - x\n', (doc) => doc.models[0]],
  ['a flow sequence item', 'models: [gpt-4o, x]\n', (doc) => doc.models[0]],
  ['a flow map value', 'llm: { model: gpt-4o, n: 1 }\n', (doc) => doc.llm.model],
];

function rewrite(text: string, value: string): { written: string; range: { start: number; end: number } } {
  const start = text.indexOf('gpt-4o');
  const literal = { start, end: start + 'gpt-4o'.length };
  const { range, text: replacement } = settingsSyntax('yaml', text).replaceInLiteral(literal, literal, value);
  return { written: text.slice(0, range.start) + replacement + text.slice(range.end), range };
}

describe('YAML values are written by the yaml library and read back as the exact string', () => {
  describe.each(CONTEXTS)('in %s', (_, text, pick) => {
    it.each(YAML_SPECIAL.map((value) => [JSON.stringify(value), value]))('%s', (_, value) => {
      const { written, range } = rewrite(text, value);
      for (const version of ['1.2', '1.1'] as const) expect(pick(parseYaml(written, { version })), version).toBe(value);
      // Only the scalar changed: its quotes at most, never the rest of the file.
      const token = { start: text.lastIndexOf(' ', text.indexOf('gpt-4o')) + 1, end: text.indexOf('gpt-4o') + 'gpt-4o'.length + (/["']/.test(text[text.indexOf('gpt-4o') + 6]!) ? 1 : 0) };
      expect(range.start).toBeGreaterThanOrEqual(token.start);
      expect(range.end).toBeLessThanOrEqual(token.end);
      expect(written.split('\n').length).toBe(text.split('\n').length);
    });
  });

  it('a plain id stays plain and a quoted one keeps its quotes', () => {
    expect(rewrite('model: gpt-4o\n', 'glm-4.6').written).toBe('model: glm-4.6\n');
    expect(rewrite("model: 'gpt-4o'\n", 'glm-4.6').written).toBe("model: 'glm-4.6'\n");
    expect(rewrite('model: "gpt-4o"\n', 'glm-4.6').written).toBe('model: "glm-4.6"\n');
    expect(rewrite('model: gpt-4o\n', 'yes').written).toBe('model: "yes"\n');
  });
});

describe('applied to YAML settings', () => {
  it('model ids YAML would read as other types stay strings in Kubernetes (YAML 1.1) and compose files', async () => {
    const dir = await temp.emptyDir();
    const manifest = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: llm', 'data:', '  OPENAI_MODEL: gpt-4o', "  EMBEDDING_MODEL: 'text-embedding-3-small'", '  FAST_MODEL: "gpt-4o-mini"', ''].join('\n');
    await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE, 'k8s/config.yaml': manifest });
    const args = ['--model', 'gpt-4o=1.0', '--model', 'text-embedding-3-small=null', '--model', 'gpt-4o-mini=On'];
    const result = await runCli(['apply', '--to', 'deepseek', '--yes', ...args], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const written = await readFile(path.join(dir, 'k8s/config.yaml'), 'utf8');
    for (const version of ['1.1', '1.2'] as const) {
      expect((parseYaml(written, { version }) as { data: unknown }).data).toEqual({ OPENAI_MODEL: '1.0', EMBEDDING_MODEL: 'null', FAST_MODEL: 'On' });
    }
    expect(written.split('\n').slice(0, 5)).toEqual(manifest.split('\n').slice(0, 5));
  });

  it('quoted compose keys and items get the added variables in valid YAML', async () => {
    const dir = await temp.emptyDir();
    const compose = ['services:', '  api:', '    environment:', '      "OPENAI_API_KEY": "${OPENAI_API_KEY}"', '  worker:', '    environment:', "      - 'OPENAI_API_KEY=${OPENAI_API_KEY}'", ''].join('\n');
    await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE, 'docker-compose.yml': compose });
    const result = await runCli(['apply', '--to', 'azure', '--yes'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const written = await readFile(path.join(dir, 'docker-compose.yml'), 'utf8');
    expect(parseAllDocuments(written).flatMap((doc) => doc.errors)).toEqual([]);
    expect(parseYaml(written)).toEqual({
      services: {
        api: { environment: { AZURE_OPENAI_API_KEY: '${AZURE_OPENAI_API_KEY}', AZURE_OPENAI_ENDPOINT: '${AZURE_OPENAI_ENDPOINT}' } },
        worker: { environment: ['AZURE_OPENAI_API_KEY=${AZURE_OPENAI_API_KEY}', 'AZURE_OPENAI_ENDPOINT=${AZURE_OPENAI_ENDPOINT}'] },
      },
    });
  });
});
