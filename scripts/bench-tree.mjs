// Synthetic TypeScript monorepos for the benchmark: the same seed and size give the same bytes.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the generated content changes, so trees on disk are rebuilt rather than reused. */
const GENERATOR_VERSION = 1;

/** xorshift32: tiny, fast and the same on every platform, which is all a fixture generator needs. */
export function createRandom(seed) {
  let state = seed >>> 0 || 0x2545f491;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  // A few draws first, so that nearby seeds do not start with nearby numbers.
  for (let i = 0; i < 8; i++) next();
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  };
}

export const NOUNS = [
  'account', 'address', 'audit', 'badge', 'basket', 'billing', 'booking', 'branch', 'budget', 'calendar',
  'campaign', 'card', 'cart', 'category', 'channel', 'chart', 'checkout', 'comment', 'contact', 'coupon',
  'customer', 'dashboard', 'delivery', 'device', 'discount', 'document', 'draft', 'event', 'export', 'feature',
  'feed', 'field', 'filter', 'folder', 'form', 'group', 'history', 'invoice', 'item', 'label',
  'layout', 'ledger', 'list', 'locale', 'member', 'menu', 'metric', 'note', 'notice', 'order',
  'page', 'panel', 'payment', 'permission', 'plan', 'policy', 'price', 'product', 'profile', 'project',
  'quota', 'rating', 'receipt', 'record', 'refund', 'region', 'release', 'report', 'request', 'review',
  'role', 'route', 'rule', 'schedule', 'section', 'seller', 'session', 'setting', 'shipment', 'sidebar',
  'status', 'stock', 'store', 'subscription', 'survey', 'table', 'tag', 'task', 'team', 'tenant',
  'ticket', 'timeline', 'topic', 'upload', 'user', 'visit', 'voucher', 'wallet', 'webhook', 'widget',
];
export const VERBS = [
  'apply', 'build', 'collect', 'compute', 'count', 'ensure', 'fetch', 'find', 'format', 'group',
  'list', 'load', 'map', 'merge', 'normalize', 'parse', 'pick', 'prepare', 'read', 'refresh',
  'remove', 'render', 'resolve', 'save', 'select', 'sort', 'store', 'summarize', 'sync', 'track',
  'update', 'validate',
];
const FIELDS = [
  'id', 'name', 'title', 'email', 'status', 'createdAt', 'updatedAt', 'ownerId', 'amount', 'currency',
  'quantity', 'priority', 'description', 'slug', 'position', 'enabled', 'version', 'locale', 'total', 'score',
];
const FIELD_TYPES = {
  id: 'string', name: 'string', title: 'string', email: 'string', status: 'Status', createdAt: 'Date',
  updatedAt: 'Date', ownerId: 'string', amount: 'number', currency: 'string', quantity: 'number',
  priority: 'number', description: 'string | null', slug: 'string', position: 'number', enabled: 'boolean',
  version: 'number', locale: 'string', total: 'number', score: 'number',
};
const PACKAGES = ['web', 'admin', 'api', 'billing', 'catalog', 'checkout', 'design-system', 'insights', 'mobile', 'notifications', 'search', 'shared', 'support', 'workers'];
const AREAS = ['components', 'hooks', 'services', 'utils', 'models', 'routes', 'lib', 'features', 'store', 'api'];
const EXTERNAL_IMPORTS = [
  ["import { z } from 'zod';", 'z'],
  ["import { format } from 'date-fns';", 'format'],
  ["import debounce from 'lodash/debounce';", 'debounce'],
  ["import { logger } from '@acme/logger';", 'logger'],
  ["import { http } from '@acme/http';", 'http'],
  ["import type { Request, Response } from 'express';", 'express'],
  ["import { createSlice } from '@reduxjs/toolkit';", 'redux'],
];

const camel = (...words) => words.filter(Boolean).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('').replace(/-(\w)/g, (_, c) => c.toUpperCase());
const pascal = (...words) => camel(...words).replace(/^\w/, (c) => c.toUpperCase());

