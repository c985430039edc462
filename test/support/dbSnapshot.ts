/**
 * A fingerprint of every stored document (id and version), to prove a call wrote nothing.
 * Ignoring `rate_limits` or `idempotency` ignores that bookkeeping wherever it is kept: the
 * signed-in caller's counters (`rate`) and request marks (`req`) live on their user document,
 * so users are then fingerprinted by content without those fields.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function snapshotDatabase(dataDir: string, ignore: string[] = []): string {
  const db = new Database(join(dataDir, 'linli.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name`).all() as Array<{ name: string }>)
      .map((t) => t.name)
      .filter((name) => !ignore.includes(name.slice(2)));
    return tables
      .map((table) => {
        const bookkeeping = [...(ignore.includes('rate_limits') ? ["'$.rate'"] : []), ...(ignore.includes('idempotency') ? ["'$.req'"] : [])];
        if (table === 'c_users' && bookkeeping.length > 0) {
          const rows = db.prepare(`SELECT id, json_remove(doc, ${bookkeeping.join(', ')}) AS content FROM "${table}" ORDER BY id`).all() as Array<{ id: string; content: string }>;
          return `${table}:${rows.map((r) => `${r.id}#${createHash('sha256').update(r.content).digest('hex').slice(0, 16)}`).join(',')}`;
        }
        const rows = db.prepare(`SELECT id, ver FROM "${table}" ORDER BY id`).all() as Array<{ id: string; ver: number }>;
        return `${table}:${rows.map((r) => `${r.id}@${r.ver}`).join(',')}`;
      })
      .join('\n');
  } finally {
    db.close();
  }
}
