/** Process exit codes: the one table, documented in the README. */
export const EXIT = { ok: 0, gate: 1, usage: 2, internal: 3, partlyApplied: 4, cancelled: 130 } as const;

/**
 * Errors the user can fix. Each has a one-line message, an optional hint and exits with 2.
 * Anything else that escapes to the CLI is a bug and is reported as an internal error.
 */
export abstract class UserError extends Error {
  readonly exitCode: number = EXIT.usage;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage: unknown option value, missing argument, nothing to prompt on. */
export class UsageError extends UserError {}

/** A configuration file or option that is malformed or contradicts itself. */
export class ConfigError extends UserError {}

/** Input the tool cannot work on: a missing path, a dirty git tree, an unwritable file. */
export class InputError extends UserError {}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0] ?? message;
}

/** An I/O error in a few words: its code (EACCES, EISDIR …) when it has one, else its first line. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : firstLine(error);
}
