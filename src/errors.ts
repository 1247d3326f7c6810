/** Exit codes, as documented in `salesctl --help`. */
export const EXIT = { ok: 0, failure: 1, usage: 2, notFound: 3, refused: 4, cancelled: 130 } as const;

/** An error the user can act on: printed as one line, mapped to its exit code. */
export class ExitError extends Error {
  constructor(message: string, readonly exitCode: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad usage or bad input (exit 2): say what was wrong and what would be right. */
export class UsageError extends ExitError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A deal, prospect, commitment or follow-up that does not exist (exit 3). */
export class NotFoundError extends ExitError {
  constructor(message: string) {
    super(message, EXIT.notFound);
  }
}

/** A name that matches several records (exit 3); the candidates go to stderr. */
export class AmbiguousError extends ExitError {
  constructor(message: string, readonly candidates: string[]) {
    super(message, EXIT.notFound);
  }
}

/** The program refuses: a database newer than it, or one locked past the busy timeout (exit 4). */
export class RefusedError extends ExitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.refused, options);
  }
}

/** A failure that is not the user's input (exit 1): a bad file, an unwritable folder. */
export class FailureError extends ExitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.failure, options);
  }
}
