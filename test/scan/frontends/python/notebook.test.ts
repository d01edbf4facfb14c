import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../../src/apply/splice.js';
import type { Edit, Finding } from '../../../../src/core/types.js';
import { loadNotebookSupport, pythonFrontend } from '../../../../src/scan/frontends/python/index.js';
import { readNotebookCode } from '../../../../src/scan/frontends/python/notebook.js';
import { planMigration } from '../../../../src/plan/plan.js';
import { getProviderOrThrow } from '../../../../src/providers/index.js';

/** A notebook as Jupyter writes it: one-space indent, one source line per string, outputs kept. */
function notebook(cells: { type: 'code' | 'markdown'; source: string[]; outputs?: unknown[] }[]): string {
  const json = {
    cells: cells.map((cell) =>
      cell.type === 'code'
        ? { cell_type: 'code', execution_count: null, metadata: {}, outputs: cell.outputs ?? [], source: cell.source }
        : { cell_type: 'markdown', metadata: {}, source: cell.source },
    ),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}

const NOTEBOOK = notebook([
  { type: 'markdown', source: ['# Chat\n', 'Talks to gpt-4o.'] },
  { type: 'code', source: ['%pip install openai\n', 'import os\n', 'from openai import OpenAI\n', 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])'] },
  {
    type: 'code',
    source: ['resp = client.chat.completions.create(\n', '    model="gpt-4o",\n', '    messages=[{"role": "user", "content": "héllo \\\\ \\"q\\""}],\n', ')\n', 'print(resp)'],
    outputs: [{ name: 'stdout', output_type: 'stream', text: ['gpt-4o says hi\n'] }],
  },
]);

// Outside a scan, the notebook reader is loaded by hand, as its descriptor does.
await loadNotebookSupport();

function scanNotebook(text = NOTEBOOK): Finding[] {
  const result = pythonFrontend.scan({ path: 'chat.ipynb', text });
  if (!result.ok) throw new Error(result.message);
  return result.findings;
}

/** The Python source of each code cell, as Jupyter reads it. */
function cellSources(text: string): string[] {
  const cells = (JSON.parse(text) as { cells: { cell_type: string; source: string[] | string }[] }).cells;
  return cells.filter((cell) => cell.cell_type === 'code').map((cell) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source));
}

describe('python frontend: notebooks', () => {
  it('scans the code cells as Python and names the cell and the line in it', () => {
    expect(scanNotebook().map((f) => [f.kind, f.span.line, f.cell, f.snippet])).toEqual([
      ['import', 19, { index: 2, line: 3 }, 'from openai import OpenAI'],
      ['client', 20, { index: 2, line: 4 }, 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])'],
      ['api-call', 37, { index: 3, line: 1 }, 'resp = client.chat.completions.create('],
      ['env-var', 20, { index: 2, line: 4 }, 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])'],
      ['model', 38, { index: 3, line: 2 }, 'model="gpt-4o",'],
    ]);
  });

  it('maps every range into the JSON text', () => {
    const findings = scanNotebook();
    const slice = (range: { start: number; end: number }) => NOTEBOOK.slice(range.start, range.end);
    const model = findings.find((f) => f.kind === 'model')!;
    expect(slice(model.detail!.literal!)).toBe('gpt-4o');
    expect(slice(model.span)).toBe('\\"gpt-4o\\"');
    const env = findings.find((f) => f.kind === 'env-var')!;
    expect(slice(env.detail!.nameRange!)).toBe('OPENAI_API_KEY');
    const client = findings.find((f) => f.kind === 'client')!;
    expect(slice(client.detail!.callee!)).toBe('OpenAI');
    expect(slice(client.detail!.argument!.range)).toBe('(api_key=os.environ[\\"OPENAI_API_KEY\\"])');
  });

  it('skips a notebook with a cell that is not Python, naming the cell', () => {
    const broken = notebook([{ type: 'code', source: ['import openai\n'] }, { type: 'code', source: ['def f(:\n', '    pass'] }]);
    expect(pythonFrontend.scan({ path: 'b.ipynb', text: broken })).toEqual({ ok: false, message: 'cell 2, line 1: invalid Python syntax' });
    expect(pythonFrontend.verify('b.ipynb', broken)).toMatch(/^cell 2: /);
    expect(pythonFrontend.verify('a.ipynb', NOTEBOOK)).toBeNull();
    expect(pythonFrontend.scan({ path: 'c.ipynb', text: '{"cells": 3}' })).toEqual({ ok: false, message: 'not a Jupyter notebook (no "cells" list)' });
  });
});