/** One file's worth of ordinary application code; `usage` is an OpenAI snippet woven in, if any. */
function renderFile(random, file, usage) {
  const typed = !file.path.endsWith('.js');
  const isComponent = file.path.endsWith('.tsx');
  const noun = file.noun;
  const imports = new Set();
  const blocks = [];
  if (isComponent) imports.add("import React, { useEffect, useMemo, useState } from 'react';");
  for (let i = random.int(0, 3); i > 0; i--) imports.add(random.pick(EXTERNAL_IMPORTS)[0]);
  for (let i = random.int(0, 3); i > 0; i--) {
    const other = random.pick(NOUNS);
    imports.add(`import { ${camel(random.pick(VERBS), other)} } from '${random.pick(['.', '..', '../utils', '../../shared'])}/${other}';`);
  }
  if (typed) blocks.push(renderTypes(random, noun));
  const count = random.int(1, 6);
  for (let i = 0; i < count; i++) {
    const kind = isComponent ? random.pick(['component', 'component', 'hook', 'function']) : random.pick(['function', 'function', 'class', 'constants', 'async']);
    blocks.push(BLOCKS[kind](random, noun, typed, i));
  }
  if (usage) {
    usage.imports.forEach((line) => imports.add(line));
    blocks.splice(random.int(0, blocks.length), 0, usage.block);
  }
  const header = random.chance(0.3) ? `/**\n * ${pascal(noun)} ${random.pick(['helpers', 'views', 'state', 'domain logic'])} for the ${file.pkg} package.\n */\n` : '';
  return `${header}${[...imports].join('\n')}${imports.size > 0 ? '\n\n' : ''}${blocks.join('\n\n')}\n`;
}

function renderTypes(random, noun) {
  const fields = random.shuffle([...FIELDS]).slice(0, random.int(3, 9));
  const lines = fields.map((field) => `  ${field}${random.chance(0.2) ? '?' : ''}: ${FIELD_TYPES[field]};`);
  return [
    `export type Status = ${random.shuffle(['active', 'archived', 'draft', 'pending', 'failed']).slice(0, 3).map((s) => `'${s}'`).join(' | ')};`,
    '',
    `export interface ${pascal(noun)} {`,
    ...lines,
    '}',
  ].join('\n');
}

const annotate = (typed, text) => (typed ? text : '');

