import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { planMigration } from '../../src/plan/plan.js';
import { isTestFile } from '../../src/plan/test-files.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { loadFrontendsFor } from '../../src/scan/frontends/index.js';

const frontendFor = await loadFrontendsFor(['src/chat.ts', 'app/chat.py']);

const CALL = "import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n";

function plan(files: Record<string, string>, includeTests?: boolean) {
  const findings: Finding[] = Object.entries(files).flatMap(([file, text]) => {
    const scanned = frontendFor(file)!.scan({ path: file, text });
    if (!scanned.ok) throw new Error(scanned.message);
    return scanned.findings;
  });
  return planMigration({ findings, texts: new Map(Object.entries(files)) }, getProviderOrThrow('zhipu'), includeTests ? { includeTests } : {});
}

describe('test files', () => {
  it.each(['test/chat.ts', 'tests/unit/chat.ts', 'src/__tests__/chat.ts', '__mocks__/openai.ts', 'src/chat.test.ts', 'src/chat.spec.js', 'e2e/fixtures/app.ts', 'tests/test_chat.py', 'pkg/chat_test.py', 'conftest.py'])(
    'counts %s as test code',
    (file) => expect(isTestFile(file)).toBe(true),
  );

  it.each(['src/chat.ts', 'src/testing-utils.ts', 'src/latest.ts', 'app/api/test-route/route.ts', 'src/contest.py'])('counts %s as app code', (file) => {
    expect(isTestFile(file)).toBe(false);
  });

  it('leaves test files as written, with one info action per file, and migrates the app', () => {
    const result = plan({ 'src/chat.ts': CALL, 'src/chat.test.ts': CALL, '__mocks__/openai.ts': "export const reply = { model: 'gpt-4o' };\n" });
    expect(new Set(result.edits.map((e) => e.file))).toEqual(new Set(['src/chat.ts']));
    const notes = result.manual.filter((action) => action.code === 'test-file-not-edited');
    expect(notes.map((action) => [action.file, action.severity])).toEqual([
      ['__mocks__/openai.ts', 'info'],
      ['src/chat.test.ts', 'info'],
    ]);
  });

  it('migrates test files with includeTests, without the info actions', () => {
    const result = plan({ 'src/chat.ts': CALL, 'src/chat.test.ts': CALL }, true);
    expect(new Set(result.edits.map((e) => e.file))).toEqual(new Set(['src/chat.ts', 'src/chat.test.ts']));
    expect(result.manual.filter((action) => action.code === 'test-file-not-edited')).toEqual([]);
  });
});
