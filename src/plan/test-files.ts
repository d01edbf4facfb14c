import { groupByFile } from '../core/group.js';
import type { Finding, ManualAction } from '../core/types.js';
import { count } from '../core/plural.js';

/** Folders whose files are tests, mocks or test data. */
const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', '__mocks__', 'mocks', '__fixtures__', 'fixtures', 'spec']);
/** `chat.test.ts`, `api.spec.js`, Python's `test_chat.py` / `chat_test.py` / `conftest.py`. */
const TEST_FILE = /(?:\.(?:test|spec)\.[^/.]+|^test_[^/]*\.py|_test\.py|^conftest\.py)$/;

/** A test file, a mock or a test fixture, by its path relative to the root. */
export function isTestFile(file: string): boolean {
  const parts = file.split('/');
  const name = parts.pop() ?? '';
  return TEST_FILE.test(name) || parts.some((folder) => TEST_FOLDERS.has(folder));
}

/**
 * Model ids and keys in tests are test data: asserting `model: 'gpt-4o'` against a mock is not
 * a request the app sends. Unless tests are included, their findings are left out of the plan,
 * with one info action per file saying so.
 */
export function setAsideTests(findings: readonly Finding[], includeTests: boolean): { planned: Finding[]; notes: ManualAction[] } {
  if (includeTests) return { planned: [...findings], notes: [] };
  const tests = findings.filter((finding) => isTestFile(finding.file));
  if (tests.length === 0) return { planned: [...findings], notes: [] };
  const notes = [...groupByFile(tests)].map(([file, inFile]): ManualAction => ({
    file,
    line: Math.min(...inFile.map((finding) => finding.span.line)),
    severity: 'info',
    code: 'test-file-not-edited',
    message: `test code: ${count(inFile.length, 'OpenAI reference')} left as written (test data, not requests the app sends); pass --include-tests to migrate them too`,
  }));
  return { planned: findings.filter((finding) => !isTestFile(finding.file)), notes };
}
