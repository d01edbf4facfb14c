import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isCandidate, isCandidateBytes, PREFILTER_SOURCE } from '../../src/scan/prefilter.js';

// Built at run time so this file does not itself look like it holds a key.
const fakeKey = `sk-${'a1B2'.repeat(6)}`;

const valid: { name: string; code: string }[] = [
  {
    name: 'a React component',
    code: [
      "import { useState } from 'react';",
      'export function Counter({ label }: { label: string }) {',
      '  const [count, setCount] = useState(0);',
      '  return <button onClick={() => setCount(count + 1)}>{label}: {count}</button>;',
      '}',
    ].join('\n'),
  },
  {
    name: 'an express server',
    code: [
      "import express from 'express';",
      'const app = express();',
      "app.get('/health', (req, res) => res.json({ ok: true }));",
      "app.post('/users', async (req, res) => { res.status(201).send(await createUser(req.body)); });",
      'app.listen(process.env.PORT ?? 3000);',
    ].join('\n'),
  },
  { name: 'a canvas helper using createImageBitmap and createImageData', code: 'const bitmap = await createImageBitmap(blob);\nconst data = ctx.createImageData(4, 4);' },
  { name: 'a hyphenated identifier ending in sk-', code: "const task = 'disk-usage-monitoring-service-v2';" },
  { name: 'an sk- prefix with a short body', code: "import sklearn from 'sk-learn';\nconst id = 'sk-short';" },
  { name: 'o1 inside a longer word', code: "const label = 'video1-intro';\nconst cls = 'foo3-bar';" },
  { name: 'a generic completions array', code: 'const completions = items.map((item) => item.completion);\nsuggest(completions);' },
  { name: 'a GPT mention without a model id', code: '// Inspired by a GPT paper; nothing to do with the API.' },
  { name: 'an empty file', code: '' },
];

const invalid: { name: string; code: string }[] = [
  { name: 'an openai import', code: "import OpenAI from 'openai';" },
  { name: 'the OpenAI class name alone', code: 'const client = new OpenAI();' },
  { name: 'the OPENAI_API_KEY env var', code: 'const key = process.env.OPENAI_API_KEY;' },
  { name: 'the name in odd case', code: '// see the OpenAi docs' },
  { name: 'the api.openai.com host', code: "fetch('https://api.openai.com/v1/models')" },
  { name: 'a key-shaped literal', code: `const key = '${fakeKey}';` },
  { name: 'a key at the start of a line', code: `\n${fakeKey}` },
  { name: 'a gpt model id', code: "const model = 'gpt-4o-mini';" },
  { name: 'a chatgpt model id', code: "model: 'chatgpt-4o-latest'" },
  { name: 'a gpt-image model id', code: "model: 'gpt-image-1'" },
  { name: 'an o1 model with a suffix', code: "model: 'o1-preview'" },
  { name: 'a bare o3 model in double quotes', code: 'model: "o3"' },
  { name: 'a bare o4 model in a template literal', code: 'model: `o4`' },
  { name: 'an o4-mini model at the start of a line', code: 'models:\no4-mini' },
  { name: 'an embedding model id', code: "model: 'text-embedding-3-small'" },
  { name: 'a dall-e model id', code: "model: 'dall-e-3'" },
  { name: 'the whisper model id', code: "model: 'whisper-1'" },
  { name: 'a tts model id', code: "model: 'tts-1-hd'" },
  { name: 'an omni-moderation model id', code: "model: 'omni-moderation-latest'" },
  { name: 'a text-moderation model id', code: "model: 'text-moderation-stable'" },
  { name: 'a davinci model id', code: "model: 'davinci-002'" },
  { name: 'chat.completions on an imported client', code: 'const r = await llm.chat.completions.create({ messages });' },
  { name: 'legacy completions.create', code: 'await llm.completions.create({ prompt });' },
  { name: 'embeddings.create', code: 'await llm.embeddings.create({ input });' },
  { name: 'images.generate', code: 'await llm.images.generate({ prompt });' },
  { name: 'images.edit', code: 'await llm.images.edit({ image });' },
  { name: 'audio.transcriptions', code: 'await llm.audio.transcriptions.create({ file });' },
  { name: 'audio.translations', code: 'await llm.audio.translations.create({ file });' },
  { name: 'audio.speech', code: 'await llm.audio.speech.create({ input });' },
  { name: 'moderations.create', code: 'await llm.moderations.create({ input });' },
  { name: 'responses.create', code: 'await llm.responses.create({ input });' },
  { name: 'responses.parse', code: 'await llm.responses.parse({ input });' },
  { name: 'responses.stream', code: 'llm.responses.stream({ input });' },
  { name: 'beta.assistants', code: 'await llm.beta.assistants.list();' },
  { name: 'beta.threads', code: 'await llm.beta.threads.create();' },
  { name: 'beta.chat', code: 'await llm.beta.chat.completions.parse({});' },
  { name: 'beta.vectorStores', code: 'await llm.beta.vectorStores.list();' },
  { name: 'beta.realtime', code: 'await llm.beta.realtime.sessions.create({});' },
  { name: 'fineTuning', code: 'await llm.fineTuning.jobs.create({});' },
  { name: 'fine_tuning', code: 'client.fine_tuning.jobs.list()' },
  { name: 'batches.create', code: 'await llm.batches.create({});' },
  { name: 'vectorStores', code: 'await llm.vectorStores.files.list(id);' },
  { name: 'v3 createChatCompletion', code: 'const r = await api.createChatCompletion({ messages });' },
  { name: 'v3 createCompletion', code: 'await api.createCompletion({ prompt });' },
  { name: 'v3 createEmbedding', code: 'await api.createEmbedding({ input });' },
  { name: 'v3 createImage', code: 'await api.createImage({ prompt });' },
  { name: 'v3 createImageEdit', code: 'await api.createImageEdit(file, prompt);' },
  { name: 'v3 createTranscription', code: 'await api.createTranscription(file, model);' },
  { name: 'v3 createTranslation', code: 'await api.createTranslation(file, model);' },
  { name: 'v3 createModeration', code: 'await api.createModeration({ input });' },
  { name: 'a v3 method name at the very end of the text', code: 'export { createChatCompletion }\nconst f = api.createChatCompletion' },
];

