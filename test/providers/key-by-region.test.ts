import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../src/plan/target.js';
import { getProviderOrThrow } from '../../src/providers/index.js';
import { runCli } from '../helpers/run-cli.js';
import { inputOf } from '../cli/temp-project.js';

describe('Zhipu key variable by region', () => {
  it('reads ZHIPUAI_API_KEY on the mainland platform and ZAI_API_KEY on Z.AI', () => {
    const zhipu = getProviderOrThrow('zhipu');
    expect(resolveTarget(zhipu).keyVar).toBe('ZHIPUAI_API_KEY');
    expect(resolveTarget(zhipu, { region: 'cn' }).keyVar).toBe('ZHIPUAI_API_KEY');
    expect(resolveTarget(zhipu, { region: 'intl' }).keyVar).toBe('ZAI_API_KEY');
  });

  it('writes the region’s variable into migrated code and names it in the Next steps', async () => {
    const input = inputOf('sdk-v4-client');
    const intl = JSON.parse((await runCli(['plan', input, '--to', 'zhipu', '--region', 'intl', '--format', 'json'])).stdout) as { edits: { text: string }[]; nextSteps: { variables: { name: string }[] } };
    expect(intl.edits.some((edit) => edit.text.includes('process.env.ZAI_API_KEY'))).toBe(true);
    expect(intl.edits.some((edit) => edit.text.includes('ZHIPUAI_API_KEY'))).toBe(false);
    expect(intl.nextSteps.variables.map((variable) => variable.name)).toEqual(['ZAI_API_KEY']);
    const cn = JSON.parse((await runCli(['plan', input, '--to', 'zhipu', '--format', 'json'])).stdout) as { edits: { text: string }[] };
    expect(cn.edits.some((edit) => edit.text.includes('process.env.ZHIPUAI_API_KEY'))).toBe(true);
  });
});
