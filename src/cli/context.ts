/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean };
  stdinIsTTY: boolean;
  /** Milliseconds, for elapsed times; tests pass a fixed clock. */
  now: () => number;
  /** Set by a command when a gate fails (1); `main.ts` turns it into the process exit code. */
  exitCode: number;
  /**
   * Until `release`, Ctrl-C and SIGTERM abort `signal` instead of ending the process, so that
   * a write in progress can stop cleanly. Absent: signals keep their default effect.
   */
  trapInterrupts?: () => { signal: AbortSignal; release(): void };
}

export function createProcessContext(): CliContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: untilClosed(process.stdout),
    stderr: untilClosed(process.stderr),
    stdinIsTTY: process.stdin.isTTY === true,
    now: () => performance.now(),
    exitCode: 0,
    trapInterrupts,
  };
}

/**
 * A reader that stops early (`| head -1`) closes the pipe: the writes after that fail with
 * EPIPE, which would end the process with a stack trace. The output ends there instead; the run
 * goes on and exits with its own code.
 */
function untilClosed(stream: NodeJS.WriteStream): CliContext['stdout'] {
  let isClosed = false;
  stream.on('error', () => {
    isClosed = true;
  });
  return {
    isTTY: stream.isTTY,
    write: (text) => {
      if (!isClosed) stream.write(text);
    },
  };
}

function trapInterrupts(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const signals = ['SIGINT', 'SIGTERM'] as const;
  for (const name of signals) process.on(name, abort);
  return { signal: controller.signal, release: () => signals.forEach((name) => process.off(name, abort)) };
}

/**
 * Colour level for a stream: `NO_COLOR` wins, then `FORCE_COLOR`, then whether the stream is
 * a terminal (https://no-color.org, https://force-color.org).
 */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean | undefined, flag: boolean | undefined): 0 | 1 | 2 | 3 {
  if (flag === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined) {
    if (forced === '0' || forced === 'false') return 0;
    const level = Number.parseInt(forced, 10);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  return isTTY ? 1 : 0;
}
