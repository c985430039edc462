/**
 * Turns the part of a MongoDB filter that touches declared index fields into a SQLite
 * WHERE clause over expression indexes, so indexed queries never scan the table.
 * The SQL always selects a superset of the matches; mingo then applies the full filter.
 * `exact` says the SQL alone decides the result, which lets sort, skip, limit and count run
 * in SQLite too.
 */
import type { IndexDeclaration, IndexField, IndexFieldType } from '../../_core/repositories/indexDeclaration';
import { boxAround, EARTH_RADIUS_M, nearSpec, withinRegion, type Box } from './geo';
import type { Doc } from './values';

export type SqlValue = string | number | null;

export interface SqlPlan {
  where: string[];
  params: SqlValue[];
  exact: boolean;
}

const SAFE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The SQLite expression an index and a query both use for one declared field. */
export function fieldExpression(field: string, type: IndexFieldType): string {
  if (field === '_id') return 'id';
  if (!SAFE_PATH.test(field)) throw new Error(`index field "${field}" must be a plain dot path`);
  const path = type === 'date' ? `$.${field}."$date"` : `$.${field}`;
  return `json_extract(doc, '${path}')`;
}

/** Declared fields of a collection by path (first declaration wins). */
export function indexedFields(indexes: IndexDeclaration[]): Map<string, IndexField> {
  // `_id` is the table's primary key, so it is always indexed.
  const fields = new Map<string, IndexField>([['_id', { field: '_id', type: 'string' }]]);
  for (const index of indexes) for (const f of index.fields) if (!fields.has(f.field)) fields.set(f.field, f);
  return fields;
}

/** A query value as SQLite sees the stored scalar, or undefined when it cannot be compared. */
function sqlScalar(value: unknown, type: IndexFieldType): SqlValue | undefined {
  switch (type) {
    case 'date':
      return value instanceof Date ? value.getTime() : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'bool':
      return typeof value === 'boolean' ? (value ? 1 : 0) : undefined;
  }
}

const RANGE_OPS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** Flatten top-level `$and` so each conjunct can be looked at alone. */
function conjuncts(filter: Doc): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) out.push(...conjuncts(part as Doc));
    } else {
      out.push([key, value]);
    }
  }
  return out;
}

/** Plan the SQL prefilter of a filter over the declared fields. */
export function planFilter(filter: Doc, fields: Map<string, IndexField>): SqlPlan {
  const plan: SqlPlan = { where: [], params: [], exact: true };
  for (const [key, condition] of conjuncts(filter)) {
    const field = fields.get(key);
    if (field) {
      if (!translate(plan, fieldExpression(field.field, field.type), field.type, condition)) plan.exact = false;
    } else {
      // Not declared: SQLite can still drop rows that cannot match before JSON reaches JS.
      if (!geoSuperset(plan, key, condition)) undeclaredSuperset(plan, key, condition);
      plan.exact = false;
    }
  }
  return plan;
}

const TOP_LEVEL = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The box a geo condition's matches lie in, when it has one (a near query needs $maxDistance). */
function geoBox(condition: unknown): Box | undefined {
  if (!isOperatorObject(condition) || Object.keys(condition).length !== 1) return undefined;
  try {
    if ('$geoWithin' in condition) return withinRegion(condition.$geoWithin).box;
    const near = condition.$nearSphere ?? condition.$near;
    if (near === undefined) return undefined;
    const spec = nearSpec(near);
    return Number.isFinite(spec.maxMeters) ? boxAround(spec.center, spec.maxMeters / EARTH_RADIUS_M) : undefined;
  } catch {
    return undefined; // a malformed operand is refused by the operator itself
  }
}

/**
 * Geo conditions keep only GeoJSON points inside the area's bounding box (plus arrays and other
 * geometries, which the operators judge), so a geo query parses the JSON of nearby rows only.
 */
