// Synthetic Python services for the benchmark: the same seed and size give the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRandom, NOUNS, reuseTree, VERBS } from './bench-tree.mjs';

/** Bump when the generated content changes, so trees on disk are rebuilt rather than reused. */
const GENERATOR_VERSION = 1;
const PACKAGES = ['api', 'billing', 'catalog', 'ingest', 'reports', 'search', 'support', 'workers'];
const AREAS = ['routes', 'services', 'models', 'repositories', 'tasks', 'utils'];
const STDLIB = ['import json', 'import logging', 'from dataclasses import dataclass, field', 'from datetime import datetime, timezone', 'from typing import Any'];

/** One module of ordinary code: a dataclass, a repository-style class and helpers. */
function renderModule(random, noun, usage) {
  const lines = [`"""Domain logic for ${noun}s."""`, ...STDLIB];
  if (usage) lines.push(...usage.imports);
  lines.push('', 'logger = logging.getLogger(__name__)', '');
  const cls = noun[0].toUpperCase() + noun.slice(1).replace(/-(\w)/g, (_, c) => c.toUpperCase());
  lines.push('@dataclass', `class ${cls}:`, '    id: str', '    name: str = ""', '    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))', '    tags: list[str] = field(default_factory=list)', '');
  lines.push(`class ${cls}Repository:`, '    def __init__(self, db: Any) -> None:', '        self.db = db', '        self.cache: dict[str, ' + cls + '] = {}', '');
  for (let i = 0, n = random.int(3, 8); i < n; i++) {
    const verb = random.pick(VERBS);
    lines.push(
      `    def ${verb}_${noun.replace(/-/g, '_')}_${i}(self, key: str, limit: int = ${random.int(5, 100)}) -> list[${cls}]:`,
      `        """${verb[0].toUpperCase()}${verb.slice(1)} ${noun}s for a key."""`,
      '        if key in self.cache:',
      '            return [self.cache[key]]',
      `        rows = self.db.query("select * from ${noun.replace(/-/g, '_')}s where key = %s limit %s", (key, limit))`,
      `        items = [${cls}(id=str(row["id"]), name=row.get("name", "")) for row in rows]`,
      '        for item in items:',
      '            self.cache[item.id] = item',
      `        logger.debug("${verb} %d ${noun}s", len(items))`,
      '        return items',
      '',
    );
  }
  if (usage) lines.push(...usage.body, '');
  lines.push(`def to_json(item: ${cls}) -> str:`, '    return json.dumps({"id": item.id, "name": item.name})', '');
  return `${lines.join('\n')}\n`;
}

/** How a module uses OpenAI; `refs` are the dotted modules of the shared client and models. */
const USAGES = {
  'client-module': () => ({
    imports: ['import os', 'from openai import AsyncOpenAI, OpenAI'],
    body: ['client = OpenAI(api_key=os.environ["OPENAI_API_KEY"], timeout=30)', 'async_client = AsyncOpenAI()'],
  }),
  'model-constants': () => ({
    imports: ['import os'],
    body: ['CHAT_MODEL = os.getenv("CHAT_MODEL", "gpt-4o-mini")', 'EMBEDDING_MODEL = "text-embedding-3-small"'],
  }),
  chat: ({ refs }) => ({
    imports: [`from ${refs.client} import client`, `from ${refs.models} import CHAT_MODEL`],
    body: ['def answer(question: str) -> str:', '    response = client.chat.completions.create(model=CHAT_MODEL, messages=[{"role": "user", "content": question}])', '    return response.choices[0].message.content or ""'],
  }),
  stream: ({ refs }) => ({
    imports: [`from ${refs.client} import async_client`],
    body: ['async def stream(question: str):', '    async with async_client.chat.completions.stream(model="gpt-4o", messages=[{"role": "user", "content": question}]) as events:', '        async for event in events:', '            yield event'],
  }),
  embeddings: ({ refs }) => ({
    imports: [`from ${refs.client} import client`, `from ${refs.models} import EMBEDDING_MODEL`],
    body: ['def embed(texts: list[str]) -> list[list[float]]:', '    result = client.embeddings.create(model=EMBEDDING_MODEL, input=texts)', '    return [row.embedding for row in result.data]'],
  }),
  langchain: () => ({
    imports: ['from langchain_openai import ChatOpenAI'],
    body: ['def grader() -> ChatOpenAI:', '    return ChatOpenAI(model="gpt-4o-mini", temperature=0)'],
  }),
  legacy: () => ({
    imports: ['import openai'],
    body: ['def complete(prompt: str) -> str:', '    return openai.Completion.create(engine="text-davinci-003", prompt=prompt)["choices"][0]["text"]'],
  }),
  raw: () => ({
    imports: ['import requests'],
    body: ['def moderate(text: str) -> bool:', '    r = requests.post("https://api.openai.com/v1/moderations", json={"input": text}, timeout=10)', '    return r.json()["results"][0]["flagged"]'],
  }),
};
const USAGE_KINDS = Object.keys(USAGES).filter((kind) => kind !== 'client-module' && kind !== 'model-constants');

