/**
 * mingo's operators as the emulator uses them: all of mingo's, built into one context once, with
 * the operators where mingo answers differently from CloudBase replaced and those it lacks added.
 * Each replacement is listed with a minimal reproduction in docs/emulator.md ("mingo").
 *
 * The expected answers come from the vendor's tests (TencentCloudBase/node-sdk
 * test/database/unit/{advanced-operator,command,geo-advanced,aggregation}.test.ts) and MongoDB's
 * operator reference, which CloudBase follows.
 */
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import { DbError, DbErrorCodes } from './errors';
import { nearSpec, storedPoint, distanceMeters, valueIntersects, valueWithin, withinRegion } from './geo';
import { jsonSchemaValidator } from './jsonSchema';

type Predicate = (doc: unknown) => boolean;
type QueryOp = (selector: string, value: unknown, options: Options) => Predicate;
type ExpressionOp = (obj: unknown, expr: unknown, options: Options) => unknown;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);

/** The values at a path, array elements unwound one level (MongoDB matches any of them). */
function valuesAt(doc: unknown, selector: string): unknown[] {
  const value = resolve(doc as never, selector, { unwrapArray: true });
  return value === undefined ? [] : [value];
}

/**
 * `$elemMatch`: a criteria of field conditions (`{ value: { $exists: true } }`) matches only
 * elements that are documents. mingo also tests plain values against it, so `['Go']` matched.
 */
const $elemMatch: QueryOp = (selector, criteria, options) => {
  if (!isPlainObject(criteria)) throw new DbError(DbErrorCodes.invalidParam, '$elemMatch takes an object');
  const keys = Object.keys(criteria);
  const onFields = keys.length === 0 || keys.some((k) => !k.startsWith('$') || k === '$and' || k === '$or' || k === '$nor');
  const query = new Query(onFields ? criteria : { field: criteria }, options);
  const elementMatches = onFields ? (v: unknown) => isPlainObject(v) && query.test(v) : (v: unknown) => query.test({ field: v });
  return (doc) => {
    const value = resolve(doc as never, selector);
    return Array.isArray(value) && value.some(elementMatches);
  };
};

/** `$geoWithin` with `$geometry` (Polygon, MultiPolygon) or `$centerSphere`. */
const $geoWithin: QueryOp = (selector, operand) => {
  const region = withinRegion(operand);
  return (doc) => valuesAt(doc, selector).some((value) => (Array.isArray(value) && storedPoint(value) === undefined ? value.some((v) => valueWithin(v, region)) : valueWithin(value, region)));
};

/** `$nearSphere`/`$near` as a filter (within the distance bounds); the store orders by distance. */
const $nearSphere: QueryOp = (selector, operand) => {
  const near = nearSpec(operand);
  const inRange = (value: unknown) => {
    const point = storedPoint(value);
    if (!point) return false;
    const d = distanceMeters(near.center, point);
    return d >= near.minMeters && d <= near.maxMeters;
  };
  return (doc) => valuesAt(doc, selector).some((value) => (Array.isArray(value) && storedPoint(value) === undefined ? value.some(inRange) : inRange(value)));
};

const $geoIntersects: QueryOp = (selector, operand) => (doc) => valuesAt(doc, selector).some((value) => valueIntersects(value, operand));

/** UTF-8 length of a string. */
const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * `$substrBytes`/`$substr` (its alias): a negative count means "to the end of the string"
 * (MongoDB's documented behaviour); mingo refuses it. The rest is mingo's.
 */
function substrWithRest(base: ExpressionOp): ExpressionOp {
  return (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length !== 3) return base(obj, expr, options);
    const [s, index, count] = evalExpr(obj, expr, options) as [unknown, unknown, unknown];
    const rest = typeof s === 'string' && typeof index === 'number' && typeof count === 'number' && count < 0 ? Math.max(0, byteLength(s) - index) : count;
    return base(obj, [{ $literal: s }, { $literal: index }, { $literal: rest }], options);
  };
}

/** `$indexOfCP`: the code-point index of a substring (mingo has only `$indexOfBytes`). */
const $indexOfCP: ExpressionOp = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new DbError(DbErrorCodes.invalidParam, '$indexOfCP expects [string, substring, start?, end?]');
  const [str, search, startArg, endArg] = evalExpr(obj, expr, options) as unknown[];
  if (str === null || str === undefined) return null;
  if (typeof str !== 'string' || typeof search !== 'string') throw new DbError(DbErrorCodes.invalidParam, '$indexOfCP takes strings');
  const points = [...str];
  const needle = [...search];
  const start = startArg === undefined ? 0 : Number(startArg);
  const end = endArg === undefined ? points.length : Math.min(Number(endArg), points.length);
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(end) || end < 0) throw new DbError(DbErrorCodes.invalidParam, '$indexOfCP start and end must be non-negative integers');
  for (let i = start; i + needle.length <= end; i += 1) {
    if (needle.every((cp, k) => points[i + k] === cp)) return i;
  }
  return -1;
};

/** `$indexOfBytes`: a UTF-8 byte index (mingo answers the UTF-16 index: 2, not 6, for 'a' in '邻里ab'). */
const $indexOfBytes: ExpressionOp = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new DbError(DbErrorCodes.invalidParam, '$indexOfBytes expects [string, substring, start?, end?]');
  const [str, search, startArg, endArg] = evalExpr(obj, expr, options) as unknown[];
  if (str === null || str === undefined) return null;
  if (typeof str !== 'string' || typeof search !== 'string') throw new DbError(DbErrorCodes.invalidParam, '$indexOfBytes takes strings');
  const bytes = Buffer.from(str, 'utf8');
  const start = startArg === undefined ? 0 : Number(startArg);
  const end = endArg === undefined ? bytes.length : Math.min(Number(endArg), bytes.length);
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(end) || end < 0) throw new DbError(DbErrorCodes.invalidParam, '$indexOfBytes start and end must be non-negative integers');
  if (start > end) return -1;
  return bytes.subarray(0, end).indexOf(Buffer.from(search, 'utf8'), start);
};

const $dayOfYear = expressionOperators.$dayOfYear as ExpressionOp;
const $dayOfWeek = expressionOperators.$dayOfWeek as ExpressionOp;

/**
 * `$week`: weeks start on Sunday and the days before the year's first Sunday are week 0
 * (strftime's %U, MongoDB's definition); mingo's answer is one higher for most dates.
 */
const $week: ExpressionOp = (obj, expr, options) => {
  const day = $dayOfYear(obj, expr, options) as number | null;
  const weekday = $dayOfWeek(obj, expr, options) as number | null;
  if (day === null || weekday === null || day === undefined || weekday === undefined) return null;
  return Math.floor((day + 7 - weekday) / 7);
};

const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $substr: substrWithRest(expressionOperators.$substr as ExpressionOp),
    $substrBytes: substrWithRest(expressionOperators.$substrBytes as ExpressionOp),
    $indexOfCP,
    $indexOfBytes,
    $week,
  } as never,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, $elemMatch, $geoWithin, $nearSphere, $near: $nearSphere, $geoIntersects } as never,
  window: windowOperators,
});

/** The options every mingo call of the emulator runs with. */
export function emulatorMingoOptions(collectionResolver: (name: string) => object[]): Partial<Options> {
  return {
    context: CONTEXT,
    // Client-supplied $where/$function must never run code on the server.
    scriptEnabled: false,
    jsonSchemaValidator: jsonSchemaValidator as never,
    collectionResolver: collectionResolver as never,
  };
}
