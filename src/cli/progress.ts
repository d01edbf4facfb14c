import type { CliContext } from './context.js';

/** Nothing is shown for runs shorter than this, so that small projects print no flicker. */
const DELAY_MS = 300;
const INTERVAL_MS = 100;

/**
 * A `scanProject` progress callback that shows "Scanning 120/4000 files" on stderr, on one
 * line rewritten in place, and clears it when the last file is done. Only on a terminal and
 * outside CI: it never reaches redirected output, logs or JSON.
 */
export function createScanProgress(ctx: CliContext): ((done: number, total: number) => void) | undefined {
  if (ctx.stderr.isTTY !== true || isCI(ctx.env)) return undefined;
  const started = ctx.now();
  let lastShown = -Infinity;
  let isShowing = false;
  return (done, total) => {
    if (done >= total) {
      if (isShowing) ctx.stderr.write('\r\u001b[2K');
      isShowing = false;
      return;
    }
    const now = ctx.now();
    if (now - started < DELAY_MS || now - lastShown < INTERVAL_MS) return;
    lastShown = now;
    isShowing = true;
    ctx.stderr.write(`\r\u001b[2KScanning ${done}/${total} files`);
  };
}

/** The variable most CI services set (GitHub Actions, GitLab, CircleCI, Travis, Buildkite …). */
function isCI(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}
