/** Stable error codes of the function envelope (DESIGN §4); clients switch on these. */
export const ErrorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'CONTENT_REVIEW',
  'IDEMPOTENCY_MISMATCH',
  'INTERNAL',
  'ACTIVITY_FULL',
  'SIGNUP_CLOSED',
  'INSUFFICIENT_CREDITS',
  'ALREADY_MEMBER',
  'NOT_MEMBER',
  'GROUP_NOT_JOINABLE',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'NOT_A_VOLUNTEER',
  'ROLLCALL_CLOSED',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

/** One problem with one input field, as `path: message`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The variable parts of a domain case's message (counts, dates), by placeholder name. */
export type ErrorParams = Record<string, string | number>;

/**
 * The error half of the envelope. `code` is the category clients switch on; `reason` names the
 * domain case (`signups.already_signed_up`, src/shared/domainErrors) so the app can say it in
 * the reader's language, filling `params` into its text; `message` stays the server's Chinese.
 */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  reason?: string;
  params?: ErrorParams;
}

/** The reply of every action: data or a coded error, never a thrown exception. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CONTENT_REJECTED: 400,
  CONTENT_REVIEW: 400,
  IDEMPOTENCY_MISMATCH: 409,
  INTERNAL: 500,
  ACTIVITY_FULL: 409,
  SIGNUP_CLOSED: 409,
  INSUFFICIENT_CREDITS: 409,
  ALREADY_MEMBER: 409,
  NOT_MEMBER: 409,
  GROUP_NOT_JOINABLE: 409,
  OUT_OF_STOCK: 409,
  LIMIT_REACHED: 409,
  NOT_A_VOLUNTEER: 409,
  ROLLCALL_CLOSED: 409,
};

/** HTTP status the local HTTP face answers for an error code. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/**
 * An expected failure raised inside a command and turned into an error envelope at the
 * boundary. `name` is set explicitly so minifiers cannot break `instanceof`-free checks.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly reason?: string;
  readonly params?: ErrorParams;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    /** The domain case (set by the factories of src/shared/domainErrors, not by hand). */
    detail?: { reason: string; params?: ErrorParams },
  ) {
    super(message);
    if (detail) {
      this.reason = detail.reason;
      if (detail.params) this.params = detail.params;
    }
  }
}

/** True for errors raised on purpose by our code (as opposed to bugs). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === 'AppError' && 'code' in error;
}

/** Anything thrown, as an Error (a rejected promise may carry any value). */
export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
