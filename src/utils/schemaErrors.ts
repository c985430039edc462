/**
 * A shared schema's verdict on a form's input, as messages by form field in the user's
 * language. Forms do not copy the schema's rules (STYLE 17): they build the input, let the
 * action's own zod schema judge it, and only choose the words. Text bounds come from the issue
 * (`minimum` / `maximum`), so the numbers live in the schema alone.
 *
 * The words, in this order: a text too long or too short by the issue's bounds (forms.tooLong,
 * forms.tooShort, forms.required); a message the schema wrote itself, found by its Chinese text
 * in forms.schema (src/locales/schemaMessages.*); else the issue's zod code and limits
 * (forms.issue.*). zod 4's issue codes and fields: zod/v4/core `$ZodIssue` (too_small /
 * too_big carry `origin` and `minimum` / `maximum`).
 */
import type { MessageKey, Translate } from '../locales';
import schemaMessagesZhCN from '../locales/schemaMessages.zh-CN';
import type { FieldIssue } from '../shared/errors';
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

type SchemaMessageName = keyof typeof schemaMessagesZhCN;

/** Each schema message's key by its Chinese text (the server's words, unchanged). */
const KEY_OF_MESSAGE = new Map<string, SchemaMessageName>(
  (Object.entries(schemaMessagesZhCN) as Array<[SchemaMessageName, string]>).map(([name, text]) => [text, name]),
);

/** The locale key of a message a shared schema wrote (`'请输入 11 位手机号'` → forms.schema.mobilePhone), or null. */
export function schemaMessageKey(message: string): MessageKey | null {
  const name = KEY_OF_MESSAGE.get(message);
  return name ? `forms.schema.${name}` : null;
}

/** The words for an issue the schema left to zod's defaults, by its code and limits. */
function messageByCode(t: Translate, issue: SchemaIssue): string {
  const isList = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'invalid_type':
      return t('forms.issue.invalidType');
    case 'too_small':
      if (issue.minimum === undefined) return t('forms.issue.invalid');
      return isList ? t('forms.issue.tooFew', { min: Number(issue.minimum) }) : t('forms.issue.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.maximum === undefined) return t('forms.issue.invalid');
      return isList ? t('forms.issue.tooMany', { max: Number(issue.maximum) }) : t('forms.issue.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return t('forms.issue.format');
    case 'invalid_value':
    case 'invalid_union':
      return t('forms.issue.choose');
    default:
      return t('forms.issue.invalid');
  }
}

/**
 * An issue in the user's language: a text's length in plain words ("最多 40 个字，现在 44 个"),
 * the schema's own message translated, or the issue's code and limits in words.
 */
export function issueMessage(t: Translate, issue: SchemaIssue, input: unknown): string {
  if (issue.origin === 'string' && issue.code === 'too_big' && issue.maximum !== undefined) {
    const value = valueAt(input, issue.path);
    return t('forms.tooLong', { max: Number(issue.maximum), length: typeof value === 'string' ? measuredLength(value) : 0 });
  }
  if (issue.origin === 'string' && issue.code === 'too_small' && issue.minimum !== undefined) {
    return Number(issue.minimum) <= 1 ? t('forms.required') : t('forms.tooShort', { min: Number(issue.minimum) });
  }
  const key = schemaMessageKey(issue.message);
  return key ? t(key) : messageByCode(t, issue);
}

/**
 * A server's INVALID_INPUT issue (`{ path, message }` in the envelope) in the user's language:
 * the server speaks the schemas' Chinese, so a known message is translated, anything else shown
 * as the server wrote it.
 */
export function serverIssueMessage(t: Translate, issue: FieldIssue): string {
  const key = schemaMessageKey(issue.message);
  return key ? t(key) : issue.message;
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

/**
 * What a text field's own schema says of one value, or null when it passes: a missing or short
 * text in the form's words (`tooShort`, given the schema's minimum), anything else by
 * issueMessage. For the one-field dialogs (a reason, an appeal, a filing number).
 */
export function textProblem(t: Translate, schema: ZodType, value: string, tooShort: (min: number) => string): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return issue.code === 'too_small' ? tooShort(Number(issue.minimum)) : issueMessage(t, issue, value);
}
