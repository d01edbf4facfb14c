import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/apply/splice.js';
import type { Finding } from '../../src/core/types.js';
import { planMigration } from '../../src/plan/plan.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { loadFrontendsFor } from '../../src/scan/frontends/index.js';

// One file of each kind, so that every frontend these tests use is loaded.
const frontendFor = await loadFrontendsFor(['.env', 'config.json', 'package.json', 'compose.yml', 'src/app.ts']);

const KEY = 'sk-proj-FAKEKEYrulesTEST0123456789abcdefghijKLMN';

/** ts-morph's doTest for settings files: scan `files`, plan for `target`, splice, and return each file's text and the codes. */
function migrate(files: Record<string, string>, target: string) {
  const findings: Finding[] = [];
  for (const [file, text] of Object.entries(files)) {
    const scanned = frontendFor(file)!.scan({ path: file, text });
    if (!scanned.ok) throw new Error(`${file}: ${scanned.message}`);
    findings.push(...scanned.findings);
  }
  const plan = planMigration({ findings, texts: new Map(Object.entries(files)) }, getProviderOrThrow(target));
  const output = Object.fromEntries(Object.entries(files).map(([file, text]) => [file, applyEdits(text, plan.edits.filter((e) => e.file === file))]));
  return { output, codes: plan.manual.map((action) => action.code), plan };
}

function expectMigration(file: string, input: string, target: string, expected: string, codes: string[] = []): void {
  const result = migrate({ [file]: input }, target);
  expect(result.output[file]).toBe(expected);
  expect(result.codes).toEqual(codes);
  expect(expected).not.toBe(input);
  // The output is parsed again and plans nothing more.
  expect(frontendFor(file)!.verify(file, expected)).toBeNull();
  expect(migrate({ [file]: expected }, target).plan.edits).toEqual([]);
}

describe('settings entries: key variables', () => {
  it('renames the variable and empties a real key, keeping export and quotes', () => {
    expectMigration('.env', `export OPENAI_API_KEY="${KEY}"\n`, 'zhipu', 'export ZHIPUAI_API_KEY=""\n', ['hardcoded-key']);
  });

  it('empties a key variable value that is not key-shaped, without an error', () => {
    expectMigration('.env', 'OPENAI_API_KEY=EMPTY\n', 'qianfan', 'QIANFAN_API_KEY=\n');
  });

  it('keeps a placeholder', () => {
    expectMigration('.env.example', 'OPENAI_API_KEY=<your key>\n', 'yi', 'YI_API_KEY=<your key>\n');
  });

  it('renames a reference together with the variable, without a warning', () => {
    expectMigration('ci.yml', 'env:\n  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n', 'dashscope', 'env:\n  DASHSCOPE_API_KEY: ${{ secrets.DASHSCOPE_API_KEY }}\n');
  });

  it('warns when the renamed variable takes its value from another one', () => {
    expectMigration('.env', 'OPENAI_API_KEY=${VAULT_KEY}\n', 'moonshot', 'MOONSHOT_API_KEY=${VAULT_KEY}\n', ['custom-api-key']);
  });

  it('writes an empty plain YAML value as "" so that it stays a string', () => {
    expectMigration('values.yaml', `openai:\n  apiKey: ${KEY}\n`, 'deepseek', 'openai:\n  apiKey: ""\n', ['hardcoded-key']);
  });

  it('empties a key in a compose list item in place', () => {
    expectMigration('docker-compose.yml', `environment:\n  - OPENAI_API_KEY=${KEY}\n`, 'zhipu', 'environment:\n  - ZHIPUAI_API_KEY=\n', ['hardcoded-key']);
  });

  it('keeps an Azure key variable when migrating to another provider', () => {
    const { plan } = migrate({ '.env': 'AZURE_OPENAI_API_KEY=0123abcd\nVITE_AZURE_OPENAI_API_KEY=0123abcd\n' }, 'zhipu');
    expect(plan.edits).toEqual([]);
  });

  it('leaves a value it cannot empty in place to the user, name included', () => {
    const { plan, codes } = migrate({ 'a.yml': 'OPENAI_API_KEY: >\n  folded\n  secret\n' }, 'zhipu');
    expect(plan.edits).toEqual([]);
    expect(codes).toEqual(['rename-env-var']);
  });
});

describe('settings entries: base URLs, models and account settings', () => {
  it('gives an api.openai.com value the target URL', () => {
    expectMigration('.env', 'OPENAI_BASE_URL=https://api.openai.com/v1\n', 'deepseek', 'OPENAI_BASE_URL=https://api.deepseek.com\n');
  });

  it('reports a base URL pointing at another host', () => {
    const { plan, codes } = migrate({ '.env': 'OPENAI_BASE_URL=https://gateway.example.com/v1\n' }, 'zhipu');
    expect(plan.edits).toEqual([]);
    expect(codes).toEqual(['base-url-env']);
  });

  it('maps a model value in a JSON list', () => {
    expectMigration('config.json', '{ "models": ["gpt-4o"] }\n', 'zhipu', '{ "models": ["glm-4.6"] }\n');
  });

  it('reports an account setting', () => {
    expect(migrate({ '.env': 'OPENAI_ORG_ID=org-1\n' }, 'yi').codes).toEqual(['openai-account-option']);
  });
});

describe('package.json dependencies', () => {
  const code = "import OpenAI from 'openai';\nconst c = new OpenAI();\nawait c.responses.create({ model: 'gpt-4o', input: 'hi' });\n";

  it('flags a range that allows releases without an API the code calls', () => {
    const { codes, plan } = migrate({ 'package.json': '{ "dependencies": { "openai": "^4.20.0" } }', 'src/a.ts': code }, 'azure');
    expect(codes.filter((c) => c === 'outdated-sdk')).toEqual(['outdated-sdk']);
    expect(plan.manual.find((a) => a.code === 'outdated-sdk')?.message).toContain('4.87.0');
  });

  it.each(['^4.87.0', '^5.0.0', 'latest', 'workspace:*'])('accepts %s', (version) => {
    const { codes } = migrate({ 'package.json': `{ "dependencies": { "openai": "${version}" } }`, 'src/a.ts': code }, 'azure');
    expect(codes.filter((c) => c === 'outdated-sdk' || c === 'legacy-sdk')).toEqual([]);
  });

  it('only looks at the code of the package the range belongs to', () => {
    const { codes } = migrate({ 'tools/package.json': '{ "dependencies": { "openai": "^4.0.0" } }', 'src/a.ts': code }, 'azure');
    expect(codes).not.toContain('outdated-sdk');
  });

  it('flags the v3 SDK', () => {
    expect(migrate({ 'package.json': '{ "dependencies": { "openai": "~3.3.0" } }' }, 'zhipu').codes).toEqual(['legacy-sdk']);
  });

  it('does not report framework packages where they are declared', () => {
    expect(migrate({ 'package.json': '{ "dependencies": { "@ai-sdk/openai": "^1.0.0", "@ai-sdk/azure": "^1.0.0" } }' }, 'zhipu').codes).toEqual([]);
  });
});