describe('notebook edits', () => {
  const findings = scanNotebook();
  const model = findings.find((f) => f.kind === 'model')!;
  const client = findings.find((f) => f.kind === 'client')!;
  const call = findings.find((f) => f.kind === 'api-call')!;
  const imports = findings.find((f) => f.kind === 'import')!;
  const edit = (at: { start: number; end: number }, text: string): Edit => ({ file: 'chat.ipynb', start: at.start, end: at.end, text, reason: 'test' });
  const argument = client.detail!.argument!;
  const callArgument = call.detail!.argument!;
  if (argument.kind !== 'object' || callArgument.kind !== 'object') throw new Error('keyword arguments expected');
  const end = (offset: number) => ({ start: offset, end: offset });

  const edits = readNotebookCode('chat.ipynb', NOTEBOOK).toJsonEdits([
    edit(model.span, `'dëepseek "chat" \\ v2'`),
    edit(end(argument.lastElementEnd!), ', base_url="https://api.deepseek.com"'),
    edit(end(callArgument.listEnd), `\n${callArgument.propertyIndent}temperature=0.2,`),
    edit(end(imports.detail!.importsEnd!), '\nimport json'),
  ]);
  const edited = applyEdits(NOTEBOOK, edits);

  it('changes the cells as the same edits change their Python text', () => {
    expect(cellSources(edited)).toEqual([
      '%pip install openai\nimport os\nfrom openai import OpenAI\nimport json\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"], base_url="https://api.deepseek.com")',
      'resp = client.chat.completions.create(\n    model=\'dëepseek "chat" \\ v2\',\n    messages=[{"role": "user", "content": "héllo \\\\ \\"q\\""}],\n    temperature=0.2,\n)\nprint(resp)',
    ]);
  });

  it('keeps the layout: only the changed source lines differ, one string per line', () => {
    const before = NOTEBOOK.split('\n');
    const after = edited.split('\n');
    const removed = before.filter((line) => !after.includes(line));
    const added = after.filter((line) => !before.includes(line));
    expect(removed).toEqual([
      '    "client = OpenAI(api_key=os.environ[\\"OPENAI_API_KEY\\"])"',
      '    "    model=\\"gpt-4o\\",\\n",',
    ]);
    expect(added).toEqual([
      '    "import json\\n",',
      '    "client = OpenAI(api_key=os.environ[\\"OPENAI_API_KEY\\"], base_url=\\"https://api.deepseek.com\\")"',
      '    "    model=\'dëepseek \\"chat\\" \\\\ v2\',\\n",',
      '    "    temperature=0.2,\\n",',
    ]);
    expect(pythonFrontend.verify('chat.ipynb', edited)).toBeNull();
  });

  it('escapes line breaks inside a notebook whose source is one string', () => {
    const text = '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "import openai\\nx = 1"}], "nbformat": 4}';
    const at = text.indexOf('x = 1');
    expect(applyEdits(text, readNotebookCode('one.ipynb', text).toJsonEdits([edit(end(at), 'y = "a"\n')]))).toBe(text.replace('x = 1', 'y = \\"a\\"\\nx = 1'));
  });
});

