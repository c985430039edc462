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

/** Parse a stored document back, reviving dates. */
export function fromStored(text: string): Doc {
  return JSON.parse(text, (_key, value: unknown) => reviveDate(value)) as Doc;
}

function reviveDate(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$date') {
      const ms = (value as { $date: unknown }).$date;
      if (typeof ms === 'number') return new Date(ms);
      if (typeof ms === 'string') return new Date(ms);
    }
  }
  return value;
}

/** Deep copy that keeps Dates and RegExps. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
