/**
 * The conditions nearly every query left after the indexes is made of — fields (dotted into
 * nested objects) compared with a string, number or date — tested directly. Building a mingo
 * Query copies mingo's whole operator table, which costs more than testing the one document a
 * conditional update selected by id. Anything else, and any document whose value is an array or
 * an object where the condition looks, is left to mingo, so the answers are always mingo's.
 */
import type { Doc } from './values';

type Scalar = string | number | boolean | Date;
type Comparison = '$eq' | '$ne' | '$lt' | '$lte' | '$gt' | '$gte';
type Condition = { path: string[]; op: Comparison; value: Scalar } | { path: string[]; op: '$exists'; value: boolean };

/** A verdict, or undefined when mingo must judge this document. */
export type SimpleTest = (doc: Doc) => boolean | undefined;

const COMPARISONS = new Set<string>(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte']);

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (value instanceof Date && !Number.isNaN(value.getTime()));
}

function pathOf(field: string): string[] | undefined {
  const parts = field.split('.');
  return parts.every((part) => part.length > 0 && !part.startsWith('$') && !/^\d+$/.test(part)) ? parts : undefined;
}

/** Compiles a filter of simple conditions; undefined when any part of it needs mingo. */
export function compileSimpleFilter(filter: Doc): SimpleTest | undefined {
  const conditions: Condition[] = [];
  for (const field in filter) {
    const path = pathOf(field);
    if (!path) return undefined;
    const expected = filter[field];
    if (isScalar(expected)) {
      conditions.push({ path, op: '$eq', value: expected });
      continue;
    }
    if (expected === null || typeof expected !== 'object' || Array.isArray(expected) || expected instanceof Date || expected instanceof RegExp) return undefined;
    const operators = expected as Record<string, unknown>;
    let count = 0;
    for (const op in operators) {
      const value = operators[op];
      if (op === '$exists' && typeof value === 'boolean') conditions.push({ path, op, value });
      else if (COMPARISONS.has(op) && isScalar(value)) conditions.push({ path, op: op as Comparison, value });
      else return undefined;
      count += 1;
    }
    if (count === 0) return undefined;
  }
  return (doc) => {
    for (const condition of conditions) {
      const verdict = test(doc, condition);
      if (verdict !== true) return verdict;
    }
    return true;
  };
}

/** The value at a path: undefined when missing, UNJUDGED when an array or an object is met. */
const UNJUDGED = Symbol('unjudged');

function valueAt(doc: Doc, path: string[]): unknown {
  let value: unknown = doc;
  for (const part of path) {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || value instanceof Date) return undefined;
    if (Array.isArray(value)) return UNJUDGED;
    value = (value as Doc)[part];
  }
  if (Array.isArray(value) || (value !== null && typeof value === 'object' && !(value instanceof Date))) return UNJUDGED;
  return value;
}

/** Whether a path is present (any value, null included); UNJUDGED through an array. */
function presentAt(doc: Doc, path: string[]): boolean | typeof UNJUDGED {
  let value: unknown = doc;
  for (const part of path) {
    if (Array.isArray(value)) return UNJUDGED;
    if (value === null || typeof value !== 'object' || value instanceof Date) return false;
    if (!Object.prototype.hasOwnProperty.call(value, part)) return false;
    value = (value as Doc)[part];
  }
  return value !== undefined;
}

function test(doc: Doc, condition: Condition): boolean | undefined {
  if (condition.op === '$exists') {
    const present = presentAt(doc, condition.path);
    return present === UNJUDGED ? undefined : present === condition.value;
  }
  const { path, op, value } = condition;
  const actual = valueAt(doc, path);
  if (actual === UNJUDGED) return undefined;
  if (actual === undefined || actual === null) {
    // Missing (or null) equals no string, number or date, and orders with none of them.
    return op === '$ne';
  }
  const sameType = typeof actual === typeof value && actual instanceof Date === value instanceof Date;
  if (!sameType) {
    // Equality across types is plain false; ordering across types is mingo's to settle.
    if (op === '$eq') return false;
    if (op === '$ne') return true;
    return undefined;
  }
  if (typeof actual === 'boolean' && op !== '$eq' && op !== '$ne') return undefined;
  const a = actual instanceof Date ? actual.getTime() : (actual as string | number | boolean);
  const b = value instanceof Date ? value.getTime() : (value as string | number | boolean);
  switch (op) {
    case '$eq':
      return a === b;
    case '$ne':
      return a !== b;
    case '$lt':
      return a < b;
    case '$lte':
      return a <= b;
    case '$gt':
      return a > b;
    case '$gte':
      return a >= b;
  }
}
