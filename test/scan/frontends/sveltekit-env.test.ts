import { describe, expect, it } from 'vitest';
import type { Finding, ValueInfo } from '../../../src/core/types.js';
import { project, scanFiles, type Expected } from './typescript-tester.js';

const certain = 'certain' as const;

/** The value of `option` in the options of the file's first client. */
function clientOption(findings: Finding[], option: string): ValueInfo | undefined {
  const argument = findings.find((finding) => finding.kind === 'client')?.detail?.argument;
  return argument?.kind === 'object' ? argument.properties.find((property) => property.name === option)?.value : undefined;
}

describe("SvelteKit's $env/static modules: reads of the variables they import", () => {
  it.each<[string, string, Expected[]]>([
    ['a named import from $env/static/private', `import { OPENAI_API_KEY } from '$env/static/private';\n`, [{ kind: 'env-var', line: 1, column: 10, name: 'OPENAI_API_KEY', confidence: certain }]],
    ['an aliased import, named by the variable it reads', `import { OPENAI_API_KEY as apiKey } from '$env/static/private';\n`, [{ kind: 'env-var', line: 1, column: 10, name: 'OPENAI_API_KEY', confidence: certain }]],
    ['a PUBLIC_ name from $env/static/public', `import { PUBLIC_OPENAI_MODEL } from '$env/static/public';\n`, [{ kind: 'env-var', line: 1, column: 10, name: 'PUBLIC_OPENAI_MODEL', confidence: certain }]],
    ['a member of a namespace import', `import * as secrets from '$env/static/private';\nexport const key = secrets.OPENAI_API_KEY;\n`, [{ kind: 'env-var', line: 2, column: 20, name: 'OPENAI_API_KEY', confidence: certain }]],
    [
      'only the OpenAI variables of an import that also takes others',
      `import { DATABASE_URL, OPENAI_BASE_URL, SESSION_SECRET } from '$env/static/private';\n`,
      [{ kind: 'env-var', line: 1, column: 24, name: 'OPENAI_BASE_URL', confidence: certain }],
    ],
  ])('%s', (_name, code, expected) => {
    expect(project(scanFiles({ 'src/lib/server/config.ts': code }))).toEqual(expected);
  });

  it.each([
    ['variables that are not about OpenAI', `import { DATABASE_URL, PUBLIC_APP_NAME } from '$env/static/private';\nexport const db = DATABASE_URL;\n`],
    ['an OpenAI name imported from another module', `import { OPENAI_API_KEY } from '$lib/config';\nexport const key = OPENAI_API_KEY;\n`],
    ['a local constant of an OpenAI name', `const OPENAI_API_KEY = load('key');\nexport const key = OPENAI_API_KEY;\n`],
  ])('reports nothing for %s', (_name, code) => {
    expect(scanFiles({ 'src/lib/server/config.ts': code })).toEqual([]);
  });

  it("counts as the client's key and base URL, under the import's own or local name", () => {
    const findings = scanFiles({
      'src/lib/server/openai.ts': [
        "import OpenAI from 'openai';",
        "import { OPENAI_API_KEY as key, OPENAI_BASE_URL } from '$env/static/private';",
        'export const openai = new OpenAI({ apiKey: key, baseURL: OPENAI_BASE_URL });',
        '',
      ].join('\n'),
    });
    expect(clientOption(findings, 'apiKey')).toMatchObject({ kind: 'env', name: 'OPENAI_API_KEY', text: 'key', isImported: true });
    expect(clientOption(findings, 'baseURL')).toMatchObject({ kind: 'env', name: 'OPENAI_BASE_URL', isImported: true });
    const imports = findings.filter((finding) => finding.kind === 'env-var').map((finding) => finding.detail?.envImport);
    expect(imports).toEqual([
      { local: 'key', uses: [expect.any(Object)], isPlain: true, isClientOption: true },
      { local: 'OPENAI_BASE_URL', uses: [expect.any(Object)], isPlain: true, isClientOption: true },
    ]);
  });

  it('lists every use of the name, and none that a local declaration shadows', () => {
    const text = [
      "import OpenAI from 'openai';",
      "import { OPENAI_API_KEY } from '$env/static/private';",
      'export const hasKey = Boolean(OPENAI_API_KEY);',
      'export function clientFor(OPENAI_API_KEY: string) {',
      '  return new OpenAI({ apiKey: OPENAI_API_KEY });',
      '}',
      'export function check() {',
      "  const OPENAI_API_KEY = 'sk-test';",
      '  return OPENAI_API_KEY.length;',
      '}',
      'export const header = { Authorization: `Bearer ${OPENAI_API_KEY}`, OPENAI_API_KEY: 1 };',
      'for (const OPENAI_API_KEY of rotation) console.log(OPENAI_API_KEY);',
      'try { rotate(); } catch (OPENAI_API_KEY) { console.log(OPENAI_API_KEY); }',
      'export function nested() {',
      '  return OPENAI_API_KEY();',
      '  function OPENAI_API_KEY() { return 1; }',
      '}',
      '',
    ].join('\n');
    const findings = scanFiles({ 'src/lib/server/openai.ts': text });
    const envImport = findings.find((finding) => finding.kind === 'env-var')?.detail?.envImport;
    expect(envImport?.uses.map((use) => text.slice(0, use.start).split('\n').length)).toEqual([3, 11]);
    expect(envImport?.isPlain).toBe(true);
    expect(clientOption(findings, 'apiKey')).toMatchObject({ kind: 'other' });
  });

  it('says when a use keeps the name (shorthand property, export)', () => {
    const shorthand = scanFiles({ 'a.ts': `import { OPENAI_API_KEY } from '$env/static/private';\nexport const config = { OPENAI_API_KEY };\n` });
    const exported = scanFiles({ 'a.ts': `import { OPENAI_API_KEY } from '$env/static/private';\nexport { OPENAI_API_KEY };\n` });
    expect(shorthand[0]?.detail?.envImport).toMatchObject({ uses: [expect.any(Object)], isPlain: false });
    expect(exported[0]?.detail?.envImport).toMatchObject({ uses: [expect.any(Object)], isPlain: false });
  });

  it("reads a .svelte component's script the same way, at the component's own lines", () => {
    const component = [
      '<script lang="ts">',
      "  import { PUBLIC_APP_NAME } from '$env/static/public';",
      "  import { PUBLIC_OPENAI_MODEL as model } from '$env/static/public';",
      '</script>',
      '',
      '<h1>{PUBLIC_APP_NAME} ({model})</h1>',
      '',
    ].join('\n');
    expect(project(scanFiles({ 'src/lib/components/Header.svelte': component }))).toEqual([{ kind: 'env-var', line: 3, column: 12, name: 'PUBLIC_OPENAI_MODEL', confidence: certain }]);
  });
});
