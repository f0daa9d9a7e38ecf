/**
 * Errors we raise on purpose for users. Only these show their message; anything else is an
 * unexpected fault and gets the generic sentence (see `userMessageFor`).
 */
const USER_ERROR_CODES = [
  'BAD_INPUT',
  'URL_REFUSED',
  'FETCH_FAILED',
  'UNSUPPORTED_CONTENT',
  'TOO_LARGE',
  'NO_ARTICLE',
  'MODEL_UNAVAILABLE',
  'NOT_CONFIGURED',
  'RATE_LIMITED',
  'UNSUPPORTED_LANGUAGE',
] as const;

export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const GENERIC_ERROR_SENTENCE = 'Something went wrong on our side while making the brief. Please try again later.';

/** The one sentence a user may see for any error. */
export function userMessageFor(error: unknown): string {
  return error instanceof UserError ? error.message : GENERIC_ERROR_SENTENCE;
}
