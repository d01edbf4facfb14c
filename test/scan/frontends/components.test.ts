import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMigration } from '../../../src/plan/plan.js';
import { providers } from '../../../src/providers/index.js';
import { scanProject } from '../../../src/scan/scan.js';
import { blankOutside, readCodeView } from '../../../src/scan/frontends/components/code-view.js';
import { findScriptBlocks } from '../../../src/scan/frontends/components/script-blocks.js';
import { typescriptFrontend } from '../../../src/scan/frontends/typescript/index.js';
import { project, scanFiles } from './typescript-tester.js';

/** Each block as its code and dialect, for exact comparison. */
function blocksOf(path: string, text: string) {
  const { blocks, unread } = findScriptBlocks(path, text);
  return { code: blocks.map((block) => [text.slice(block.start, block.end), block.dialect]), unread };
}

describe('script blocks of components', () => {
  it.each<[string, string, string, [string, string][]]>([
    ['Vue <script> and <script setup>', 'App.vue', '<script lang="ts">\nexport const A = 1\n</script>\n<script setup lang="ts">\nconst b = A\n</script>\n<template><p>{{ b }}</p></template>\n', [['\nexport const A = 1\n', 'ts'], ['\nconst b = A\n', 'ts']]],
    ['a Vue script with no lang is JavaScript', 'App.vue', '<template><div/></template>\n<script>\nexport default {}\n</script>\n', [['\nexport default {}\n', 'js']]],
    ['a > inside a quoted attribute (Vue generic components)', 'List.vue', '<script setup lang="ts" generic="T extends Record<string, unknown>">\nconst x = 1\n</script>\n', [['\nconst x = 1\n', 'ts']]],
    ['a commented-out script', 'App.vue', '<!-- <script>old()</script> -->\n<script setup>\nnew1()\n</script>\n', [['\nnew1()\n', 'js']]],
    ['`<` and a script tag in template text and mustaches', 'App.vue', '<template>\n  <p v-if="a < b">{{ a < b ? "<script>" : "" }}</p>\n  <template v-if="x"><i/></template>\n</template>\n<script setup lang="tsx">\nconst v = <i/>\n</script>\n', [['\nconst v = <i/>\n', 'tsx']]],
    ['a pug template is raw text', 'App.vue', '<template lang="pug">\ndiv\n  script.\n    ignored()\n</template>\n<script setup lang="ts">\nrun()\n</script>\n', [['\nrun()\n', 'ts']]],
    ['a custom block at the top level is raw text', 'App.vue', '<i18n lang="json">{ "en": { "x": "<script>" } }</i18n>\n<script setup>\nrun()\n</script>\n', [['\nrun()\n', 'js']]],
    ['a Svelte 5 module script', 'Chat.svelte', '<script module lang="ts">\nexport const M = 1\n</script>\n<p>x</p>\n', [['\nexport const M = 1\n', 'ts']]],
    ['Svelte module and instance scripts', 'Chat.svelte', '<script context="module" lang="ts">\nexport const M = 1\n</script>\n<script lang="ts">\nlet a = M\n</script>\n<p>{a}</p>\n', [['\nexport const M = 1\n', 'ts'], ['\nlet a = M\n', 'ts']]],
    ['a script inside <svelte:head> is page markup', 'Page.svelte', '<svelte:head><script>window.x = 1</script></svelte:head>\n<script>\nlet y = 2\n</script>\n', [['\nlet y = 2\n', 'js']]],
    ['Svelte expressions hold < and >', 'Page.svelte', '{#if a < b}<p on:click={() => a > b}>{"<script>"}</p>{/if}\n<button {...rest} disabled={n<1}>x</button>\n<script lang="ts">\nlet a = 1\n</script>\n', [['\nlet a = 1\n', 'ts']]],
    ['a TypeScript script by its type attribute', 'Page.svelte', '<script type="text/typescript">\nlet a: number = 1\n</script>\n', [['\nlet a: number = 1\n', 'ts']]],
    ['Astro frontmatter and scripts in the page', 'index.astro', '---\nimport Layout from "../layouts/Layout.astro";\nconst t = 1;\n---\n<Layout>\n  <p>{t < 2 ? "<script>" : ""}</p>\n  <script>\n    run();\n  </script>\n</Layout>\n', [['import Layout from "../layouts/Layout.astro";\nconst t = 1;\n', 'ts'], ['\n    run();\n  ', 'js']]],
    ['Astro frontmatter with lone-CR lines', 'a.astro', '---\rconst t = 1;\r---\r<p>{t}</p>\r', [['const t = 1;\r', 'ts']]],
    ['a closing tag written in capitals and CRLF lines', 'App.vue', '<script setup>\r\nrun()\r\n</SCRIPT >\r\n', [['\r\nrun()\r\n', 'js']]],
  ])('%s', (_name, path, text, expected) => {
    expect(blocksOf(path, text)).toEqual({ code: expected, unread: [] });
  });

  it.each<[string, string, string, string]>([
    ['a script in another file', 'App.vue', '<template><p/></template>\n<script src="./app.ts"></script>\n', 'the script is in another file (src="./app.ts")'],
    ['a script in another language', 'App.vue', '<template><p/></template>\n\n<script lang="coffee">\nx = 1\n</script>\n', 'a <script lang="coffee"> is not JavaScript or TypeScript'],
    ['a script of a data type', 'Page.svelte', '<script type="text/x-template">\n<p/>\n</script>\n', 'a <script type="text/x-template"> is not JavaScript or TypeScript'],
    ['a script without its closing tag', 'App.vue', '<script setup>\nrun()\n', 'a <script> without its closing tag'],
  ])('lists %s as unread, with the reason and line', (_name, path, text, reason) => {
    const { blocks, unread } = findScriptBlocks(path, text);
    expect(blocks).toEqual([]);
    expect(unread).toHaveLength(1);
    expect(unread[0]!.reason).toContain(reason);
    expect(unread[0]!.line).toBe(text.slice(0, text.indexOf('<script')).split('\n').length);
  });
});

