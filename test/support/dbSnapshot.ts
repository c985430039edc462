/** A fingerprint of every stored document (id and version), to prove a call wrote nothing. */
import Database from 'better-sqlite3';
import { join } from 'node:path';

export function snapshotDatabase(dataDir: string, ignore: string[] = []): string {
  const db = new Database(join(dataDir, 'linli.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name`).all() as Array<{ name: string }>)
      .map((t) => t.name)
      .filter((name) => !ignore.includes(name.slice(2)));
    return tables
      .map((table) => {
        const rows = db.prepare(`SELECT id, ver FROM "${table}" ORDER BY id`).all() as Array<{ id: string; ver: number }>;
        return `${table}:${rows.map((r) => `${r.id}@${r.ver}`).join(',')}`;
      })
      .join('\n');
  } finally {
    db.close();
  }
}
