/**
 * The wire format of the CloudBase API: documents, queries, updates and pipeline stages travel
 * as canonical Extended JSON strings. Decoding turns BSON regexes into RegExps and the SDK's
 * `$tcb_server_date` placeholder into the server's clock, as CloudBase does.
 */
import { BSONRegExp, EJSON } from 'bson';
import type { Doc } from './values';

/** Decodes one EJSON string from a request; `now` fills in serverDate placeholders. */
export function decodeEjson(text: unknown, now: number): unknown {
  if (typeof text !== 'string') return text;
  if (text === '') return undefined;
  return normalise(EJSON.parse(text, { relaxed: true }), now);
}

function normalise(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
  if (value instanceof Date || value instanceof RegExp || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => normalise(item, now));
  const record = value as Record<string, unknown>;
  const serverDate = record.$tcb_server_date as { offset?: unknown } | undefined;
  if (serverDate && Object.keys(record).length === 1) {
    const offset = typeof serverDate.offset === 'number' ? serverDate.offset : 0;
    return new Date(now + offset);
  }
  if (typeof (record as { _bsontype?: unknown })._bsontype === 'string') {
    // ObjectId and friends: CloudBase ids here are strings, so keep their string form.
    return String(record);
  }
  const out: Doc = {};
  for (const [key, item] of Object.entries(record)) out[key] = normalise(item, now);
  return out;
}

/** Encodes one document for a reply: canonical EJSON with dates as `$date`. */
export function encodeDocument(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: false });
}
