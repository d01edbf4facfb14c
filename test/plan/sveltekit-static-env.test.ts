import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/apply/splice.js';
import type { Plan } from '../../src/core/types.js';
import { planMigration, type PlanInput } from '../../src/plan/plan.js';
import { resolveTarget } from '../../src/plan/target.js';
import { buildNextSteps, describeNextSteps } from '../../src/report/next-steps.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { scanFiles } from '../scan/frontends/typescript-tester.js';

const PATH = 'src/lib/server/openai.ts';

function planFile(text: string, target: string): Plan {
  const input: PlanInput = { findings: scanFiles({ [PATH]: text }), texts: new Map([[PATH, text]]) };
  return planMigration(input, getProviderOrThrow(target));
}

/** Migrates one file and returns its new text, checking that a second plan edits nothing. */
function migrate(lines: string[], target = 'deepseek'): string {
  const migrated = applyEdits(lines.join('\n'), planFile(lines.join('\n'), target).edits);
  expect(planFile(migrated, target).edits).toEqual([]);
  return migrated;
}

const CLIENT = "import OpenAI from 'openai';";

describe('a $env/static/private import of the key is renamed with the variable', () => {
  it('renames the import and every use of it', () => {
    const migrated = migrate([
      CLIENT,
      "import { OPENAI_API_KEY } from '$env/static/private';",
      "if (!OPENAI_API_KEY) throw new Error('missing key');",
      'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });',
    ]);
    expect(migrated.split('\n')).toEqual([
      CLIENT,
      "import { DEEPSEEK_API_KEY } from '$env/static/private';",
      "if (!DEEPSEEK_API_KEY) throw new Error('missing key');",
      "export const openai = new OpenAI({ apiKey: DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });",
    ]);
  });

  it('changes only the imported name of an aliased import', () => {
    const migrated = migrate([CLIENT, "import { OPENAI_API_KEY as key } from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: key });']);
    expect(migrated).toContain("import { DEEPSEEK_API_KEY as key } from '$env/static/private';");
    expect(migrated).toContain("new OpenAI({ apiKey: key, baseURL: 'https://api.deepseek.com' })");
  });

  it('keeps the old name as an alias when a use must keep it', () => {
    const migrated = migrate([CLIENT, "import { OPENAI_API_KEY } from '$env/static/private';", 'export const settings = { OPENAI_API_KEY };', 'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });']);
    expect(migrated).toContain("import { DEEPSEEK_API_KEY as OPENAI_API_KEY } from '$env/static/private';");
    expect(migrated).toContain('export const settings = { OPENAI_API_KEY };');
    expect(migrated).toContain('new OpenAI({ apiKey: OPENAI_API_KEY, baseURL');
  });

  it('keeps the old name as an alias when the new name is taken in the file', () => {
    const migrated = migrate([CLIENT, "import { OPENAI_API_KEY } from '$env/static/private';", "const DEEPSEEK_API_KEY = 'unused';", 'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });']);
    expect(migrated).toContain("import { DEEPSEEK_API_KEY as OPENAI_API_KEY } from '$env/static/private';");
  });

  it('leaves a parameter that shadows the import alone', () => {
    const migrated = migrate([
      CLIENT,
      "import { OPENAI_API_KEY } from '$env/static/private';",
      'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });',
      'export const mask = (OPENAI_API_KEY: string) => OPENAI_API_KEY.slice(0, 3);',
    ]);
    expect(migrated).toContain('export const mask = (OPENAI_API_KEY: string) => OPENAI_API_KEY.slice(0, 3);');
    expect(migrated).toContain('apiKey: DEEPSEEK_API_KEY');
  });

  it('reads the key from the import on Azure, with no custom-api-key error', () => {
    const text = [CLIENT, "import { OPENAI_API_KEY } from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });'].join('\n');
    const plan = planFile(text, 'azure');
    expect(plan.manual.map((action) => action.code)).not.toContain('custom-api-key');
    expect(applyEdits(text, plan.edits).split('\n')[1]).toBe("import { AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT } from '$env/static/private';");
  });

  it('keeps the old name as an alias when a component uses it in its markup', () => {
    const component = ['<script lang="ts">', "  import { PUBLIC_OPENAI_API_KEY } from '$env/static/public';", '</script>', '', '{#if !PUBLIC_OPENAI_API_KEY}<p>No key</p>{/if}', ''].join('\n');
    const path = 'src/lib/components/KeyCheck.svelte';
    const plan = planMigration({ findings: scanFiles({ [path]: component }), texts: new Map([[path, component]]) }, getProviderOrThrow('deepseek'));
    expect(applyEdits(component, plan.edits)).toBe(component.replace('{ PUBLIC_OPENAI_API_KEY }', '{ PUBLIC_DEEPSEEK_API_KEY as PUBLIC_OPENAI_API_KEY }'));
  });

  it('gives the client a token provider with keyless Entra ID instead of the key', () => {
    const text = [CLIENT, "import { OPENAI_API_KEY } from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });'].join('\n');
    const input: PlanInput = { findings: scanFiles({ [PATH]: text }), texts: new Map([[PATH, text]]) };
    const migrated = applyEdits(text, planMigration(input, getProviderOrThrow('azure'), { azureAuth: 'entra' }).edits);
    expect(migrated).toContain('new OpenAI({ apiKey: getBearerTokenProvider(new DefaultAzureCredential()');
  });
});

describe("the target's other variables are read the way the module reads its own", () => {
  it('imports the Azure endpoint from $env/static/private beside the key', () => {
    const migrated = migrate([CLIENT, "import { OPENAI_API_KEY as key } from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: key });'], 'azure');
    expect(migrated.split('\n')).toEqual([
      CLIENT,
      "import { AZURE_OPENAI_API_KEY as key, AZURE_OPENAI_ENDPOINT } from '$env/static/private';",
      "export const openai = new OpenAI({ apiKey: key, baseURL: `${AZURE_OPENAI_ENDPOINT.replace(/\\/+$/, '')}/openai/v1` });",
    ]);
  });

  it('does not import a name twice', () => {
    const migrated = migrate([CLIENT, "import { AZURE_OPENAI_ENDPOINT, OPENAI_API_KEY } from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });', 'export const host = AZURE_OPENAI_ENDPOINT;'], 'azure');
    expect(migrated).toContain("import { AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY } from '$env/static/private';\n");
    expect(migrated).toContain('baseURL: `${AZURE_OPENAI_ENDPOINT.replace(');
  });

  it("reads it from $env/dynamic/private's env, under its local name", () => {
    const migrated = migrate([CLIENT, "import { env as privateEnv } from '$env/dynamic/private';", 'export const openai = new OpenAI({ apiKey: privateEnv.OPENAI_API_KEY });'], 'azure');
    expect(migrated).toContain("new OpenAI({ apiKey: privateEnv.AZURE_OPENAI_API_KEY ?? '', baseURL: `${(privateEnv.AZURE_OPENAI_ENDPOINT ?? '').replace(/\\/+$/, '')}/openai/v1` })");
  });

  it('reads it as a member of a namespace import', () => {
    const migrated = migrate([CLIENT, "import * as secrets from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: secrets.OPENAI_API_KEY });'], 'azure');
    expect(migrated).toContain("new OpenAI({ apiKey: secrets.AZURE_OPENAI_API_KEY ?? '', baseURL: `${(secrets.AZURE_OPENAI_ENDPOINT ?? '').replace(/\\/+$/, '')}/openai/v1` })");
  });

  it("gives Azure's dated client the endpoint from the import", () => {
    const text = [CLIENT, "import { OPENAI_API_KEY } from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });'].join('\n');
    const input: PlanInput = { findings: scanFiles({ [PATH]: text }), texts: new Map([[PATH, text]]) };
    const migrated = applyEdits(text, planMigration(input, getProviderOrThrow('azure'), { region: 'dated' }).edits);
    expect(migrated).toContain("import { AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT } from '$env/static/private';");
    expect(migrated).toContain("new AzureOpenAI({ apiKey: AZURE_OPENAI_API_KEY, endpoint: AZURE_OPENAI_ENDPOINT.replace(/\\/+$/, ''), apiVersion: '2024-10-21' })");
  });

  it('keeps process.env where the module imports only public variables', () => {
    const migrated = migrate([CLIENT, "import { PUBLIC_OPENAI_API_KEY } from '$env/static/public';", 'export const openai = new OpenAI({ apiKey: PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });'], 'azure');
    expect(migrated).toContain("import { PUBLIC_AZURE_OPENAI_API_KEY } from '$env/static/public';");
    expect(migrated).toContain('baseURL: `${(process.env.AZURE_OPENAI_ENDPOINT');
  });
});

describe('other $env/static variables', () => {
  it('replaces an imported base URL in the client and says to remove the import, with no key/URL split', () => {
    const text = [
      CLIENT,
      "import { OPENAI_API_KEY, OPENAI_BASE_URL } from '$env/static/private';",
      'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY, baseURL: OPENAI_BASE_URL });',
    ].join('\n');
    const plan = planFile(text, 'deepseek');
    expect(applyEdits(text, plan.edits)).toContain("new OpenAI({ apiKey: DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' })");
    expect(plan.manual.map((action) => [action.line, action.code])).toEqual([[2, 'base-url-env']]);
  });

  it('does not list a variable the import still takes among the secrets to delete', () => {
    const text = [
      CLIENT,
      "import { OPENAI_API_KEY, OPENAI_BASE_URL } from '$env/static/private';",
      'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY, baseURL: OPENAI_BASE_URL });',
    ].join('\n');
    const input: PlanInput = { findings: scanFiles({ [PATH]: text }), texts: new Map([[PATH, text]]) };
    const provider = getProviderOrThrow('azure');
    const plan = planMigration(input, provider);
    expect(applyEdits(text, plan.edits)).toContain("import { AZURE_OPENAI_API_KEY, OPENAI_BASE_URL, AZURE_OPENAI_ENDPOINT } from '$env/static/private';");
    expect(buildNextSteps({ findings: [...input.findings] }, plan, resolveTarget(provider), 'v1').openaiSecrets).toEqual(['OPENAI_API_KEY']);
  });

  it('says the variables must be set where the app is built, since the import inlines them', () => {
    const nextSteps = (text: string) => {
      const input: PlanInput = { findings: scanFiles({ [PATH]: text }), texts: new Map([[PATH, text]]) };
      const provider = getProviderOrThrow('deepseek');
      return describeNextSteps(buildNextSteps({ findings: [...input.findings] }, planMigration(input, provider), resolveTarget(provider), provider.defaultRegion), (url) => url, (code) => code)[0];
    };
    expect(nextSteps([CLIENT, "import { OPENAI_API_KEY } from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });'].join('\n'))).toContain(
      "wherever the code runs and where it is built (SvelteKit's $env/static modules inline them at build time):",
    );
    expect(nextSteps([CLIENT, 'export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });'].join('\n'))).toContain('wherever the code runs: local shells');
  });

  it('leaves the import of a client kept on OpenAI as it is', () => {
    const text = [
      CLIENT,
      "import { OPENAI_API_KEY } from '$env/static/private';",
      'const openai = new OpenAI({ apiKey: OPENAI_API_KEY });',
      "export const draw = () => openai.images.generate({ model: 'dall-e-3', prompt: 'a cat' });",
    ].join('\n');
    const plan = planFile(text, 'deepseek');
    expect(plan.edits).toEqual([]);
    expect(plan.manual.map((action) => action.code)).toContain('kept-on-openai');
  });

  it('leaves variables that are not about OpenAI alone', () => {
    const text = [CLIENT, "import { OPENAI_API_KEY, DATABASE_URL } from '$env/static/private';", 'export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });', 'export const db = DATABASE_URL;'].join('\n');
    expect(applyEdits(text, planFile(text, 'deepseek').edits)).toContain("import { DEEPSEEK_API_KEY, DATABASE_URL } from '$env/static/private';\n");
  });
});