function geoSuperset(plan: SqlPlan, key: string, condition: unknown): boolean {
  const box = geoBox(condition);
  if (!box || !SAFE_PATH.test(key)) return false;
  const at = (suffix: string) => `json_extract(doc, '$.${key}${suffix}')`;
  plan.where.push(
    `(json_type(doc, '$.${key}') = 'array' OR ${at('.type')} != 'Point' OR (${at('.coordinates[0]')} BETWEEN ? AND ? AND ${at('.coordinates[1]')} BETWEEN ? AND ?))`,
  );
  plan.params.push(box.minLng, box.maxLng, box.minLat, box.maxLat);
  return true;
}

/**
 * A superset condition for a top-level field of unknown type: scalar equality, `$in` and
 * `$ne: null` are checked in SQL, and any document whose field is an array is kept for mingo
 * (MongoDB matches array elements). Anything else adds nothing.
 */
function undeclaredSuperset(plan: SqlPlan, key: string, condition: unknown): void {
  if (!TOP_LEVEL.test(key)) return;
  const expr = `json_extract(doc, '$.${key}')`;
  const type = `json_type(doc, '$.${key}')`;
  const scalar = (value: unknown): SqlValue | undefined =>
    typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'boolean' ? (value ? 1 : 0) : undefined;
  if (!isOperatorObject(condition)) {
    const value = scalar(condition);
    if (value === undefined || typeof condition === 'boolean') return;
    plan.where.push(`(${expr} = ? OR ${type} = 'array')`);
    plan.params.push(value);
    return;
  }
  const ops = Object.entries(condition);
  if (ops.length !== 1) return;
  const [op, operand] = ops[0]!;
  if (op === '$ne' && operand === null) {
    plan.where.push(`(${type} IS NOT NULL AND ${type} != 'null')`);
  } else if (op === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
    plan.where.push(`(${expr} IN (${operand.map(() => '?').join(',')}) OR ${type} = 'array')`);
    plan.params.push(...(operand as Array<string | number>));
  }
}

/** Adds SQL for one field condition; returns false when (part of) it stays with mingo. */
function translate(plan: SqlPlan, expr: string, type: IndexFieldType, condition: unknown): boolean {
  if (!isOperatorObject(condition)) {
    if (condition === null) {
      plan.where.push(`${expr} IS NULL`);
      return true;
    }
    const value = sqlScalar(condition, type);
    if (value === undefined) return false;
    plan.where.push(`${expr} = ?`);
    plan.params.push(value);
    return true;
  }
  let exact = true;
  for (const [op, operand] of Object.entries(condition)) {
    if (op === '$eq') {
      exact = translate(plan, expr, type, operand) && exact;
    } else if (op in RANGE_OPS) {
      const value = sqlScalar(operand, type);
      if (value === undefined) {
        exact = false;
        continue;
      }
      plan.where.push(`${expr} ${RANGE_OPS[op]} ?`);
      plan.params.push(value);
    } else if (op === '$in' && Array.isArray(operand) && operand.length > 0) {
      const values = operand.map((v) => (v === null ? null : sqlScalar(v, type)));
      if (values.some((v) => v === undefined)) {
        exact = false;
        continue;
      }
      const nonNull = values.filter((v): v is string | number => v !== null);
      const parts: string[] = [];
      if (nonNull.length > 0) parts.push(`${expr} IN (${nonNull.map(() => '?').join(',')})`);
      if (nonNull.length !== values.length) parts.push(`${expr} IS NULL`);
      plan.where.push(parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`);
      plan.params.push(...nonNull);
    } else {
      exact = false;
    }
  }
  return exact;
}

/** SQL ORDER BY for a sort on declared fields, or undefined when SQLite cannot sort it. */
export function planSort(sort: Array<[string, 1 | -1]>, fields: Map<string, IndexField>): string | undefined {
  const parts: string[] = [];
  for (const [path, direction] of sort) {
    const field = fields.get(path);
    if (!field) return undefined;
    parts.push(`${fieldExpression(field.field, field.type)} ${direction === -1 ? 'DESC' : 'ASC'}`);
  }
  parts.push('rowid ASC');
  return parts.join(', ');
}
