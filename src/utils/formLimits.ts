/**
 * Text limits read from the shared zod schemas, so a form's counter ("12/40") and its messages
 * say what the server enforces without writing the numbers down twice. zod 4 keeps a string's
 * bounds on the schema (`minLength` / `maxLength`, null when unbounded: zod/v4 classic
 * `ZodString`), and `text(min, max)` of src/shared/schemas/common.ts trims before it measures.
 */
import type { ZodString } from '../shared/zod';

export interface TextLimit {
  min: number;
  max: number;
}

/** The bounds of a string schema (min 0 / max Infinity where the schema sets none). */
export function textLimit(schema: ZodString): TextLimit {
  return { min: schema.minLength ?? 0, max: schema.maxLength ?? Number.POSITIVE_INFINITY };
}

/** The length the schema measures: trimmed, in UTF-16 units (zod's `.max` counts `string.length`). */
export function measuredLength(value: string): number {
  return value.trim().length;
}

/** Whether a value is over its limit (shown in red by the counter, refused on submit). */
export function isOverLimit(value: string, limit: TextLimit): boolean {
  return measuredLength(value) > limit.max;
}
