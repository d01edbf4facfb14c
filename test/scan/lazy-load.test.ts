import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modulesLoadedBy } from '../helpers/loaded-modules.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

// What a parser or the configuration schema costs to load is paid only by a run that needs it.
// Each case runs the built CLI in a child process that records every module it loads.

const TYPESCRIPT = /\/node_modules\/(typescript|ts-morph|@ts-morph\/common)\//;
const TYPESCRIPT_FRONTEND = /\/dist\/scan\/frontends\/typescript\/index\.js$/;
const YAML = /\/node_modules\/yaml\//;
// The descriptor says which files are Python; everything else of the frontend is its implementation.
const PYTHON = /\/node_modules\/@lezer\/python\/|\/dist\/scan\/frontends\/python\/(?!descriptor\.js$)/;
const NOTEBOOK_READER = /\/dist\/scan\/frontends\/python\/notebook\.js$/;
const ZOD = /\/node_modules\/zod\//;
const PROMPTS = /\/node_modules\/prompts\//;
const PICOMATCH = /\/node_modules\/picomatch\//;
const READ_WORKER = /\/dist\/scan\/read-worker\.js$/;

let dir: string;

async function writeTree(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(dir, name);
  await writeFiles(root, files);
  return root;
}

/** `count` small modules under src/, none of which mentions OpenAI. */
function manyModules(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) files[`src/module-${index}.ts`] = `export const value${index} = ${index};\n`;
  return files;
}

const ordinaryApp = {
  'package.json': '{ "name": "shop", "dependencies": { "express": "4.21.2" } }\n',
  'src/server.ts': "import express from 'express';\nexport const app = express();\napp.get('/health', (_req, res) => res.json({ ok: true }));\n",
  'src/cart.js': 'export function total(items) {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\n',
  'docker-compose.yml': 'services:\n  web:\n    image: shop\n',
  '.env': 'PORT=3000\n',
  'web/Cart.vue': '<template><p>{{ total }}</p></template>\n<script setup>\nconst total = 0\n</script>\n',
};

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-lazy-'));
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe.concurrent('loading only what the run needs', () => {
  it('scans a tree with no candidate without loading TypeScript, Python, YAML or zod', async () => {
    const root = await writeTree('no-candidate', { ...ordinaryApp, 'scripts/seed.py': 'import json\nprint(json.dumps({"ok": True}))\n' });
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.filter((file) => [TYPESCRIPT, TYPESCRIPT_FRONTEND, PYTHON, YAML, ZOD].some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('reads a large tree with no candidate on the calling thread, without a worker or TypeScript', async () => {
    const root = await writeTree('large-no-candidate', manyModules(2000));
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.filter((file) => READ_WORKER.test(file) || TYPESCRIPT.test(file) || TYPESCRIPT_FRONTEND.test(file))).toEqual([]);
  });

  it('shares the reading of a very large tree with a worker from the start, still without TypeScript', async () => {
    const root = await writeTree('very-large-no-candidate', manyModules(12_000));
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.some((file) => READ_WORKER.test(file))).toBe(true);
    expect(loaded.filter((file) => TYPESCRIPT.test(file) || TYPESCRIPT_FRONTEND.test(file))).toEqual([]);
    // Writing 12,000 files and listing them takes a while on a busy 2-core machine.
  }, 120_000);

  it('hands the rest of a large tree to a reading worker once the first candidate needs the parser', async () => {
    const root = await writeTree('large-early-candidate', { ...manyModules(2000), 'lib/ai.ts': "import OpenAI from 'openai';\nexport const ai = new OpenAI();\n" });
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.some((file) => READ_WORKER.test(file))).toBe(true);
    expect(loaded.some((file) => TYPESCRIPT.test(file))).toBe(true);
  });

  it('loads TypeScript, and neither Python nor YAML, once a script is a candidate', async () => {
    const root = await writeTree('script-candidate', { ...ordinaryApp, 'src/ai.ts': "import OpenAI from 'openai';\nexport const ai = new OpenAI();\n" });
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.some((file) => TYPESCRIPT.test(file))).toBe(true);
    expect(loaded.filter((file) => PYTHON.test(file) || YAML.test(file))).toEqual([]);
  });

  it('loads TypeScript once a component is a candidate', async () => {
    const root = await writeTree('component-candidate', { ...ordinaryApp, 'web/Chat.vue': "<script setup lang=\"ts\">\nimport OpenAI from 'openai'\n</script>\n" });
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.some((file) => TYPESCRIPT.test(file))).toBe(true);
  });

  it('loads the Python parser once a Python file is a candidate', async () => {
    const root = await writeTree('python-candidate', { ...ordinaryApp, 'app/llm.py': 'from openai import OpenAI\nclient = OpenAI()\n' });
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.some((file) => /\/node_modules\/@lezer\/python\//.test(file))).toBe(true);
  });

  it('loads neither TypeScript nor the notebook reader when only Python modules are candidates', async () => {
    const root = await writeTree('python-only', {
      'app/llm.py': 'from openai import OpenAI\nclient = OpenAI()\n',
      'requirements.txt': 'openai==1.51.0\n',
      'notebooks/explore.ipynb': '{"cells": [{"cell_type": "code", "source": ["print(1)"]}]}\n',
    });
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.some((file) => /\/node_modules\/@lezer\/python\//.test(file))).toBe(true);
    expect(loaded.filter((file) => TYPESCRIPT.test(file) || NOTEBOOK_READER.test(file))).toEqual([]);
  });

  it('loads the notebook reader once a notebook is a candidate', async () => {
    const notebook = { cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: ['from openai import OpenAI\n', 'client = OpenAI()'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 };
    const root = await writeTree('notebook-candidate', { 'notebooks/chat.ipynb': JSON.stringify(notebook) });
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.some((file) => NOTEBOOK_READER.test(file))).toBe(true);
  });

  it('loads YAML, and not TypeScript, when only a YAML file is a candidate', async () => {
    const root = await writeTree('yaml-candidate', { ...ordinaryApp, 'docker-compose.yml': 'services:\n  web:\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n' });
    const loaded = await modulesLoadedBy(['scan', root, '--format', 'json']);
    expect(loaded.some((file) => YAML.test(file))).toBe(true);
    expect(loaded.filter((file) => TYPESCRIPT.test(file))).toEqual([]);
  });

  it('loads zod only when there is a configuration file', async () => {
    const root = await writeTree('configured', { ...ordinaryApp, 'migrate-openai.config.json': '{ "exclude": ["legacy"] }\n' });
    expect((await modulesLoadedBy(['scan', root])).some((file) => ZOD.test(file))).toBe(true);
  });

  // A scan has at least one glob to match, the one that keeps the configuration file out.
  it.each([
    [['--help'], true],
    [['--version'], true],
    [['providers'], true],
    [['scan', '--help'], true],
    [['scan'], false],
  ])('runs %s without a parser, zod or the prompt library (nor the glob matcher: %s)', async (argv, withoutGlobs) => {
    const cwd = await writeTree(`cwd-${argv.join('-')}`, { 'README.md': 'nothing here\n' });
    const loaded = await modulesLoadedBy(argv, { cwd });
    const unwanted = [TYPESCRIPT, TYPESCRIPT_FRONTEND, PYTHON, YAML, ZOD, PROMPTS, ...(withoutGlobs ? [PICOMATCH] : [])];
    expect(loaded.filter((file) => unwanted.some((pattern) => pattern.test(file)))).toEqual([]);
  });
});
