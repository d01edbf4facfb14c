import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { createScanProgress } from '../../src/cli/progress.js';

/** A context whose stderr is (or is not) a terminal, with a clock the test moves. */
function contextWith(isTTY: boolean, env: NodeJS.ProcessEnv = {}) {
  const clock = { now: 0 };
  let stderr = '';
  const ctx: CliContext = {
    cwd: '/',
    env,
    stdout: { write: () => undefined },
    stderr: { write: (text) => void (stderr += text), isTTY },
    stdinIsTTY: isTTY,
    now: () => clock.now,
    exitCode: 0,
  };
  return { ctx, clock, stderr: () => stderr };
}

describe('scan progress', () => {
  it('shows files scanned of total on a terminal once the run is long, and clears the line at the end', () => {
    const { ctx, clock, stderr } = contextWith(true);
    const progress = createScanProgress(ctx)!;
    progress(1, 4);
    expect(stderr()).toBe('');
    clock.now = 400;
    progress(2, 4);
    clock.now = 450;
    progress(3, 4);
    clock.now = 600;
    progress(3, 4);
    progress(4, 4);
    expect(stderr()).toBe('\r\u001b[2KScanning 2/4 files\r\u001b[2KScanning 3/4 files\r\u001b[2K');
  });

  it('prints nothing for a short run', () => {
    const { ctx, stderr } = contextWith(true);
    const progress = createScanProgress(ctx)!;
    for (let done = 1; done <= 3; done++) progress(done, 3);
    expect(stderr()).toBe('');
  });

  it('is off when stderr is not a terminal', () => {
    expect(createScanProgress(contextWith(false).ctx)).toBeUndefined();
  });

  it('is off in CI, even on a terminal', () => {
    expect(createScanProgress(contextWith(true, { CI: 'true' }).ctx)).toBeUndefined();
    expect(createScanProgress(contextWith(true, { CI: '0' }).ctx)).toBeDefined();
  });
});