describe('planning a notebook', () => {
  it('imports os before the first import of the cells when the migrated code reads the environment', () => {
    const text = notebook([
      { type: 'markdown', source: ['# Demo'] },
      { type: 'code', source: ['from openai import OpenAI\n', 'client = OpenAI()'] },
      { type: 'code', source: ["client.chat.completions.create(model='gpt-4o', messages=[])"] },
    ]);
    const findings = scanNotebook(text);
    const plan = planMigration({ findings, texts: new Map([['chat.ipynb', text]]) }, getProviderOrThrow('deepseek'));
    const edited = applyEdits(text, plan.edits);
    expect(cellSources(edited)).toEqual([
      'import os\nfrom openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com", api_key=os.environ.get("DEEPSEEK_API_KEY", ""))',
      "client.chat.completions.create(model='deepseek-v4-pro', messages=[])",
    ]);
    expect(pythonFrontend.verify('chat.ipynb', edited)).toBeNull();
    // Planned again, the migrated notebook needs nothing more.
    const again = planMigration({ findings: scanNotebook(edited), texts: new Map([['chat.ipynb', edited]]) }, getProviderOrThrow('deepseek'));
    expect(again.edits).toEqual([]);
  });
});

describe("a notebook's lines", () => {
  const text = notebook([
    { type: 'markdown', source: ['import openai\n'] },
    { type: 'code', source: ['import openai\n', 'if True:\n', '\topenai.api_key = "k"\n'] },
    { type: 'code', source: ['x = 1\n', 'y = 2'] },
  ]);
  const { lines } = readNotebookCode('lines.ipynb', text);
  /** The offset of `needle` inside the code (the n-th match in the JSON). */
  const at = (needle: string, nth = 0) => {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
    return offset;
  };
  const closingQuote = (line: string) => at(line) + line.length;

  it('ends a line at its escaped line break, and the last line of a cell at its closing quote', () => {
    expect(text.slice(lines.lineEnd(at('import openai', 1)), lines.lineEnd(at('import openai', 1)) + 4)).toBe('\\n",');
    expect(lines.lineEnd(at('x = 1'))).toBe(at('\\n",\n    "y = 2'));
    expect(lines.lineEnd(at('y = 2'))).toBe(closingQuote('y = 2'));
  });

  it("starts the next line at the next string's content, and stays in the cell after its last line", () => {
    expect(lines.nextLine(at('import openai', 1))).toEqual({ at: at('if True'), needsBreak: false });
    expect(lines.nextLine(at('openai.api_key'))).toEqual({ at: closingQuote('openai.api_key = \\"k\\"\\n'), needsBreak: false });
    expect(lines.nextLine(at('y = 2'))).toEqual({ at: closingQuote('y = 2'), needsBreak: true });
  });

  it('reads indentation and code as the cell has them, not as the JSON writes them', () => {
    expect(lines.indent(at('openai.api_key'))).toBe('\t');
    expect(lines.indent(at('x = 1'))).toBe('');
    expect(lines.slice(at('openai.api_key'), closingQuote('openai.api_key = \\"k\\"\\n'))).toBe('openai.api_key = "k"\n');
  });

  it('uses the line break of the code, not of the JSON', () => {
    expect(readNotebookCode('crlf.ipynb', text.replace(/\n/g, '\r\n')).lines.eol).toBe('\n');
    expect(readNotebookCode('code-crlf.ipynb', notebook([{ type: 'code', source: ['import openai\r\n', 'x = 1'] }])).lines.eol).toBe('\r\n');
  });

  it('reads a cell whose source is one string', () => {
    const one = '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "import openai\\n  x = 1"}], "nbformat": 4}';
    const view = readNotebookCode('one.ipynb', one).lines;
    expect(view.nextLine(one.indexOf('openai'))).toEqual({ at: one.indexOf('  x = 1'), needsBreak: false });
    expect(view.indent(one.indexOf('x = 1'))).toBe('  ');
    expect(view.lineEnd(one.indexOf('x = 1'))).toBe(one.indexOf('"}]'));
  });

  it('refuses an offset outside the code (in markdown or the JSON around the cells)', () => {
    expect(() => lines.lineEnd(at('import openai'))).toThrow(/not in the code of a cell/);
    expect(() => lines.indent(0)).toThrow(/not in the code of a cell/);
  });
});
