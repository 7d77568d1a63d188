// Exit codes of the command line (also listed in its --help), and the one error type its commands
// throw: a plain-English message for the person or script at the other end, never a stack trace.

export const EXIT = {
  /** Done. An import whose file was read exits 0 even when some rows were rejected. */
  OK: 0,
  /** Something unexpected: the database could not be reached, an import crashed and was rolled back, a bug. */
  FAILED: 1,
  /** The command line itself is wrong: unknown command or option, missing or malformed argument, bad date. */
  USAGE: 2,
  /** The tenant named does not exist, or (tenant create) the slug is taken. */
  TENANT: 3,
  /** An import refused the whole file (e.g. a required column is missing); nothing was written. */
  REFUSED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.USAGE);
