// Errors whose message is safe to show to the person who caused them. Anything else reaching a
// boundary is logged (without personal data) and shown as a generic message.
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 413 | 422 = 400,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(message, 404);
    this.name = "NotFoundError";
  }
}

export const GENERIC_FAILURE = "Something went wrong and nothing was changed. Please try again.";
