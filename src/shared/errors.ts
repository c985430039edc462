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

/** The error half of the envelope. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
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
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
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
