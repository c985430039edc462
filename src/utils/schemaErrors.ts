/**
 * A shared schema's verdict on a form's input, as messages by form field in the user's
 * language. Forms do not copy the schema's rules (STYLE 17): they build the input, let the
 * action's own zod schema judge it, and only choose the words. Text bounds come from the issue
 * (`minimum` / `maximum`), so the numbers live in the schema alone.
 */
import type { Translate } from '../locales';
import type { ZodType } from '../shared/zod';
import { measuredLength } from './formLimits';

/** The parts of a zod 4 issue a message needs (zod/v4/core `$ZodIssue`). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * A text issue in plain words ("不能超过 40 个字，现在 44 个"), or the schema's own message for
 * anything else (those are written for people already, see src/shared/schemas).
 */
export function issueMessage(t: Translate, issue: SchemaIssue, input: unknown): string {
  if (issue.origin === 'string' && issue.code === 'too_big' && issue.maximum !== undefined) {
    const value = valueAt(input, issue.path);
    return t('forms.tooLong', { max: Number(issue.maximum), length: typeof value === 'string' ? measuredLength(value) : 0 });
  }
  if (issue.origin === 'string' && issue.code === 'too_small' && issue.minimum !== undefined) {
    return Number(issue.minimum) <= 1 ? t('forms.required') : t('forms.tooShort', { min: Number(issue.minimum) });
  }
  return issue.message;
}

/**
 * Runs `schema` on `input` and returns the first problem of each form field (`fieldOf` maps an
 * issue's dotted path to a field, or null for issues the user cannot fix on this form).
 */
export function schemaFieldErrors<F extends string>(
  schema: ZodType,
  input: unknown,
  fieldOf: (path: string) => F | null,
  message: (issue: SchemaIssue, field: F) => string,
): Partial<Record<F, string>> {
  const parsed = schema.safeParse(input);
  const errors: Partial<Record<F, string>> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.map(String).join('.'));
    if (field && errors[field] === undefined) errors[field] = message(issue, field);
  }
  return errors;
}
