import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { inputOf } from './temp-project.js';

describe('a one-value flag given twice', () => {
  it.each([
    [['plan', '--to', 'zhipu', '--to', 'deepseek'], "error: option '--to <provider>' argument 'deepseek' is invalid. given twice with different values (\"zhipu\" and \"deepseek\")"],
    [['plan', '--to', 'zhipu', '--region', 'cn', '--region', 'intl'], "error: option '--region <region>' argument 'intl' is invalid. given twice with different values (\"cn\" and \"intl\")"],
    [['scan', '--out', 'a.json', '--out', 'b.json'], "error: option '--out <file>' argument 'b.json' is invalid. given twice with different values (\"a.json\" and \"b.json\")"],
  ])('%j is refused with one line and exit 2', async (argv, message) => {
    const result = await runCli([...argv, inputOf('sdk-v4-client')]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });

  it('is accepted when both values agree', async () => {
    const result = await runCli(['plan', '--to', 'zhipu', '--to', 'zhipu', inputOf('sdk-v4-client')]);
    expect(result.code, result.stderr).toBe(0);
  });
});