describe('the code view of a component', () => {
  it('keeps the length and every line break, blanks the rest and ends each block with a ;', () => {
    const text = '<template>\r\n  <p class="a">OpenAI</p>\r\n</template>\r\n<script setup>\r\nconst a = 1\r\n</script>\r\n<style>p{}</style>\r\n';
    const view = blankOutside(text, findScriptBlocks('App.vue', text).blocks);
    expect(view).toHaveLength(text.length);
    expect(view.replace(/[^\r\n]/g, '')).toBe(text.replace(/[^\r\n]/g, ''));
    expect(view.trim()).toBe('const a = 1\r\n;');
    expect(view.indexOf('const a = 1')).toBe(text.indexOf('const a = 1'));
  });

  it('says why a component cannot be read, and that its other scripts are not scanned either', () => {
    const read = readCodeView('App.vue', '<script src="./a.ts"></script>\n<script setup>\nrun()\n</script>\n');
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/^line 1: the script is in another file .*\(its other script is not scanned either\)$/) });
  });
});

describe('scanning components with the TypeScript frontend', () => {
  const component = [
    '<template>',
    '  <p title="gpt-4o">OpenAI and gpt-4o in the template</p>',
    '</template>',
    '',
    '<script setup lang="ts">',
    "import OpenAI from 'openai'",
    "const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY })",
    "const reply = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] })",
    '</script>',
    '',
  ].join('\n');

  it('reports findings at the lines and columns of the component file, and nothing from its template', () => {
    expect(project(scanFiles({ 'components/Chat.vue': component }))).toEqual([
      { kind: 'import', line: 6, column: 1, api: 'openai', confidence: 'certain' },
      { kind: 'client', line: 7, column: 16, symbol: 'OpenAI', confidence: 'certain' },
      { kind: 'env-var', line: 7, column: 37, name: 'OPENAI_API_KEY', confidence: 'certain' },
      { kind: 'api-call', line: 8, column: 21, api: 'chat.completions.create', model: 'gpt-4o-mini', confidence: 'certain' },
      { kind: 'model', line: 8, column: 61, model: 'gpt-4o-mini', confidence: 'certain' },
    ]);
  });

  it('points findings at the file’s own offsets', () => {
    const [imported] = scanFiles({ 'components/Chat.vue': component });
    expect(component.slice(imported!.span.start, imported!.span.end)).toBe("import OpenAI from 'openai'");
  });

  it('gives JavaScript blocks the js language and TypeScript ones ts', () => {
    const js = scanFiles({ 'Chat.svelte': "<script>\nimport OpenAI from 'openai'\n</script>\n" });
    const ts = scanFiles({ 'Chat.svelte': "<script lang=\"ts\">\nimport OpenAI from 'openai'\n</script>\n" });
    expect([js[0]!.language, ts[0]!.language]).toEqual(['js', 'ts']);
  });

  it('links a client imported by a component from a module, and a model constant a route imports from a component', () => {
    const findings = scanFiles({
      'src/lib/client.ts': "import OpenAI from 'openai'\nexport const ai = new OpenAI()\n",
      'src/lib/Summary.svelte': "<script context=\"module\" lang=\"ts\">\n  export const SUMMARY_MODEL = 'gpt-4o-mini'\n</script>\n<p>x</p>\n",
      'src/routes/Ask.svelte': "<script lang=\"ts\">\n  import { ai } from '../lib/client'\n  const ask = () => ai.chat.completions.create({ model: 'gpt-4o', messages: [] })\n</script>\n",
      'src/routes/api.ts': "import { ai } from './lib/client'\nimport { SUMMARY_MODEL } from '../lib/Summary.svelte'\nexport const run = () => ai.chat.completions.create({ model: SUMMARY_MODEL, messages: [] })\n",
    });
    expect(new Map(findings.filter((f) => f.kind === 'api-call').map((f) => [f.file, f.model]))).toEqual(
      new Map([
        ['src/routes/Ask.svelte', 'gpt-4o'],
        ['src/routes/api.ts', 'gpt-4o-mini'],
      ]),
    );
    expect(findings.some((f) => f.file === 'src/lib/Summary.svelte' && f.kind === 'model' && f.span.line === 2)).toBe(true);
  });

  it('reports a syntax error at the component’s line and column', () => {
    const result = typescriptFrontend.scan({ path: 'App.vue', text: '<template><p/></template>\n<script setup>\nconst = 1 openai\n</script>\n' });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^3:7 /) });
  });

  it('skips a component whose script it cannot read, with the reason', () => {
    const result = typescriptFrontend.scan({ path: 'App.vue', text: '<script lang="coffee">\nopenai = require "openai"\n</script>\n' });
    expect(result).toEqual({ ok: false, reason: 'unsupported-script', message: 'line 1: a <script lang="coffee"> is not JavaScript or TypeScript' });
  });

  it('verifies an edited component by its scripts, whatever its markup', () => {
    expect(typescriptFrontend.verify('App.vue', '<template><p>{{ a < }}</p></template>\n<script setup>\nconst a = 1\n</script>\n')).toBeNull();
    expect(typescriptFrontend.verify('App.vue', "<template><p/></template>\n<script setup>\nconst a = 'x</script>'\n</script>\n")).toMatch(/^3:\d+ Unterminated string literal/);
  });
});

describe('plans for components', () => {
  it.each(['nuxt-chat', 'sveltekit-chat'])('edit only inside the script blocks of %s, for every target', async (app) => {
    const root = path.resolve(import.meta.dirname, '../../../fixtures/apps', app, 'input');
    const scan = await scanProject({ root, paths: [root] });
    const components = [...scan.texts.keys()].filter((file) => /\.(vue|svelte)$/.test(file));
    let checked = 0;
    for (const provider of providers) {
      const plan = planMigration(scan, provider);
      for (const edit of plan.edits.filter((e) => components.includes(e.file))) {
        checked++;
        const { blocks } = findScriptBlocks(edit.file, scan.texts.get(edit.file)!);
        expect(blocks.some((block) => block.start <= edit.start && edit.end <= block.end), `${provider.id}: ${edit.file} ${edit.start}-${edit.end}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