describe('isCandidate', () => {
  it.each(valid)('rejects $name', ({ code }) => {
    expect(isCandidate(code)).toBe(false);
  });

  it.each(invalid)('accepts $name', ({ code }) => {
    expect(isCandidate(code)).toBe(true);
  });

  it('finds a mention deep inside a large file', () => {
    const filler = 'const x = 1;\n'.repeat(50_000);
    expect(isCandidate(`${filler}const m = 'gpt-4o';\n${filler}`)).toBe(true);
    expect(isCandidate(filler)).toBe(false);
  });
});

describe('isCandidateBytes', () => {
  it.each([...valid, ...invalid])('gives the same verdict on the UTF-8 bytes as isCandidate on the text of $name', ({ code }) => {
    expect(isCandidateBytes(Buffer.from(code, 'utf8'))).toBe(isCandidate(code));
  });

  // Word boundaries next to multi-byte characters: `é` is one character in the text and two
  // bytes read as Latin-1, both outside [A-Za-z0-9_] either way.
  it.each([
    ['a model id after an accented letter', "const modèle='o1-mini';", true],
    ['a key after an emoji', `const k = '👋${fakeKey}';`, true],
    ['a model-like suffix glued to an accented word', "const x = 'caféo1-';", true],
    ['a key-like run inside an accented word', `const x = 'désk-${'a'.repeat(20)}';`, true],
    ['accented text without a mention', 'export const greeting = "héllo wörld, ça va?";', false],
    ['a byte order mark before a model id', "\uFEFFo3-mini", true],
  ])('agrees with isCandidate on %s', (_, code, expected) => {
    expect(isCandidate(code)).toBe(expected);
    expect(isCandidateBytes(Buffer.from(code, 'utf8'))).toBe(expected);
  });
});

describe('PREFILTER_SOURCE', () => {
  it('is a pattern grep -E accepts', () => {
    const result = spawnSync('grep', ['-E', '-e', PREFILTER_SOURCE], { input: 'nothing here\n', env: { ...process.env, LC_ALL: 'C' } });
    // 1 = no match, 2 = a bad pattern.
    expect(result.status, result.stderr.toString()).toBe(1);
  });

  it.each([...valid, ...invalid])('gives grep -E the same verdict as isCandidate on $name', ({ code }) => {
    const result = spawnSync('grep', ['-E', '-q', '-e', PREFILTER_SOURCE], { input: code, env: { ...process.env, LC_ALL: 'C' } });
    expect(result.status, result.stderr.toString()).toBe(isCandidate(code) ? 0 : 1);
  });
});
