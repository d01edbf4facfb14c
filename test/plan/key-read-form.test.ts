import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/apply/splice.js';
import { planMigration } from '../../src/plan/plan.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { scanFiles } from '../scan/frontends/typescript-tester.js';

/** Migrates one file to Moonshot and returns its new text, checking that a second plan edits nothing. */
function migrate(path: string, text: string): string {
  const provider = getProviderOrThrow('moonshot');
  const plan = (source: string) => planMigration({ findings: scanFiles({ [path]: source }), texts: new Map([[path, source]]) }, provider);
  const migrated = applyEdits(text, plan(text).edits);
  expect(plan(migrated).edits).toEqual([]);
  return migrated;
}

const client = (key: string) => `import OpenAI from 'openai';\nexport const ai = new OpenAI({ apiKey: ${key} });\n`;

describe("a client's key read keeps its form", () => {
  it.each([
    ['Vite’s import.meta.env, with its prefix', 'src/ai.ts', 'import.meta.env.VITE_OPENAI_API_KEY', 'import.meta.env.VITE_MOONSHOT_API_KEY'],
    ['import.meta.env in an Astro page', 'src/pages/a.astro', 'import.meta.env.OPENAI_API_KEY', 'import.meta.env.MOONSHOT_API_KEY'],
    ['Deno.env.get', 'main.ts', "Deno.env.get('OPENAI_API_KEY')", "Deno.env.get('MOONSHOT_API_KEY')"],
    ['Bun.env', 'index.js', 'Bun.env.OPENAI_API_KEY', 'Bun.env.MOONSHOT_API_KEY'],
    ['a variable of another name', 'src/ai.ts', 'import.meta.env.VITE_LLM_KEY', 'import.meta.env.MOONSHOT_API_KEY'],
  ])('%s', (_name, path, before, after) => {
    const wrap = (code: string) => (path.endsWith('.astro') ? `---\n${code}---\n<p>hi</p>\n` : code);
    expect(migrate(path, wrap(client(before)))).toBe(wrap(`import OpenAI from 'openai';\nexport const ai = new OpenAI({ apiKey: ${after} ?? '', baseURL: 'https://api.moonshot.cn/v1' });\n`));
  });

  it("SvelteKit's env from $env/dynamic/private", () => {
    const before = `import { env } from '$env/dynamic/private';\n${client('env.OPENAI_API_KEY')}`;
    expect(migrate('src/lib/server/ai.ts', before)).toContain("apiKey: env.MOONSHOT_API_KEY ?? '', baseURL");
  });

  it('an object named env that is not imported from $env is not the environment', () => {
    expect(scanFiles({ 'a.ts': 'export const f = (env: { OPENAI_API_KEY: string }) => env.OPENAI_API_KEY;\n' })).toEqual([]);
  });

  it("NestJS's ConfigService, with ?? '' after get but not after getOrThrow", () => {
    const nest = (read: string) => `import { ConfigService } from '@nestjs/config';\nimport OpenAI from 'openai';\nexport const make = (config: ConfigService) => new OpenAI({ apiKey: ${read} });\n`;
    expect(migrate('src/ai.service.ts', nest("config.get<string>('OPENAI_API_KEY')"))).toContain("apiKey: config.get<string>('MOONSHOT_API_KEY') ?? '', baseURL");
    expect(migrate('src/ai.service.ts', nest("config.getOrThrow('OPENAI_API_KEY')"))).toContain("apiKey: config.getOrThrow('MOONSHOT_API_KEY'), baseURL");
  });

  it('writes process.env where the code read process.env', () => {
    expect(migrate('src/ai.ts', client('process.env.OPENAI_API_KEY'))).toContain("apiKey: process.env.MOONSHOT_API_KEY ?? ''");
  });
});
