import type * as z from '../../../src/shared/zod';
import { AppError, isAppError, type Envelope, type ErrorBody, type FieldIssue } from '../../../src/shared/errors';

/** A success envelope. */
export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

/** Turns a zod failure into `path: message` issues, once, at the boundary. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/** The INVALID_INPUT error for a failed schema. */
export function invalidInput(error: z.ZodError): AppError {
  const issues = issuesOf(error);
  return new AppError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/**
 * Expected errors keep their code and message, plus the domain case's `reason` and `params`
 * when a catalogue factory made them (src/shared/domainErrors); anything else is masked as INTERNAL.
 */
export function errorBody(error: unknown): ErrorBody {
  if (isAppError(error)) {
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.issues) body.issues = error.issues;
    if (error.reason) body.reason = error.reason;
    if (error.params) body.params = error.params;
    return body;
  }
  return { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' };
}
