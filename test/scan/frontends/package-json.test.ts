import { describe, expect, it } from 'vitest';
import { packageJsonFrontend } from '../../../src/scan/frontends/package-json.js';
import { packageJsonDescriptor } from '../../../src/scan/frontends/settings-files.js';
import { expectFindings, expectParseError, scanText, type Expected } from './settings-tester.js';

describe('package.json frontend: packages without OpenAI have no findings', () => {
  it.each([
    ['other dependencies', '{ "dependencies": { "express": "^5.0.0" } }\n'],
    ['openai outside a dependency section', '{ "overrides": { "openai": "4.104.0" }, "keywords": ["openai"] }\n'],
    ['a version that is not a string', '{ "dependencies": { "openai": 4 } }\n'],
    ['a package named like an Object.prototype member', '{ "dependencies": { "constructor": "1.0.0" } }\n'],
  ])('%s', (_name, text) => {
    expectFindings(packageJsonFrontend, 'package.json', text, []);
  });
});

describe('package.json frontend: findings', () => {
  it.each<[string, string, Expected[]]>([
    ['the SDK and a framework, each in its own section', '{\n  "dependencies": { "openai": "^4.20.0" },\n  "devDependencies": { "@langchain/openai": "~0.3.11" }\n}\n', [
      { kind: 'import', line: 2, column: 21, api: 'openai', version: '^4.20.0' },
      { kind: 'framework', line: 3, column: 24, api: '@langchain/openai', version: '~0.3.11' },
    ]],
    ['every framework package', '{ "peerDependencies": { "@ai-sdk/openai": "1", "@ai-sdk/azure": "1", "@llamaindex/openai": "0.1", "langchain": "0.3" } }\n', [
      { kind: 'framework', line: 1, column: 25, api: '@ai-sdk/openai', version: '1' },
      { kind: 'framework', line: 1, column: 48, api: '@ai-sdk/azure', version: '1' },
      { kind: 'framework', line: 1, column: 70, api: '@llamaindex/openai', version: '0.1' },
      { kind: 'framework', line: 1, column: 99, api: 'langchain', version: '0.3' },
    ]],
    ['a script that sets a variable', '{ "scripts": { "dev": "OPENAI_MODEL=gpt-4o node ." } }\n', [
      { kind: 'env-var', line: 1, column: 24, name: 'OPENAI_MODEL' },
      { kind: 'model', line: 1, column: 37, model: 'gpt-4o' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectFindings(packageJsonFrontend, 'package.json', text, expected);
  });

  it('records the section of a dependency for the planner', () => {
    const [finding] = scanText(packageJsonFrontend, 'package.json', '{ "optionalDependencies": { "openai": "3.3.0" } }');
    expect(finding?.detail?.dependency).toEqual({ section: 'optionalDependencies' });
  });

  it('fails on a file that does not parse', () => {
    expectParseError(packageJsonFrontend, 'package.json', '{ "dependencies": { "openai" } }\n', /^1:30 ':' expected\.$/);
  });

  it('reads package.json files only', () => {
    expect(['package.json', 'apps/web/package.json', 'package-lock.json', 'packages.json'].map(packageJsonDescriptor.handles)).toEqual([true, true, false, false]);
  });
});
