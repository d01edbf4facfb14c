import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/types.js';
import { planMigration } from '../../../src/plan/plan.js';
import { getProviderOrThrow } from '../../../src/providers/index.js';
import { pythonManifestFrontend } from '../../../src/scan/frontends/python-manifest.js';
import { pythonManifestDescriptor } from '../../../src/scan/frontends/settings-files.js';
import { scanPythonFiles } from './python/scan-python.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

function scan(path: string, text: string): Finding[] {
  const result = pythonManifestFrontend.scan({ path, text });
  if (!result.ok) throw new Error(result.message);
  return result.findings;
}

/** `kind line package version section`, and the text the finding covers. */
const show = (text: string) => (f: Finding) => [f.kind, f.span.line, f.api, f.version, f.detail?.dependency?.section, text.slice(f.span.start, f.span.end)];

describe('python manifests', () => {
  it.each([
    ['requirements.txt', ['requirements.txt', 'requirements-dev.txt', 'requirements/base.txt', 'requirements.in']],
    ['other manifests', ['pyproject.toml', 'Pipfile', 'setup.cfg', 'app/pyproject.toml']],
  ])('handles %s', (_name, paths) => {
    for (const path of paths) expect(pythonManifestDescriptor.handles(path)).toBe(true);
    expect(pythonManifestDescriptor.handles('docs/requirements.md')).toBe(false);
  });

  it('reads requirements files, skipping options, comments and other packages', () => {
    const text = lines('-r base.txt', '--index-url https://pypi.org/simple', 'fastapi==0.115.0', 'openai[datalib]>=1.30, <2  # the SDK', 'langchain_openai', 'tiktoken==0.7.0', '# openai==0.28', 'Llama-Index-LLMs-OpenAI==0.2.0 ; python_version >= "3.9"');
    expect(scan('requirements.txt', text).map(show(text))).toEqual([
      ['import', 4, 'openai', '>=1.30,<2', 'requirements', 'openai[datalib]>=1.30, <2'],
      ['framework', 5, 'langchain-openai', '', 'requirements', 'langchain_openai'],
      ['framework', 8, 'llama-index-llms-openai', '==0.2.0', 'requirements', 'Llama-Index-LLMs-OpenAI==0.2.0 ; python_version >= "3.9"'],
    ]);
  });

  it('reads PEP 621 dependency lists and Poetry tables of pyproject.toml', () => {
    const text = lines(
      '[project]',
      'name = "openai-chatbot"',
      'dependencies = [',
      '  "openai>=1.40",',
      '  "httpx",',
      ']',
      '[project.optional-dependencies]',
      'rag = ["langchain-openai==0.1.8", "numpy"]',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'openai = "^1.3"',
      '[tool.poetry.group.dev.dependencies]',
      'llama-index-embeddings-openai = { version = "^0.1", optional = true }',
      '[tool.ruff]',
      'openai = "not a dependency"',
    );
    expect(scan('pyproject.toml', text).map(show(text))).toEqual([
      ['import', 4, 'openai', '>=1.40', 'project.dependencies', 'openai>=1.40'],
      ['framework', 8, 'langchain-openai', '==0.1.8', 'project.optional-dependencies.rag', 'langchain-openai==0.1.8'],
      ['import', 11, 'openai', '^1.3', 'tool.poetry.dependencies', 'openai = "^1.3"'],
      ['framework', 13, 'llama-index-embeddings-openai', '^0.1', 'tool.poetry.group.dev.dependencies', 'llama-index-embeddings-openai = { version = "^0.1", optional = true }'],
    ]);
  });

  it('reads Pipfile package tables and setup.cfg install_requires', () => {
    const pipfile = lines('[packages]', 'openai = "*"', 'requests = "*"', '[dev-packages]', 'langchain-openai = {version = ">=0.1"}');
    expect(scan('Pipfile', pipfile).map(show(pipfile))).toEqual([
      ['import', 2, 'openai', '*', 'packages', 'openai = "*"'],
      ['framework', 5, 'langchain-openai', '>=0.1', 'dev-packages', 'langchain-openai = {version = ">=0.1"}'],
    ]);
    const cfg = lines('[metadata]', 'name = openai-tools', '[options]', 'install_requires =', '    requests', '    openai==0.28.1', 'python_requires = >=3.8', '[options.extras_require]', 'lc = langchain-openai');
    expect(scan('setup.cfg', cfg).map(show(cfg))).toEqual([
      ['import', 6, 'openai', '==0.28.1', 'options.install_requires', 'openai==0.28.1'],
      ['framework', 9, 'langchain-openai', '', 'options.extras_require.lc', 'langchain-openai'],
    ]);
  });
});

describe('python manifests: SDK version checks', () => {
  const plan = (files: Record<string, string>, manifest: [string, string]) => {
    const findings = [...scanPythonFiles(files), ...scan(...manifest)];
    const texts = new Map([...Object.entries(files), manifest]);
    return planMigration({ findings, texts }, getProviderOrThrow('deepseek')).manual.map((action) => [action.file, action.line, action.code, action.message]);
  };

  it('flags the pre-1.0 Python SDK as legacy', () => {
    expect(plan({}, ['requirements.txt', 'openai==0.28.1\n'])).toEqual([
      ['requirements.txt', 1, 'legacy-sdk', 'openai ==0.28.1 is the pre-1.0 Python SDK (openai.ChatCompletion…), which 1.0 removed: upgrade to openai>=1 to use DeepSeek reliably'],
    ]);
    expect(plan({}, ['requirements.txt', 'openai>=1.3\n'])).toEqual([]);
  });

  it('flags a Python range older than an API the Python code calls, with the Python release', () => {
    const files = { 'app/main.py': lines('from openai import OpenAI', 'c = OpenAI()', 'c.responses.create(model="gpt-4o", input="x")') };
    expect(plan(files, ['pyproject.toml', lines('[project]', 'dependencies = ["openai>=1.30"]')])).toContainEqual([
      'pyproject.toml',
      2,
      'outdated-sdk',
      'openai >=1.30 allows releases older than 1.66.0, which lack responses.create (called in app/main.py:3): require openai>=1.66.0 or later',
    ]);
    expect(plan(files, ['pyproject.toml', lines('[project]', 'dependencies = ["openai>=1.70"]')]).filter((a) => a[2] === 'outdated-sdk')).toEqual([]);
  });
});
