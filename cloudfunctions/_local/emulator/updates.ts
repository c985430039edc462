/**
 * Update modifiers (`$set`, `$inc`, `$push`, …) applied to one document: the common ones
 * directly, the rest by mingo. Used by the store's `update` and by transactions' `doc().update()`.
 */
import { update as applyModifier } from 'mingo';
import type { Options } from 'mingo/types';
import { isEqual } from 'mingo/util';
import { DbError, DbErrorCodes } from './errors';
import { clone, type Doc } from './values';

export type Modifier = Record<string, unknown>;

/**
 * The common updates — `$set` and `$inc` of fields, dotted paths into nested objects included —
 * applied directly, with mingo's semantics (a `$set` to an equal value and an `$inc` of a
 * non-number change nothing; missing objects on a path are created); anything else (other
 * operators, paths through arrays or non-objects, overlapping paths, bad arguments) is left to
 * mingo, whose per-call set-up costs more than the update itself. Unchanged parts are shared
 * with the input, which callers never modify.
 */
export function simpleUpdate(doc: Doc, modifier: Modifier): { doc: Doc; changed: boolean } | undefined {
  const set = modifier.$set as Doc | undefined;
  const inc = modifier.$inc as Doc | undefined;
  let operators = 0;
  for (const op in modifier) {
    if (op !== '$set' && op !== '$inc') return undefined;
    operators += 1;
  }
  if (operators === 0) return undefined;
  if ((set !== undefined && !isPlainObject(set)) || (inc !== undefined && !isPlainObject(inc))) return undefined;
  const paths: string[] = [];
  for (const key in set) paths.push(key);
  for (const key in inc) {
    if (typeof inc[key] !== 'number') return undefined;
    paths.push(key);
  }
  if (!paths.every(isSimplePath) || overlapping(paths)) return undefined;
  const next: Doc = { ...doc };
  let changed = false;
  for (const key in set) {
    const parent = parentFor(next, key);
    if (!parent) return undefined;
    const [holder, last] = parent;
    if (isEqual(holder[last], set[key])) continue;
    holder[last] = clone(set[key]);
    changed = true;
  }
  for (const key in inc) {
    const parent = parentFor(next, key);
    if (!parent) return undefined;
    const [holder, last] = parent;
    const previous = holder[last];
    if (previous !== undefined && typeof previous !== 'number') continue;
    const value = ((previous as number | undefined) || 0) + (inc[key] as number);
    if (value === previous) continue;
    holder[last] = value;
    changed = true;
  }
  return { doc: next, changed };
}

function isPlainObject(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);
}

/** Field names, dotted into nested objects; never `_id`, an operator or an array index. */
function isSimplePath(path: string): boolean {
  const parts = path.split('.');
  return parts[0] !== '_id' && parts.every((part) => part.length > 0 && !part.startsWith('$') && !/^\d+$/.test(part));
}

/** True when a path repeats or lies inside another (`a` and `a.b`): mingo decides those. */
function overlapping(paths: string[]): boolean {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i] === sorted[i - 1] || sorted[i]!.startsWith(`${sorted[i - 1]}.`)) return true;
  }
  return false;
}

/**
 * The object holding a path's last field in `doc`, with every object on the way copied (the
 * input is shared) and missing ones created; undefined when the path runs through a non-object.
 */
function parentFor(doc: Doc, path: string): [Doc, string] | undefined {
  const parts = path.split('.');
  let holder = doc;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i]!;
    const current = holder[part];
    if (current === undefined) holder[part] = {};
    else if (isPlainObject(current)) holder[part] = { ...current };
    else return undefined;
    holder = holder[part] as Doc;
  }
  return [holder, parts[parts.length - 1]!];
}

/** Applies an update modifier to a copy of a document; `_id` cannot change. */
export function applyUpdate(doc: Doc, modifier: Modifier, options: Partial<Options> = {}): { doc: Doc; changed: boolean } {
  const simple = simpleUpdate(doc, modifier);
  if (simple) return simple;
  const next = clone(doc);
  const operators = Object.keys(modifier);
  if (operators.length === 0) return { doc: next, changed: false };
  if (!operators.every((op) => op.startsWith('$'))) {
    throw new DbError(DbErrorCodes.invalidParam, 'update must use update operators');
  }
  for (const fields of Object.values(modifier)) {
    if (fields && typeof fields === 'object' && Object.keys(fields).some((path) => path === '_id' || path.startsWith('_id.'))) {
      throw new DbError(DbErrorCodes.invalidParam, '_id cannot be updated');
    }
  }
  try {
    const changedPaths = applyModifier(next, modifier, undefined, undefined, {
      cloneMode: 'deep',
      queryOptions: options,
    });
    return { doc: next, changed: changedPaths.length > 0 };
  } catch (error) {
    throw new DbError(DbErrorCodes.invalidParam, error instanceof Error ? error.message : String(error));
  }
}
