import { describe, expect, it } from 'vitest';
import { dotenvFrontend } from '../../../src/scan/frontends/dotenv.js';
import { dotenvDescriptor } from '../../../src/scan/frontends/settings-files.js';
import { expectFindings, expectParseError, scanText, type Expected } from './settings-tester.js';

const KEY = 'sk-proj-FAKEKEYdotenvTEST0123456789abcdefghijKL';

describe('dotenv frontend: files without OpenAI settings have no findings', () => {
  it.each([
    ['an unrelated variable', 'PORT=3000\n'],
    ['OPENAI in a comment', '# set OPENAI_API_KEY in your shell\nPORT=1\n'],
    ["another vendor's sk- key", 'DEEPSEEK_API_KEY=sk-abcdefghijklmnopqrstuvwxyz012345\n'],
    ['a model id inside a sentence', 'GREETING="ask gpt-4o anything"\n'],
    ['a short o1 outside a model variable', 'LEVEL=o1\n'],
    ['blank lines and comments only', '\n# nothing here\n\n'],
  ])('%s', (_name, text) => {
    expectFindings(dotenvFrontend, '.env', text, []);
  });
});

describe('dotenv frontend: findings', () => {
  it.each<[string, string, Expected[]]>([
    ['a key with export and double quotes', `export OPENAI_API_KEY="${KEY}"\n`, [
      { kind: 'env-var', line: 1, column: 8, name: 'OPENAI_API_KEY' },
      { kind: 'api-key', line: 1, column: 24 },
    ]],
    ['a placeholder key is not a key', 'OPENAI_API_KEY=your-key-here\n', [{ kind: 'env-var', line: 1, column: 1, name: 'OPENAI_API_KEY' }]],
    ['a base URL', 'OPENAI_BASE_URL=https://api.openai.com/v1\n', [
      { kind: 'env-var', line: 1, column: 1, name: 'OPENAI_BASE_URL' },
      { kind: 'base-url', line: 1, column: 17, api: 'https://api.openai.com/v1' },
    ]],
    ['a single-quoted model variable', "CHAT_MODEL='gpt-4o-mini'\n", [{ kind: 'model', line: 1, column: 13, model: 'gpt-4o-mini' }]],
    ['a model id ending before an inline comment', 'FALLBACK=gpt-4o-mini # cheap\n', [{ kind: 'model', line: 1, column: 10, model: 'gpt-4o-mini', confidence: 'likely' }]],
    ['a reference to another OpenAI variable', 'OPENAI_API_KEY=${OPENAI_KEY}\n', [
      { kind: 'env-var', line: 1, column: 1, name: 'OPENAI_API_KEY' },
      { kind: 'env-var', line: 1, column: 18, name: 'OPENAI_KEY' },
    ]],
    ['a name alone (docker env_file pass-through)', 'OPENAI_API_KEY\n', [{ kind: 'env-var', line: 1, column: 1, name: 'OPENAI_API_KEY' }]],
    ['an account setting', 'OPENAI_ORG_ID=org-123\n', [{ kind: 'env-var', line: 1, column: 1, name: 'OPENAI_ORG_ID' }]],
    ['CRLF line endings', 'A=1\r\nOPENAI_MODEL=gpt-4o\r\n', [
      { kind: 'env-var', line: 2, column: 1, name: 'OPENAI_MODEL' },
      { kind: 'model', line: 2, column: 14, model: 'gpt-4o' },
    ]],
    ['a double-quoted value spanning lines', 'NOTE="one\ntwo"\nOPENAI_MODEL=o3\n', [
      { kind: 'env-var', line: 3, column: 1, name: 'OPENAI_MODEL' },
      { kind: 'model', line: 3, column: 14, model: 'o3' },
    ]],
    ['a key in a commented-out line', `# OPENAI_API_KEY=${KEY}\n`, [{ kind: 'api-key', line: 1, column: 18 }]],
    ['an OpenAI project key under any name', `TOKEN=${KEY}\n`, [{ kind: 'api-key', line: 1, column: 7 }]],
    ['a byte order mark', '\uFEFFOPENAI_MODEL=gpt-4.1\n', [
      { kind: 'env-var', line: 1, column: 2, name: 'OPENAI_MODEL' },
      { kind: 'model', line: 1, column: 15, model: 'gpt-4.1' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectFindings(dotenvFrontend, '.env', text, expected);
  });
});

describe('dotenv frontend: secrets in snippets', () => {
  it('shows an OpenAI key by its prefix only', () => {
    const snippets = scanText(dotenvFrontend, '.env', `OPENAI_API_KEY="${KEY}"\n`).map((f) => f.snippet);
    expect(snippets).toEqual(['OPENAI_API_KEY="sk-proj-***"', 'OPENAI_API_KEY="sk-proj-***"']);
  });

  it('hides a key variable value that is not key-shaped', () => {
    const [finding] = scanText(dotenvFrontend, '.env', 'OPENAI_API_KEY=abc123verysecret\n');
    expect(finding?.snippet).toBe('OPENAI_API_KEY=***');
  });
});

describe('dotenv frontend: parse errors', () => {
  it.each([
    ['an unterminated quote', 'OPENAI_API_KEY="sk-open\n', /^1:16 unterminated " quoted value of OPENAI_API_KEY$/],
    ['a line that is not NAME=value', 'PORT=1\nthis is prose\n', /^2:6 expected '=' after this$/],
    ['text after a closing quote', "OPENAI_MODEL='gpt-4o' trailing\n", /^1:23 unexpected text after the quoted value/],
  ])('%s', (_name, text, message) => {
    expectParseError(dotenvFrontend, '.env', text, message);
  });

  it('verifies a file that parses', () => {
    expect(dotenvFrontend.verify('.env', 'export ZAI_API_KEY=""\r\n# comment\n')).toBeNull();
  });
});

describe('dotenv frontend: files', () => {
  it.each(['.env', '.env.example', '.env.local', 'config/.env.production', 'docker/app.env'])('reads %s', (path) => {
    expect(dotenvDescriptor.handles(path)).toBe(true);
  });

  it.each(['env.txt', 'src/environment.ts', '.envrc'])('does not read %s', (path) => {
    expect(dotenvDescriptor.handles(path)).toBe(false);
  });
});
