import { Option } from 'commander';
import { EXIT } from '../core/errors.js';
import { count } from '../core/plural.js';
import type { ManualAction, Severity } from '../core/types.js';
import type { CliContext } from './context.js';

/** Most severe first: `--fail-on warning` counts warnings and errors. */
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** `none` turns off a `failOn` set in the configuration file. */
export type FailOn = Severity | 'none';

export const failOnOption = () =>
  new Option('--fail-on <severity>', 'exit with 1 while manual actions at or above this severity remain (a CI gate); none: never').choices([...SEVERITIES, 'none']);

/** The `--fail-on` gate: says how many actions remain and sets exit code 1. */
export function checkFailOn(ctx: CliContext, actions: readonly ManualAction[], threshold: FailOn | undefined): void {
  if (threshold === undefined || threshold === 'none') return;
  const limit = SEVERITIES.indexOf(threshold);
  const remaining = actions.filter((action) => SEVERITIES.indexOf(action.severity) <= limit).length;
  if (remaining === 0) return;
  const verb = remaining === 1 ? 'remains' : 'remain';
  ctx.stderr.write(`${count(remaining, 'manual action')} at severity ${threshold} or above ${verb} (--fail-on ${threshold})\n`);
  ctx.exitCode = EXIT.gate;
}