const BLOCKS = {
  function(random, noun, typed, index) {
    const name = camel(random.pick(VERBS), noun, index ? String(index) : '');
    const field = random.pick(FIELDS);
    const body = random.pick([
      [
        `  const result${annotate(typed, `: ${pascal(noun)}[]`)} = [];`,
        '  for (const entry of items) {',
        `    if (entry.${field} === undefined || entry.${field} === null) continue;`,
        '    result.push({ ...entry, position: result.length });',
        '  }',
        `  return result.sort((a, b) => String(a.${field}).localeCompare(String(b.${field})));`,
      ],
      [
        '  const byKey = new Map();',
        '  for (const entry of items) {',
        `    const key = String(entry.${field} ?? 'unknown');`,
        '    const bucket = byKey.get(key) ?? [];',
        '    bucket.push(entry);',
        '    byKey.set(key, bucket);',
        '  }',
        '  return [...byKey.values()].flat();',
      ],
      [
        `  if (items.length === 0) return [];`,
        `  const limit = options.limit ?? ${random.int(5, 200)};`,
        `  return items.filter((entry) => entry.status !== 'archived').slice(0, limit);`,
      ],
    ]);
    const params = typed ? `items: ${pascal(noun)}[], options: { limit?: number } = {}` : 'items, options = {}';
    return [`export function ${name}(${params})${annotate(typed, `: ${pascal(noun)}[]`)} {`, ...body, '}'].join('\n');
  },

  async(random, noun, typed, index) {
    const name = camel(random.pick(['fetch', 'load', 'refresh', 'sync']), noun, index ? String(index) : '');
    return [
      `export async function ${name}(id${annotate(typed, ': string')}, signal${annotate(typed, '?: AbortSignal')})${annotate(typed, `: Promise<${pascal(noun)} | undefined>`)} {`,
      `  const response = await fetch(\`/api/${noun}s/\${encodeURIComponent(id)}\`, { signal });`,
      '  if (response.status === 404) return undefined;',
      `  if (!response.ok) throw new Error(\`${noun} \${id}: HTTP \${response.status}\`);`,
      `  const body = await response.json()${annotate(typed, ` as { data: ${pascal(noun)} }`)};`,
      '  return body.data;',
      '}',
    ].join('\n');
  },

  class(random, noun, typed, index) {
    const type = pascal(noun);
    const methods = [];
    for (let i = random.int(1, 4); i > 0; i--) {
      const verb = random.pick(VERBS);
      methods.push(
        [
          `  ${camel(verb, noun, String(i))}(id${annotate(typed, ': string')})${annotate(typed, `: ${type} | undefined`)} {`,
          '    const cached = this.cache.get(id);',
          '    if (cached !== undefined) return cached;',
          `    this.misses += 1;`,
          `    return this.source.find((entry) => entry.id === id);`,
          '  }',
        ].join('\n'),
      );
    }
    return [
      `export class ${type}Service${index || ''} {`,
      `  ${annotate(typed, 'private readonly ')}cache = new Map${annotate(typed, `<string, ${type}>`)}();`,
      `  ${annotate(typed, 'private ')}misses = 0;`,
      '',
      `  constructor(${typed ? `private readonly source: ${type}[]` : 'source'}) {${typed ? '' : '\n    this.source = source;\n  '}}`,
      '',
      methods.join('\n\n'),
      '}',
    ].join('\n');
  },

  constants(random, noun, typed, index) {
    const entries = random.shuffle([...FIELDS]).slice(0, random.int(2, 6));
    return [
      `export const ${noun.toUpperCase().replace(/-/g, '_')}_DEFAULTS${index || ''} = {`,
      ...entries.map((field) => `  ${field}: ${random.pick(["''", '0', 'false', 'null', `'${noun}'`, String(random.int(1, 999))])},`),
      `}${annotate(typed, ' as const')};`,
    ].join('\n');
  },

  component(random, noun, typed, index) {
    const name = `${pascal(noun)}${random.pick(['Card', 'List', 'Panel', 'Row', 'Summary', 'Dialog'])}${index || ''}`;
    const field = random.pick(['name', 'title', 'email', 'slug']);
    return [
      `export function ${name}({ items, onSelect }${annotate(typed, `: { items: ${pascal(noun)}[]; onSelect(id: string): void }`)}) {`,
      `  const [query, setQuery] = useState('');`,
      `  const visible = useMemo(() => items.filter((item) => String(item.${field}).includes(query)), [items, query]);`,
      `  useEffect(() => {`,
      `    document.title = \`${pascal(noun)} (\${visible.length})\`;`,
      '  }, [visible.length]);',
      '  return (',
      `    <section className="${noun}-${random.pick(['card', 'list', 'panel'])}">`,
      '      <input value={query} onChange={(event) => setQuery(event.target.value)} />',
      '      <ul>',
      '        {visible.map((item) => (',
      `          <li key={item.id} onClick={() => onSelect(item.id)}>{item.${field}}</li>`,
      '        ))}',
      '      </ul>',
      '    </section>',
      '  );',
      '}',
    ].join('\n');
  },

  hook(random, noun, typed, index) {
    return [
      `export function use${pascal(noun)}s${index || ''}(url${annotate(typed, ': string')}) {`,
      `  const [items, setItems] = useState${annotate(typed, `<${pascal(noun)}[]>`)}([]);`,
      '  useEffect(() => {',
      '    let cancelled = false;',
      '    fetch(url)',
      '      .then((response) => response.json())',
      '      .then((body) => {',
      '        if (!cancelled) setItems(body.items);',
      '      });',
      '    return () => {',
      '      cancelled = true;',
      '    };',
      '  }, [url]);',
      '  return items;',
      '}',
    ].join('\n');
  },
};

/**
 * Ways code uses OpenAI. Each returns imports and one block to weave into an ordinary file.
 * `refs` points at the tree's shared client and model modules, relative to this file.
 */
