import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/apply/splice.js';
import { planMigration } from '../../../src/plan/plan.js';
import { getProviderOrThrow } from '../../../src/providers/index.js';
import { pythonFrontend } from '../../../src/scan/frontends/python/index.js';
import { readPython } from '../../helpers/python.js';
import { HOSTILE_VALUES } from './hostile.js';

const SOURCE = `"""Bot."""
from openai import OpenAI

MODEL = 'gpt-4o'
URL = r"https://api.openai.com/v1/chat/completions"
client = OpenAI()
client.chat.completions.create(model=MODEL, messages=[])
`;

function migrate(options: Parameters<typeof planMigration>[2]): string {
  const scanned = pythonFrontend.scan({ path: 'bot.py', text: SOURCE });
  if (!scanned.ok) throw new Error(scanned.message);
  const plan = planMigration({ findings: scanned.findings, texts: new Map([['bot.py', SOURCE]]) }, getProviderOrThrow('deepseek'), options);
  return applyEdits(SOURCE, plan.edits);
}

/** The value each top-level assignment and the client's keyword arguments hold, as Python reads them. */
function values(text: string): { model: string; url: string; baseUrl: string } {
  const lines = text.split('\n');
  const at = (prefix: string) => lines.find((line) => line.startsWith(prefix))!.slice(prefix.length);
  const client = at('client = OpenAI(');
  const baseUrl = /^base_url=(.*), api_key=os\.environ\.get\("DEEPSEEK_API_KEY", ""\)\)$/.exec(client)?.[1] ?? 'unparsed';
  const [model, url, base, module] = readPython([
    { source: at('MODEL = '), mode: 'literal' },
    { source: at('URL = '), mode: 'literal' },
    { source: baseUrl, mode: 'literal' },
    { source: text, mode: 'module' },
  ]);
  expect(module).toMatchObject({ ok: true, kind: 'module', docstring: 'Bot.' });
  const read = (reading: typeof model) => (reading?.ok && reading.kind === 'literal' ? reading.value : JSON.stringify(reading));
  return { model: read(model), url: read(url), baseUrl: read(base) };
}

describe('values from the command line or the configuration are written into Python as data', () => {
  it.each(HOSTILE_VALUES)('a model id with %s stays one string', (_, value) => {
    expect(values(migrate({ models: { 'gpt-4o': value } })).model).toBe(value);
  });

  // `{name}` in a base URL is a placeholder filled from env (the Azure resource).
  it.each(HOSTILE_VALUES.filter(([name]) => name !== 'braces'))('a base URL with %s stays one string, in a raw literal too', (_, value) => {
    const migrated = values(migrate({ baseUrl: value }));
    expect(migrated.baseUrl).toBe(value);
    expect(migrated.url).toBe(`${value}/chat/completions`);
  });
});
