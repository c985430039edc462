/**
 * `$jsonSchema` queries (node-sdk's `db.command.jsonSchema`): mingo evaluates them only through a
 * validator it is given. This is the subset of MongoDB's $jsonSchema keywords a query needs —
 * bsonType/type, required, properties, additionalProperties, enum, numeric and length bounds,
 * pattern, items, allOf/anyOf/oneOf/not. An unknown keyword is refused rather than ignored, so a
 * schema that would filter differently on CloudBase fails loudly here.
 */
import { DbError, DbErrorCodes } from './errors';
import type { Doc } from './values';

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  'bsonType', 'type', 'required', 'properties', 'additionalProperties', 'enum', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'items', 'minItems', 'maxItems',
  'allOf', 'anyOf', 'oneOf', 'not', 'title', 'description', 'minProperties', 'maxProperties', 'uniqueItems',
]);

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'bool':
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'date':
      return value instanceof Date;
    case 'regex':
      return value instanceof RegExp;
    case 'int':
    case 'long':
    case 'integer':
      return Number.isInteger(value);
    case 'double':
    case 'decimal':
    case 'number':
      return typeof value === 'number';
    default:
      throw new DbError(DbErrorCodes.invalidParam, `$jsonSchema: unknown type ${type}`);
  }
}

const plain = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

function valid(value: unknown, schema: Schema): boolean {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new DbError(DbErrorCodes.invalidParam, `$jsonSchema: unsupported keyword ${key}`);
  const types = schema.bsonType ?? schema.type;
  if (types !== undefined && !(Array.isArray(types) ? types : [types]).some((t) => typeMatches(value, String(t)))) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) return false;
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && (schema.exclusiveMinimum === true ? value <= schema.minimum : value < schema.minimum)) return false;
    if (typeof schema.maximum === 'number' && (schema.exclusiveMaximum === true ? value >= schema.maximum : value > schema.maximum)) return false;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
    if (plain(schema.items) && !value.every((item) => valid(item, schema.items as Schema))) return false;
  }
  if (plain(value) && !(value instanceof Date) && !(value instanceof RegExp)) {
    const record = value as Doc;
    if (Array.isArray(schema.required) && !schema.required.every((field) => Object.prototype.hasOwnProperty.call(record, String(field)))) return false;
    const properties = (plain(schema.properties) ? schema.properties : {}) as Record<string, Schema>;
    for (const [field, sub] of Object.entries(properties)) {
      if (field in record && !valid(record[field], sub)) return false;
    }
    if (schema.additionalProperties === false && Object.keys(record).some((field) => !(field in properties))) return false;
    if (plain(schema.additionalProperties)) {
      for (const field of Object.keys(record)) if (!(field in properties) && !valid(record[field], schema.additionalProperties as Schema)) return false;
    }
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((sub) => valid(value, sub as Schema))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((sub) => valid(value, sub as Schema))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((sub) => valid(value, sub as Schema)).length !== 1) return false;
  if (plain(schema.not) && valid(value, schema.not as Schema)) return false;
  return true;
}

/** mingo's `jsonSchemaValidator` option: a schema to a predicate over documents. */
export function jsonSchemaValidator(schema: Schema): (doc: unknown) => boolean {
  if (!plain(schema)) throw new DbError(DbErrorCodes.invalidParam, '$jsonSchema takes a schema object');
  return (doc) => valid(doc, schema);
}