const USAGES = {
  'client-module': ({ typed }) => ({
    imports: ["import OpenAI from 'openai';"],
    block: [
      'export const ai = new OpenAI({',
      '  apiKey: process.env.OPENAI_API_KEY,',
      '  baseURL: process.env.OPENAI_BASE_URL,',
      '  maxRetries: 2,',
      '});',
      '',
      `export function assistantName(team${annotate(typed, ': string')}) {`,
      "  return `assistant-${team}`;",
      '}',
    ].join('\n'),
  }),
  'model-constants': () => ({
    imports: [],
    block: [
      "export const CHAT_MODEL = process.env.CHAT_MODEL ?? 'gpt-4o-mini';",
      "export const EMBEDDING_MODEL = 'text-embedding-3-small';",
    ].join('\n'),
  }),
  'imported-client': ({ random, typed, noun, refs }) => ({
    imports: [`import { ai } from '${refs.client}';`, `import { CHAT_MODEL } from '${refs.models}';`],
    block: [
      `export async function summarize${pascal(noun)}(text${annotate(typed, ': string')}) {`,
      '  const completion = await ai.chat.completions.create({',
      '    model: CHAT_MODEL,',
      `    temperature: ${random.pick(['0', '0.2', '0.7'])},`,
      "    messages: [{ role: 'system', content: 'Summarize in one sentence.' }, { role: 'user', content: text }],",
      '  });',
      "  return completion.choices[0]?.message.content ?? '';",
      '}',
    ].join('\n'),
  }),
  'imported-embeddings': ({ typed, noun, refs }) => ({
    imports: [`import { ai } from '${refs.client}';`, `import { EMBEDDING_MODEL } from '${refs.models}';`],
    block: [
      `export async function embed${pascal(noun)}s(texts${annotate(typed, ': string[]')}) {`,
      '  const response = await ai.embeddings.create({ model: EMBEDDING_MODEL, input: texts });',
      '  return response.data.map((row) => row.embedding);',
      '}',
    ].join('\n'),
  }),
  'direct-class': ({ typed, noun }) => ({
    imports: ["import OpenAI from 'openai';"],
    block: [
      `export class ${pascal(noun)}Writer {`,
      `  ${annotate(typed, 'private readonly ')}client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`,
      '',
      `  async draft(topic${annotate(typed, ': string')}) {`,
      '    const response = await this.client.chat.completions.create({',
      "      model: 'gpt-4o',",
      "      messages: [{ role: 'user', content: `Draft a short note about ${topic}` }],",
      '    });',
      "    return response.choices[0]?.message.content ?? '';",
      '  }',
      '}',
    ].join('\n'),
  }),
  'responses-images': ({ typed }) => ({
    imports: ["import OpenAI from 'openai';"],
    block: [
      'const client = new OpenAI();',
      '',
      `export async function illustrate(prompt${annotate(typed, ': string')}) {`,
      "  const plan = await client.responses.create({ model: 'o3-mini', input: prompt });",
      "  const image = await client.images.generate({ model: 'dall-e-3', prompt: plan.output_text, size: '1024x1024' });",
      '  return image.data?.[0]?.url;',
      '}',
    ].join('\n'),
  }),
  azure: () => ({
    imports: ["import { AzureOpenAI } from 'openai';"],
    block: [
      'export const azureClient = new AzureOpenAI({',
      '  endpoint: process.env.AZURE_OPENAI_ENDPOINT,',
      '  apiKey: process.env.AZURE_OPENAI_API_KEY,',
      "  apiVersion: '2024-10-21',",
      '});',
    ].join('\n'),
  }),
  'env-config': () => ({
    imports: [],
    block: [
      'export const llmConfig = {',
      "  apiKey: process.env.OPENAI_API_KEY ?? '',",
      "  organization: process.env.OPENAI_ORG_ID,",
      "  baseUrl: process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',",
      '  timeoutMs: Number(process.env.LLM_TIMEOUT_MS ?? 30000),',
      '};',
    ].join('\n'),
  }),
  'raw-fetch': ({ typed }) => ({
    imports: [],
    block: [
      `export async function complete(prompt${annotate(typed, ': string')}) {`,
      "  const response = await fetch('https://api.openai.com/v1/chat/completions', {",
      "    method: 'POST',",
      "    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },",
      "    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),",
      '  });',
      '  return response.json();',
      '}',
    ].join('\n'),
  }),
  langchain: () => ({
    imports: ["import { ChatOpenAI } from '@langchain/openai';"],
    block: "export const chatModel = new ChatOpenAI({ model: 'gpt-4o', temperature: 0 });",
  }),
};
const USAGE_KINDS = Object.keys(USAGES);