/**
 * Writes a tree of Python packages (`src/<package>/<area>/<noun>.py`) unless one with the same
 * seed, size and generator is there. `share` is the fraction of modules that use OpenAI.
 */
export async function ensurePythonTree({ dir, files: count, share, seed, isCandidate }) {
  const spec = { generator: GENERATOR_VERSION, language: 'python', seed, files: count, share };
  const reused = await reuseTree(dir, spec);
  if (reused) return reused;

  const random = createRandom(seed * 104729 + count + Math.round(share * 1000));
  const files = [];
  const taken = new Set();
  while (files.length < count) {
    const pkg = random.pick(PACKAGES);
    const area = random.pick(AREAS);
    const noun = random.pick(NOUNS);
    const suffix = random.int(0, 99);
    const file = `src/${pkg}/${area}/${noun.replace(/-/g, '_')}_${suffix}.py`;
    if (taken.has(file)) continue;
    taken.add(file);
    files.push({ path: file, noun });
  }
  const users = random.shuffle(files.map((_, index) => index)).slice(0, Math.max(2, Math.round(count * share)));
  const kinds = new Map(users.map((index, i) => [index, i === 0 ? 'client-module' : i === 1 ? 'model-constants' : random.pick(USAGE_KINDS)]));
  const moduleOf = (file) => file.replace(/\.py$/, '').replace(/\//g, '.');
  const refs = { client: moduleOf(files[users[0]].path), models: moduleOf(files[users[1]].path) };

  const folders = new Set(files.map((file) => path.posix.dirname(file.path)));
  folders.add('.git/objects');
  folders.add('.git/refs');
  for (const folder of folders) await mkdir(path.join(dir, folder), { recursive: true });
  await writeFile(path.join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
  await writeFile(path.join(dir, '.gitignore'), '__pycache__/\n.venv/\n.env\n');

  let candidates = 0;
  const byKind = {};
  const writes = files.map((file, index) => {
    const kind = kinds.get(index);
    const text = renderModule(random, file.noun, kind && USAGES[kind]({ refs }));
    if (isCandidate(text) !== Boolean(kind)) throw new Error(`generator bug: ${file.path} ${kind ? 'uses OpenAI but is not' : 'is'} a prefilter candidate`);
    if (kind) {
      candidates++;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    return [file.path, text];
  });
  for (let start = 0; start < writes.length; start += 256) {
    await Promise.all(writes.slice(start, start + 256).map(([file, text]) => writeFile(path.join(dir, file), text)));
  }
  const marker = { spec, candidates, byKind };
  await writeFile(`${dir}.json`, `${JSON.stringify(marker, null, 2)}\n`);
  return { ...marker, reused: false };
}
