import { describe, expect, it } from 'vitest';
import { redactSecrets, stringifyRedacted } from '../../src/core/redact.js';
import { useTempProjects } from '../cli/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { CLIENT_FILE, writeFiles } from './project.js';

const temp = useTempProjects();

// Built at run time, so no key-shaped literal sits in the repository.
const AZURE_KEY = '0123456789abcdef'.repeat(2);
const OPENAI_KEY = `sk-proj-${'Ab3'.repeat(12)}`;
const OTHER_SECRET = 'Zq7-x9Lm2pW4';
const SECRETS = [AZURE_KEY, OPENAI_KEY, OTHER_SECRET, OPENAI_KEY.slice('sk-proj-'.length)];

/** Each shape a secret hides in, as text: redacted, none of SECRETS may remain. */
const SHAPES: Record<string, string> = {
  'k8s env item': `env:\n  - name: AZURE_OPENAI_API_KEY\n    value: ${AZURE_KEY}\n`,
  'k8s env item, quoted': `  - name: "SERVICE_TOKEN"\n    value: "${OTHER_SECRET}"\n`,
  'compose list': `environment:\n  - AZURE_OPENAI_API_KEY=${AZURE_KEY}\n`,
  'api-key header': `fetch(url, { headers: { 'api-key': '${AZURE_KEY}' } });`,
  'x-api-key header': `headers: { "X-Api-Key": "${OTHER_SECRET}" }`,
  'bearer header': `headers: { Authorization: 'Bearer ${OTHER_SECRET}' }`,
  'curl line': `curl -H "Authorization: Bearer ${OTHER_SECRET}" https://example.com`,
  'YAML api_key': `llm:\n  api_key: ${OTHER_SECRET}\n`,
  'JSON azureKey': `{ "azureKey": "${AZURE_KEY}" }`,
  'camelCase secret': `const clientSecret = "${OTHER_SECRET}";`,
  'kebab-case password in YAML': `db-password: ${OTHER_SECRET}\n`,
  'key glued to a letter': `const auth = "Bearer" + "x" + "keysk-proj-${OPENAI_KEY.slice(8)}";`,
  'key written with escapes': `const k = "sk\\u002dproj\\u002d${OPENAI_KEY.slice(8)}";`,
  'key with \\x escapes': `const k = 'sk\\x2dproj\\x2d${OPENAI_KEY.slice(8)}';`,
  'JSON snippet in a report': JSON.stringify({ snippet: `AZURE_OPENAI_API_KEY: ${AZURE_KEY}` }),
  'diff lines': `-OPENAI_API_KEY=${OPENAI_KEY}\n+ZAI_API_KEY=\n`,
  'Azure key credential': `const client = new OpenAIClient(endpoint, new AzureKeyCredential('${AZURE_KEY}'));`,
  'key credential in Python': `client = ChatCompletionsClient(endpoint=url, credential=AzureKeyCredential("${OTHER_SECRET}"))`,
};

describe('secrets are redacted by the name that holds them and by their shape', () => {
  it.each(Object.entries(SHAPES))('%s', (_shape, text) => {
    const redacted = redactSecrets(text);
    for (const secret of SECRETS) expect(redacted).not.toContain(secret);
  });

  // The JSON reports hold snippets and diff lines as strings, where quotes and line breaks are escaped.
  it.each(Object.entries(SHAPES))('%s, inside a JSON document', (_shape, text) => {
    const redacted = stringifyRedacted({ snippet: text, diff: [`-${text}`, `+${text}`] });
    for (const secret of SECRETS) expect(redacted).not.toContain(secret);
    expect(JSON.parse(redacted)).toHaveProperty('snippet');
  });

  it.each([
    ['prose with a colon', 'Contains a hard-coded OpenAI API key: hard-coded API key (value redacted)'],
    ['a read in Python', 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])'],
    ['a variable in code', 'new OpenAI({ apiKey: key, baseURL })'],
    ['a count in a report', '"api-key": 0,'],
    ['a SARIF fingerprint', '"migrateOpenai/v1": "0123456789abcdef0123456789abcdef"'],
    ['a secret reference', 'valueFrom:\n  secretKeyRef:\n    key: OPENAI_API_KEY'],
    ['a bearer read from the environment', 'Authorization: `Bearer ${process.env.ZAI_API_KEY}`'],
    ['a key credential read from the environment', 'new AzureKeyCredential(process.env.AZURE_OPENAI_API_KEY)'],
  ])('keeps %s', (_name, text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it('is linear on a long line without escapes or names', () => {
    const line = `${'a-b_c'.repeat(40_000)}\\u002d`;
    const started = performance.now();
    redactSecrets(line);
    // Generous: a quadratic pass over 200,000 characters takes minutes.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('a key given by mistake on the command line is never echoed', () => {
  it.each([
    ['as the provider', ['plan', '--to', OPENAI_KEY]],
    ['as a model', ['plan', '--to', 'zhipu', '--model', `gpt-4o=${OPENAI_KEY}`]],
    ['as a base URL', ['plan', '--to', 'zhipu', '--base-url', `https://x.example/${OPENAI_KEY}?key=${AZURE_KEY}`]],
    ['as a region', ['plan', '--to', 'azure', '--region', AZURE_KEY]],
    ['as an unknown flag', ['plan', `--api-key=${OPENAI_KEY}`]],
  ])('%s', async (_case, argv) => {
    const dir = await temp.emptyDir();
    await writeFiles(dir, { 'src/chat.ts': CLIENT_FILE });
    const result = await runCli(argv, { cwd: dir });
    expect(result.code).not.toBe(0);
    for (const secret of SECRETS) expect(result.stderr + result.stdout).not.toContain(secret);
  });
});
