import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../../src/scan/discover.js';
import { frontendFor } from '../../../src/scan/frontends/index.js';

const created: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('frontend registry', () => {
  it.each([
    ['src/index.ts', 'typescript'],
    ['.env.ts', 'typescript'],
    ['components/Chat.vue', 'components'],
    ['src/routes/+page.svelte', 'components'],
    ['src/pages/index.astro', 'components'],
    ['package.json', 'package-json'],
    ['apps/web/package.json', 'package-json'],
    ['config/llm.json', 'json'],
    ['.env.json', 'json'],
    ['docker-compose.yml', 'yaml'],
    ['.github/workflows/ci.yaml', 'yaml'],
    ['.env', 'dotenv'],
    ['.env.production', 'dotenv'],
    ['docker/app.env', 'dotenv'],
  ])('gives %s to the %s frontend', (file, id) => {
    expect(frontendFor(file)?.id).toBe(id);
  });

  it.each(['package-lock.json', 'pnpm-lock.yaml', 'npm-shrinkwrap.json', 'README.md'])('gives %s to no frontend', (file) => {
    expect(frontendFor(file)).toBeUndefined();
  });

  it('discovers dotfiles and workflow folders that the frontends read, and no lock file', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-openai-registry-'));
    created.push(root);
    const files = ['.env', '.env.local', 'api/.env.example', 'api/worker.env', '.github/workflows/ci.yml', 'k8s/app.yaml', 'package.json', 'package-lock.json', 'pnpm-lock.yaml', 'web/npm-shrinkwrap.json', 'config.json', 'notes.md'];
    for (const file of files) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), 'OPENAI_MODEL=gpt-4o\n');
    }
    const found = await discoverFiles({ root, paths: [root], accepts: (relative) => frontendFor(relative) !== undefined });
    expect(found.files.map((file) => file.relative)).toEqual([
      '.env',
      '.env.local',
      '.github/workflows/ci.yml',
      'api/.env.example',
      'api/worker.env',
      'config.json',
      'k8s/app.yaml',
      'package.json',
    ]);
  });
});
