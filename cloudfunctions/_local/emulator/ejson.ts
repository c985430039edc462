/**
 * The wire format of the CloudBase API: documents, queries, updates and pipeline stages travel
 * as canonical Extended JSON strings. Decoding turns `$numberInt/Long/Double`, `$date`,
 * `$regularExpression` and `$oid` into JS values and the SDK's `$tcb_server_date` placeholder
 * into the server's clock, as CloudBase does. Replies use relaxed EJSON (plain numbers,
 * `{"$date": ms}`), which the SDK decodes the same way. Both are hand-written walks over
 * JSON.parse/stringify: every database call goes through them, and bson's general EJSON
 * machinery was a measurable share of each call.
 */
import { toStored, type Doc } from './values';

/** Decodes one EJSON string from a request; `now` fills in serverDate placeholders. */
export function decodeEjson(text: unknown, now: number): unknown {
  if (typeof text !== 'string') return text;
  if (text === '') return undefined;
  return revive(JSON.parse(text), now);
}

function revive(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = revive(value[i], now);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const key = keys[0]!;
    if (key.charCodeAt(0) === 36 /* $ */) {
      const special = reviveSpecial(key, record[key], now);
      if (special !== NOT_SPECIAL) return special;
    }
  }
  for (const key of keys) record[key] = revive(record[key], now);
  return record;
}

const NOT_SPECIAL = Symbol('not special');

function reviveSpecial(key: string, inner: unknown, now: number): unknown {
  switch (key) {
    case '$numberInt':
    case '$numberDouble':
    case '$numberLong':
      return typeof inner === 'string' ? Number(inner) : NOT_SPECIAL;
    case '$date': {
      if (typeof inner === 'number' || typeof inner === 'string') return new Date(inner);
      const long = (inner as { $numberLong?: unknown } | null)?.$numberLong;
      return typeof long === 'string' ? new Date(Number(long)) : NOT_SPECIAL;
    }
    case '$regularExpression': {
      const { pattern, options } = (inner ?? {}) as { pattern?: unknown; options?: unknown };
      return typeof pattern === 'string' ? new RegExp(pattern, String(options ?? '').replace(/[^gimsuy]/g, '')) : NOT_SPECIAL;
    }
    case '$oid':
      // CloudBase ids here are strings, so an ObjectId stands for its hex string.
      return typeof inner === 'string' ? inner : NOT_SPECIAL;
    case '$tcb_server_date': {
      const offset = revive((inner as { offset?: unknown } | null)?.offset, now);
      return new Date(now + (typeof offset === 'number' ? offset : 0));
    }
    default:
      return NOT_SPECIAL;
  }
}

/** Encodes one document for a reply: relaxed EJSON, dates as `{"$date": ms}`. */
export function encodeDocument(doc: Doc): string {
  return toStored(doc);
}
