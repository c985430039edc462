/**
 * The shape of the error catalogue: one entry per domain case, each with a stable `reason`
 * (`<function>.<case>`, what the app keys its text on), the envelope's category `code` (what
 * clients and tests switch on, DESIGN §4) and the names of its params. Its texts are not here:
 * DESIGN §10 keeps user-facing strings in locale files, so they live in src/locales/errors.zh-CN.ts
 * and errors.en.ts keyed by the reason, and the server's message is the zh-CN text (the default
 * locale) that each group file hands to defineErrors from there. `{name}` placeholders in the texts are the case's params: the factory
 * takes them, typed, and the app fills them in the reader's language. Renaming a case's key
 * changes its reason on the wire: add a new case instead.
 */
// The one import of src/shared from src/locales (a data file that imports nothing; allowed for
// this file and the group files alone in eslint.config.mjs): a field case's issue in its own words.
import { errorIssuesZhCN } from '../../locales/errors.zh-CN';
import { AppError, type ErrorCode, type ErrorParams } from '../errors';

/** Where an INVALID_INPUT-style case points: the field path of its one issue. */
export interface ErrorField {
  /** The issue's path; may be a `{param}` when the caller names the field. */
  readonly path: string;
  /** The message's `prefix: ` when it is not the path; '' for a message without one. */
  readonly prefix?: string;
}

/** One domain case: category, the names of its params, and the field it blames (if any). */
export interface ErrorCase {
  readonly code: ErrorCode;
  /** Every `{name}` of its texts and of its field's path. */
  readonly params?: readonly string[];
  readonly field?: ErrorField;
}

type ParamNamesOf<C extends ErrorCase> = C['params'] extends readonly (infer Name extends string)[] ? Name : never;

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

/** `alreadySignedUp` → `already_signed_up`, as a type: the key of a case's text. */
type SnakeCaseOf<S extends string> = S extends `${infer Head}${infer Rest}` ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCaseOf<Rest>}` : S;

/** One function's texts in a locale: its cases' texts by `<case>` (src/locales/errors.*). */
export type GroupTexts = Readonly<Record<string, string>>;
/** The texts of one locale's catalogue by function, then case: `tree.signups.already_signed_up`. */
export type TextsByReason = Readonly<Record<string, GroupTexts>>;

/** The text keyed by `reason` (`<function>.<case>`) in a locale's catalogue, or undefined. */
export function textAt(texts: TextsByReason, reason: string): string | undefined {
  const dot = reason.indexOf('.');
  if (dot < 0) return undefined;
  const group = texts[reason.slice(0, dot)];
  const key = reason.slice(dot + 1);
  return group && Object.prototype.hasOwnProperty.call(group, key) ? group[key] : undefined;
}

/** The server's Chinese message of a case from its Chinese text, exactly as the envelope has always carried it. */
export function messageFrom(zhText: string, errorCase: ErrorCase, params?: ErrorParams): string {
  const text = fillParams(zhText, params);
  const field = errorCase.field;
  if (!field) return text;
  const prefix = field.prefix ?? fillParams(field.path, params);
  return prefix === '' ? text : `${prefix}: ${text}`;
}

function errorOf(errorCase: ErrorCase, reason: string, zhText: string, params?: ErrorParams): AppError {
  const field = errorCase.field;
  const issues = field ? [{ path: fillParams(field.path, params), message: fillParams(textAt(errorIssuesZhCN, reason) ?? zhText, params) }] : undefined;
  return new AppError(errorCase.code, messageFrom(zhText, errorCase, params), issues, params ? { reason, params } : { reason });
}

/**
 * The factories of one function's cases, keyed like `cases`; each makes its AppError, its message
 * in `zhTexts` (the function's group of src/locales/errors.zh-CN.ts, which must have a text for
 * every case: the type says so).
 */
export function defineErrors<const T extends Record<string, ErrorCase>>(
  domain: string,
  zhTexts: { readonly [K in keyof T & string as SnakeCaseOf<K>]: string },
  cases: T,
): { readonly [K in keyof T]: ErrorFactory<T[K]> } {
  const texts: GroupTexts = zhTexts;
  const factories: Record<string, unknown> = {};
  for (const [key, errorCase] of Object.entries(cases)) {
    const reason = `${domain}.${snakeCaseOf(key)}`;
    const zhText = texts[snakeCaseOf(key)] ?? reason;
    const factory = (params?: ErrorParams) => errorOf(errorCase, reason, zhText, params);
    factories[key] = Object.assign(factory, { reason, errorCase });
  }
  return factories as { readonly [K in keyof T]: ErrorFactory<T[K]> };
}
