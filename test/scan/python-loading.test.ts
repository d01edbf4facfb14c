import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const SCAN_MODULE = fileURLToPath(new URL('../../dist/scan/scan.js', import.meta.url));

/** Scans `root` in a fresh process and says whether the Python parser was loaded. */
function loadsPythonParser(root: string): boolean {
  const script = `
    import { createRequire } from 'node:module';
    const { scanProject } = await import(${JSON.stringify(SCAN_MODULE)});
    await scanProject({ root: ${JSON.stringify(root)}, paths: [${JSON.stringify(root)}], threads: 1 });
    const cache = createRequire(import.meta.url).cache;
    process.stdout.write(String(Object.keys(cache).some((file) => file.includes('@lezer'))));
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }) === 'true';
}

describe('loading the Python parser', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'python-loading-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is not loaded for a project whose Python files do not mention OpenAI', () => {
    mkdirSync(path.join(root, 'ts'));
    writeFileSync(path.join(root, 'ts', 'index.ts'), "import OpenAI from 'openai';\nexport const client = new OpenAI();\n");
    writeFileSync(path.join(root, 'ts', 'tool.py'), 'print("hello")\n');
    expect(loadsPythonParser(path.join(root, 'ts'))).toBe(false);
  });

  it('is loaded once a Python file is a candidate', () => {
    mkdirSync(path.join(root, 'py'));
    writeFileSync(path.join(root, 'py', 'app.py'), 'from openai import OpenAI\nclient = OpenAI()\n');
    expect(loadsPythonParser(path.join(root, 'py'))).toBe(true);
  });
});
