import { describe, expect, it } from 'vitest';
import { scanPythonFiles } from './scan-python.js';

const lines = (...parts: string[]) => `${parts.join('\n')}\n`;

/** `kind line:column package specifier (section)` of each dependency finding of `setup.py`. */
function dependencies(code: string, path = 'setup.py'): string[] {
  return scanPythonFiles({ [path]: code })
    .filter((f) => f.detail?.dependency !== undefined)
    .map((f) => `${f.kind} ${f.span.line}:${f.span.column} ${f.api} ${f.version} (${f.detail!.dependency!.section}, ${f.detail!.dependency!.ecosystem})`);
}

describe('setup.py as a manifest', () => {
  it.each([
    ['a list in place', lines('from setuptools import setup', 'setup(name="bot", install_requires=["requests", "openai>=1.40"])'), ['import 2:50 openai >=1.40 (install_requires, pypi)']],
    [
      'a module-level list, with extras and markers',
      lines('import setuptools', 'REQUIRES = [', '    "openai[datalib]==1.51.0 ; python_version >= \'3.9\'",', ']', 'setuptools.setup(install_requires=REQUIRES)'),
      ['import 3:6 openai ==1.51.0 (install_requires, pypi)'],
    ],
    [
      'lists joined with + and extras_require values',
      lines('from setuptools import setup', 'BASE = ("httpx",)', 'setup(', '    install_requires=list(BASE) + ["Langchain_OpenAI~=0.3"],', '    extras_require={"llama": ["llama-index-llms-openai>=0.1"], "openai": []},', ')'),
      ['framework 4:37 langchain-openai ~=0.3 (install_requires, pypi)', 'framework 5:32 llama-index-llms-openai >=0.1 (extras_require, pypi)'],
    ],
  ])('reads %s', (_name, code, expected) => {
    expect(dependencies(code)).toEqual(expected);
  });

  it.each([
    ['a package named like OpenAI', lines('from setuptools import setup', 'setup(name="openai-tools", install_requires=["openai-whisper", "tiktoken"])')],
    ['another call with install_requires', lines('configure(install_requires=["openai>=1"])')],
    ['a requirement list read from a file', lines('from setuptools import setup', 'setup(install_requires=open("requirements.txt").read().splitlines())')],
  ])('reports nothing for %s', (_name, code) => {
    expect(dependencies(code)).toEqual([]);
  });

  it('reads only setup.py', () => {
    expect(dependencies(lines('from setuptools import setup', 'setup(install_requires=["openai>=1"])'), 'tools/build.py')).toEqual([]);
  });
});
