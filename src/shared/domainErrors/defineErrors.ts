/**
 * The shape of the error catalogue: one entry per domain case, each with a stable `reason`
 * (`<function>.<case>`, what the app keys its text on), the envelope's category `code` (what
 * clients and tests switch on, DESIGN §4) and its text in both locales. `{name}` placeholders
 * are the case's params: the factory takes them, typed, and the app fills them in the reader's
 * language. Renaming a case's key changes its reason on the wire: add a new case instead.
 */
import { AppError, type ErrorCode, type ErrorParams } from '../errors';

/** Where an INVALID_INPUT-style case points: the field path of its one issue. */
export interface ErrorField {
  /** The issue's path; may be a `{param}` when the caller names the field. */
  readonly path: string;
  /** The message's `prefix: ` when it is not the path; '' for a message without one. */
  readonly prefix?: string;
  /** The issue's own text when it differs from the message's. */
  readonly zh?: string;
  readonly en?: string;
}

/** One domain case: category, texts, and the field it blames (if any). */
export interface ErrorCase {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly en: string;
  readonly field?: ErrorField;
}

/** `'已有 {total} 人报名'` → `'total'`. */
type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;
type ParamNamesOf<C extends ErrorCase> = PlaceholdersOf<C['zh']> | (C['field'] extends ErrorField ? PlaceholdersOf<C['field']['path']> : never);

/** A case's factory: call it to get the AppError to throw; it also carries its catalogue entry. */
export type ErrorFactory<C extends ErrorCase> = ([ParamNamesOf<C>] extends [never] ? () => AppError : (params: Record<ParamNamesOf<C>, string | number>) => AppError) & {
  readonly reason: string;
  readonly errorCase: ErrorCase;
};

/** `{name}` placeholders filled from `params`; unknown names stay as written. */
export function fillParams(template: string, params?: ErrorParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

/** `alreadySignedUp` → `already_signed_up`. */
export function snakeCaseOf(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The server's Chinese message of a case, exactly as the envelope has always carried it. */
export function messageOf(errorCase: ErrorCase, params?: ErrorParams): string {
  const text = fillParams(errorCase.zh, params);
  const field = errorCase.field;
  if (!field) return text;
  const prefix = field.prefix ?? fillParams(field.path, params);
  return prefix === '' ? text : `${prefix}: ${text}`;
}

function errorOf(errorCase: ErrorCase, reason: string, params?: ErrorParams): AppError {
  const field = errorCase.field;
  const issues = field ? [{ path: fillParams(field.path, params), message: fillParams(field.zh ?? errorCase.zh, params) }] : undefined;
  return new AppError(errorCase.code, messageOf(errorCase, params), issues, params ? { reason, params } : { reason });
}

/** The factories of one function's cases, keyed like `cases`; each makes its AppError. */
export function defineErrors<const T extends Record<string, ErrorCase>>(domain: string, cases: T): { readonly [K in keyof T]: ErrorFactory<T[K]> } {
  const factories: Record<string, unknown> = {};
  for (const [key, errorCase] of Object.entries(cases)) {
    const reason = `${domain}.${snakeCaseOf(key)}`;
    const factory = (params?: ErrorParams) => errorOf(errorCase, reason, params);
    factories[key] = Object.assign(factory, { reason, errorCase });
  }
  return factories as { readonly [K in keyof T]: ErrorFactory<T[K]> };
}
