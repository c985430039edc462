/**
 * Errors the emulator answers with. Codes follow CloudBase's database error codes, so the
 * SDK rejects the caller (and `runTransaction` retries on a conflict) as it does in production.
 */
export const DbErrorCodes = {
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  collectionExists: 'DATABASE_COLLECTION_ALREADY_EXIST',
  duplicateWrite: 'DATABASE_DUPLICATE_WRITE',
  documentNotExist: 'DATABASE_DOCUMENT_NOT_EXIST',
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  /** A finished, aborted or expired transaction used again (CloudBase's answer, not ..._NOT_EXIST). */
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
  invalidParam: 'INVALID_PARAM',
  requestFailed: 'DATABASE_REQUEST_FAILED',
} as const;

export type DbErrorCode = (typeof DbErrorCodes)[keyof typeof DbErrorCodes];

/** A database error with a CloudBase code. */
export class DbError extends Error {
  override name = 'DbError';
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A SQLite failure of a row write as CloudBase answers it: a unique key taken is a duplicate write. */
export function translateSqliteError(error: unknown, collection: string, id: string): Error {
  // Checked by shape, not instanceof: native errors may come from another realm (jest's vm).
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new DbError(DbErrorCodes.duplicateWrite, `duplicate key in ${collection} for document ${id}: ${message}`);
  }
  return error instanceof Error ? error : new Error(message);
}

