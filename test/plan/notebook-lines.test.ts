import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/apply/splice.js';
import { planMigration } from '../../src/plan/plan.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { pythonFrontend } from '../../src/scan/frontends/python/index.js';
import { scanProject } from '../../src/scan/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

// Rules that add a line (the base URL beside a module-level key, the v0 settings after
// `import openai`) find where lines end and start in the cells' code, not in the notebook's JSON.

const dir = await mkdtemp(path.join(os.tmpdir(), 'migrate-openai-notebook-lines-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
let projects = 0;

type Source = string | string[];

/** A notebook as Jupyter writes it (one-space indent), with `eol` line breaks. */
function notebook(sources: Source[], { eol = '\n' } = {}): string {
  const cells = sources.map((source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source }));
  const json = `${JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
  return json.replace(/\n/g, eol);
}

function cellSources(text: string): string[] {
  const { cells } = JSON.parse(text) as { cells: { source: Source }[] };
  return cells.map((cell) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source));
}

/** The notebook migrated to `provider` (a project of its own: the link step tells a v0 project); planned again, nothing changes. */
async function migrate(text: string, provider = 'deepseek'): Promise<string> {
  const plan = async (notebookText: string) => {
    const root = path.join(dir, `project-${projects++}`);
    await writeFiles(root, { 'eval.ipynb': notebookText });
    const scan = await scanProject({ root, paths: [root], cache: false });
    return planMigration(scan, getProviderOrThrow(provider));
  };
  const migrated = applyEdits(text, (await plan(text)).edits);
  expect(pythonFrontend.verify('eval.ipynb', migrated)).toBeNull();
  expect((await plan(migrated)).edits).toEqual([]);
  return migrated;
}

/** The lines of the JSON the migration removed and added. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const old = before.split('\n');
  const now = after.split('\n');
  return { removed: old.filter((line) => !now.includes(line)), added: now.filter((line) => !old.includes(line)) };
}

const KEY = 'openai.api_key = os.environ["OPENAI_API_KEY"]';
const CALL = 'resp = openai.ChatCompletion.create(model="gpt-4", messages=[])';
const NEW_KEY = 'openai.api_key = os.environ.get("DEEPSEEK_API_KEY", "")';
const V0_URL = 'openai.api_base = "https://api.deepseek.com"';
const V1_URL = 'openai.base_url = "https://api.deepseek.com"';

describe('a module-level key in a notebook gets its base URL on the next line of its cell', async () => {
  it('in its own source string, when the key is the last line of a cell and ends with a line break', async () => {
    const text = notebook([['import os\n', 'import openai\n', `${KEY}\n`], [`${CALL}\n`, 'print(resp)\n']]);
    const migrated = await migrate(text);
    expect(cellSources(migrated)).toEqual([`import os\nimport openai\n${NEW_KEY}\n${V0_URL}\n`, `${CALL.replace('gpt-4', 'deepseek-v4-pro')}\nprint(resp)\n`]);
    expect(changedLines(text, migrated).added).toEqual([
      `    ${JSON.stringify(`${NEW_KEY}\n`)},`,
      `    ${JSON.stringify(`${V0_URL}\n`)}`,
      `    ${JSON.stringify(`${CALL.replace('gpt-4', 'deepseek-v4-pro')}\n`)},`,
    ]);
  });

  it('when the key is the last line of a cell without a line break', async () => {
    const text = notebook([['import os\n', 'import openai\n', KEY], [CALL]]);
    expect(cellSources(await migrate(text))[0]).toBe(`import os\nimport openai\n${NEW_KEY}\n${V0_URL}`);
  });

  it('when the key is in the middle of a cell', async () => {
    const text = notebook([['import os\n', 'from openai import OpenAI\n', 'import openai\n', `${KEY}\n`, 'client = OpenAI()']]);
    expect(cellSources(await migrate(text))[0]).toBe(`import os\nfrom openai import OpenAI\nimport openai\n${NEW_KEY.replace('openai.', 'openai.')}\n${V1_URL}\nclient = OpenAI(base_url="https://api.deepseek.com", api_key=os.environ.get("DEEPSEEK_API_KEY", ""))`);
  });

  it('indented like the key, inside an if block', async () => {
    const text = notebook([['import os\n', 'import openai\n', 'if os.environ.get("LLM") == "openai":\n', `    ${KEY}\n`, 'print(1)'], [CALL]]);
    expect(cellSources(await migrate(text))[0]).toBe(`import os\nimport openai\nif os.environ.get("LLM") == "openai":\n    ${NEW_KEY}\n    ${V0_URL}\nprint(1)`);
  });

  it('with a tab indent, escaped in the JSON', async () => {
    const text = notebook([['import os\n', 'import openai\n', 'if True:\n', `\t${KEY}\n`], [CALL]]);
    const migrated = await migrate(text);
    expect(cellSources(migrated)[0]).toBe(`import os\nimport openai\nif True:\n\t${NEW_KEY}\n\t${V0_URL}\n`);
    expect(migrated).toContain(`"\\t${V0_URL.replace(/"/g, '\\"')}\\n"`);
  });

  it('escaped in a cell whose source is one string', async () => {
    const text = notebook([`import os\nimport openai\n${KEY}\n${CALL}`]);
    const migrated = await migrate(text);
    expect(cellSources(migrated)).toEqual([`import os\nimport openai\n${NEW_KEY}\n${V0_URL}\n${CALL.replace('gpt-4', 'deepseek-v4-pro')}`]);
    expect(changedLines(text, migrated).removed).toHaveLength(1);
  });

  it('in a notebook written on one line, its strings separated as the list separates them', async () => {
    // As Python's json.dumps writes it without an indent.
    const cell = (source: string[]) => `{"cell_type": "code", "metadata": {}, "outputs": [], "source": [${source.map((line) => JSON.stringify(line)).join(', ')}]}`;
    const text = `{"cells": [${cell(['import os\n', 'import openai\n', KEY])}, ${cell([CALL])}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`;
    const migrated = await migrate(text);
    expect(cellSources(migrated)[0]).toBe(`import os\nimport openai\n${NEW_KEY}\n${V0_URL}`);
    expect(migrated).toContain(`, ${JSON.stringify(V0_URL)}]`);
  });

  it('in a notebook with CRLF line breaks: the JSON keeps CRLF, the code its LF', async () => {
    const text = notebook([['import os\n', 'import openai\n', `${KEY}\n`], [CALL]], { eol: '\r\n' });
    const migrated = await migrate(text);
    expect(cellSources(migrated)[0]).toBe(`import os\nimport openai\n${NEW_KEY}\n${V0_URL}\n`);
    expect(migrated.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('the v0 settings after `import openai` in a notebook', async () => {
  const SETUP = `${NEW_KEY}\n${V0_URL}\n`;

  it('start a source string of their own after the top-level imports', async () => {
    const text = notebook([['import os\n', 'import openai\n', 'x = 1\n'], [CALL]]);
    const migrated = await migrate(text);
    expect(cellSources(migrated)[0]).toBe(`import os\nimport openai\n${SETUP}x = 1\n`);
    expect(changedLines(text, migrated).removed).toEqual([`    ${JSON.stringify(CALL)}`]);
  });

  it('close the cell when the import is its last line, with a line break', async () => {
    const text = notebook([['import os\n', 'import openai\n'], [CALL]]);
    const migrated = await migrate(text);
    expect(cellSources(migrated)[0]).toBe(`import os\nimport openai\n${SETUP}`);
    expect(changedLines(text, migrated).added).toEqual([`    "import openai\\n",`, `    ${JSON.stringify(`${NEW_KEY}\n`)},`, `    ${JSON.stringify(`${V0_URL}\n`)}`, `    ${JSON.stringify(CALL.replace('gpt-4', 'deepseek-v4-pro'))}`]);
  });

  it('follow a line break of their own when the import ends the last cell without one', async () => {
    const text = notebook([['def ask():\n', `    ${CALL}\n`, '    return resp'], ['import os\n', 'import openai']]);
    expect(cellSources(await migrate(text))[1]).toBe(`import os\nimport openai\n${SETUP}`);
  });

  it('take the indentation of an import nested in try', async () => {
    const text = notebook([['try:\n', '    import openai\n', 'except ImportError:\n', '    openai = None\n'], [CALL]]);
    const migrated = await migrate(text);
    expect(cellSources(migrated)[0]).toBe(`import os\ntry:\n    import openai\n    ${NEW_KEY}\n    ${V0_URL}\nexcept ImportError:\n    openai = None\n`);
  });

  it('stay in the cell of a one-string source', async () => {
    const text = notebook(['import openai', CALL]);
    expect(cellSources(await migrate(text))).toEqual([`import os\nimport openai\n${SETUP}`, CALL.replace('gpt-4', 'deepseek-v4-pro')]);
  });
});

describe('`import os` for the migrated code of a notebook', () => {
  it('goes after a docstring and `from __future__` imports, which must open the cell, before the first import', async () => {
    const text = notebook([['%pip install openai'], ['"""Evaluate the prompts."""\n', 'from __future__ import annotations\n', '\n', 'import openai'], ['client = openai.OpenAI()']]);
    expect(cellSources(await migrate(text)).slice(1)).toEqual([
      '"""Evaluate the prompts."""\nfrom __future__ import annotations\n\nimport os\nimport openai',
      'client = openai.OpenAI(base_url="https://api.deepseek.com", api_key=os.environ.get("DEEPSEEK_API_KEY", ""))',
    ]);
  });

  it('opens the first cell of Python when every import is nested, not a %%bash cell before it', async () => {
    const text = notebook([['%%bash\n', 'pip install "openai<1"'], ['try:\n', '    import openai\n', 'except ImportError:\n', '    openai = None'], [CALL]]);
    const cells = cellSources(await migrate(text));
    expect(cells.slice(0, 2)).toEqual(['%%bash\npip install "openai<1"', `import os\ntry:\n    import openai\n    ${NEW_KEY}\n    ${V0_URL}\nexcept ImportError:\n    openai = None`]);
  });
});

describe('planning a notebook whose scan results the cache kept', () => {
  it('plans it as it did when the scan parsed it', async () => {
    const root = path.join(dir, 'cached', 'app');
    await writeFiles(root, { 'eval.ipynb': notebook([['import os\n', 'import openai\n', KEY], [CALL]]) });
    // A process of its own, with a cache: the second run takes the notebook's findings from it.
    const plan = async () => {
      const run = promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'bin/migrate-openai.js'), 'plan', root, '--to', 'deepseek', '--format', 'diff'], {
        env: { ...process.env, NO_COLOR: '1', MIGRATE_OPENAI_NO_CACHE: undefined, MIGRATE_OPENAI_CACHE_DIR: path.join(dir, 'cached', 'cache') },
      });
      return (await run).stdout;
    };
    const first = await plan();
    expect(first).toContain(`+    ${JSON.stringify(V0_URL)}`);
    expect(await plan()).toBe(first);
  });
});
