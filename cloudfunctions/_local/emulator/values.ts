/**
 * How documents are kept in SQLite: JSON text where a Date is `{"$date": <epoch ms>}`.
 * In memory (for mingo and for commands) dates are real Date objects.
 */
export type Doc = Record<string, unknown>;

/** Serialise a document for storage. */
export function toStored(doc: Doc): string {
  return JSON.stringify(doc, function replacer(this: Record<string, unknown>, key: string, value: unknown) {
    // JSON.stringify calls toJSON before the replacer, so look at the raw value.
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.getTime() };
    return value;
  });
}

/**
 * Parse a stored document back, reviving dates. A plain parse plus an in-place walk is about
 * three times faster than JSON.parse with a reviver, and most reads are many documents.
 */
export function fromStored(text: string): Doc {
  const doc = JSON.parse(text) as Doc;
  return text.includes('"$date"') ? (reviveDates(doc) as Doc) : doc;
}

function reviveDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = reviveDates(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const ms = record.$date;
  if (ms !== undefined) {
    let keys = 0;
    for (const _key in record) keys += 1;
    if (keys === 1 && (typeof ms === 'number' || typeof ms === 'string')) return new Date(ms);
  }
  for (const key in record) record[key] = reviveDates(record[key]);
  return record;
}

/** Deep copy that keeps Dates and RegExps. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
