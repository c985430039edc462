import { createHash } from 'node:crypto';

/** Hex SHA-256 of the parts, joined unambiguously; used for derived document ids. */
export function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.map((p) => `${p.length}:${p}`).join('|')).digest('hex');
}

/** Stable JSON (sorted keys) so equal inputs hash equal whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