/** Nested package folders holding `count` ordinary source files, in a fixed order. */
function layOutFiles(random, count) {
  const files = [];
  const taken = new Set();
  for (let pkgIndex = 0; files.length < count; pkgIndex++) {
    const pkg = `${random.pick(PACKAGES)}-${pkgIndex}`;
    const inPackage = Math.min(count - files.length, random.int(150, 600));
    for (let made = 0; made < inPackage; ) {
      const area = random.pick(AREAS);
      const parts = ['packages', pkg, 'src', area];
      for (let depth = random.int(0, 2); depth > 0; depth--) parts.push(random.pick(NOUNS));
      const folder = parts.join('/');
      const inFolder = Math.min(inPackage - made, random.int(4, 24));
      for (let i = 0; i < inFolder; i++) {
        const noun = random.pick(NOUNS);
        const ext = area === 'components' ? '.tsx' : random.chance(0.1) ? '.js' : random.chance(0.1) ? '.test.ts' : '.ts';
        let base = area === 'components' ? pascal(noun, random.pick(['card', 'list', 'view', 'form', 'panel'])) : `${random.pick(VERBS)}-${noun}`;
        while (taken.has(`${folder}/${base}${ext}`)) base += `-${random.int(2, 9)}`;
        taken.add(`${folder}/${base}${ext}`);
        files.push({ path: `${folder}/${base}${ext}`, pkg, noun });
      }
      made += inFolder;
    }
  }
  return files;
}

/** Relative import specifier from one file to another, without the extension. */
function importPath(from, to) {
  const relative = path.posix.relative(path.posix.dirname(from), to).replace(/\.(tsx?|js)$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * Writes the tree unless one with the same seed, size and generator is already there.
 * `share` is the fraction of files that use OpenAI (1 = every file).
 */
/**
 * The marker of a tree at `dir` generated from `spec`, with `reused: true`; else undefined,
 * once whatever was there is removed. The marker lies beside the tree, not in it: the scanner
 * would otherwise read it as a JSON file.
 */
export async function reuseTree(dir, spec) {
  const markerPath = `${dir}.json`;
  if (existsSync(markerPath)) {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    if (JSON.stringify(marker.spec) === JSON.stringify(spec)) return { ...marker, reused: true };
  }
  await rm(markerPath, { force: true });
  await rm(dir, { recursive: true, force: true });
  return undefined;
}

export async function ensureTree({ dir, files: count, share, seed, isCandidate }) {
  const spec = { generator: GENERATOR_VERSION, seed, files: count, share };
  const reused = await reuseTree(dir, spec);
  if (reused) return reused;

  const random = createRandom(seed * 7919 + count + Math.round(share * 1000));
  const files = layOutFiles(random, count);
  // A share of 0 is a tree without a single candidate; any other share has at least the two shared modules.
  const users = random.shuffle(files.map((_, index) => index)).slice(0, share === 0 ? 0 : Math.max(2, Math.round(count * share)));
  // The first two users hold the shared client and the model constants the others import.
  const kinds = new Map(users.map((index, i) => [index, i === 0 ? 'client-module' : i === 1 ? 'model-constants' : random.pick(USAGE_KINDS)]));
  const clientFile = users.length > 0 ? files[users[0]].path : undefined;
  const modelsFile = users.length > 0 ? files[users[1]].path : undefined;

  const folders = new Set(files.map((file) => path.posix.dirname(file.path)));
  // A repository of its own: the project's .gitignore (which lists bench/trees/) stays out of it.
  folders.add('.git/objects');
  folders.add('.git/refs');
  for (const folder of folders) await mkdir(path.join(dir, folder), { recursive: true });
  await writeFile(path.join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
  await writeFile(path.join(dir, '.gitignore'), 'node_modules/\ndist/\ncoverage/\n.env\n');

  let candidates = 0;
  const byKind = {};
  const write = async (index) => {
    const file = files[index];
    const kind = kinds.get(index);
    const usage = kind && USAGES[kind]({ random, typed: !file.path.endsWith('.js'), noun: file.noun, refs: { client: importPath(file.path, clientFile), models: importPath(file.path, modelsFile) } });
    const text = renderFile(random, file, usage);
    // The tree is only a fair test if the prefilter sees exactly the files meant to use OpenAI.
    if (isCandidate(text) !== Boolean(kind)) {
      throw new Error(`generator bug: ${file.path} ${kind ? 'uses OpenAI but is not' : 'is'} a prefilter candidate`);
    }
    if (kind) {
      candidates++;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    return writeFile(path.join(dir, file.path), text);
  };
  // Render in order (the random stream must not depend on I/O timing), write in batches.
  let pending = [];
  for (let index = 0; index < files.length; index++) {
    pending.push(write(index));
    if (pending.length === 256) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  const marker = { spec, candidates, byKind };
  await writeFile(`${dir}.json`, `${JSON.stringify(marker, null, 2)}\n`);
  return { ...marker, reused: false };
}
