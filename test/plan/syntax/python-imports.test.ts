import { describe, expect, it } from 'vitest';
import { pythonSyntax } from '../../../src/plan/syntax/python.js';
import { readPython } from '../../helpers/python.js';

/** The module with the prerequisites of an inserted env read applied. */
function withEnvRead(text: string): string {
  const edits = pythonSyntax(text, '"').prerequisites(['os.environ.get("K", "")']);
  return [...edits].reverse().reduce((out, { range, text: inserted }) => out.slice(0, range.start) + inserted + out.slice(range.end), text);
}

const CASES: { name: string; input: string; output: string }[] = [
  { name: 'an empty module', input: '', output: 'import os\n' },
  { name: 'a module of code only', input: 'KEY = "x"\n', output: 'import os\nKEY = "x"\n' },
  {
    name: 'a docstring, then code',
    input: '"""Settings.\n\nimport os is not a statement here.\n"""\n\nKEY = "x"\n',
    output: '"""Settings.\n\nimport os is not a statement here.\n"""\n\nimport os\nKEY = "x"\n',
  },
  {
    name: 'shebang, encoding, docstring and __future__ imports, then imports',
    input: '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n"""App."""\nfrom __future__ import (\n    annotations,\n)\n\nimport json\nimport sys\n\nfrom openai import OpenAI\n',
    output: '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n"""App."""\nfrom __future__ import (\n    annotations,\n)\n\nimport json\nimport os\nimport sys\n\nfrom openai import OpenAI\n',
  },
  { name: 'only a from-import', input: 'from openai import OpenAI\n', output: 'import os\nfrom openai import OpenAI\n' },
  { name: 'imports that all sort first', input: 'import abc\nimport json\n\nx = 1\n', output: 'import abc\nimport json\nimport os\n\nx = 1\n' },
  { name: 'a continued import line', input: 'import abc, \\\n    json\nx = 1\n', output: 'import abc, \\\n    json\nimport os\nx = 1\n' },
  { name: 'CRLF line ends', input: '"""Doc."""\r\nfrom openai import OpenAI\r\n', output: '"""Doc."""\r\nimport os\r\nfrom openai import OpenAI\r\n' },
  { name: 'a docstring without a final newline', input: '"""Doc."""', output: '"""Doc."""\nimport os\n' },
  { name: '`import os as o`, which binds no `os`', input: 'import os as o\n', output: 'import os as o\nimport os\n' },
  { name: '`from os import environ`', input: 'from os import environ\n', output: 'import os\nfrom os import environ\n' },
];

describe('import os for an inserted env read', () => {
  const readings = readPython(CASES.map(({ output }) => ({ source: output, mode: 'module' })));

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('goes after what must come first in %s', (_, { input, output }, i) => {
    expect(withEnvRead(input)).toBe(output);
    const reading = readings[i]!;
    if (!reading.ok || reading.kind !== 'module') throw new Error(JSON.stringify(reading));
    expect(reading.statements.filter((statement) => statement === 'import os')).toHaveLength(1);
  });

  it.each(['import os\n', 'import os.path\n', 'import json, os  # env\n', '"""Doc."""\nimport os\n'])('is not added twice to %j', (input) => {
    expect(withEnvRead(input)).toBe(input);
  });

  it('trusts the frontend on what the module imports', () => {
    const finding = { detail: { moduleImports: ['os'] } } as never;
    expect(pythonSyntax('def f():\n    import os\n', '"', [finding]).prerequisites(['os.environ["K"]'])).toEqual([]);
  });

  it('adds nothing for code that reads no environment', () => {
    expect(pythonSyntax('', '"').prerequisites(['"https://api.deepseek.com"'])).toEqual([]);
  });
});
