/**
 * Dev sessions of the local cloud: a bearer token stands for a WeChat openid, so the H5 build
 * and tests can act as any user. Only the token's hash is stored. Never on CloudBase.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sessions are never changed once made, so the ones seen are remembered (up to this many). */
const REMEMBERED = 10_000;

export class DevSessions {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly seen = new Map<string, string>();

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS _dev_sessions (token_hash TEXT PRIMARY KEY, openid TEXT NOT NULL, created_at INTEGER NOT NULL)');
    this.insert = db.prepare('INSERT INTO _dev_sessions (token_hash, openid, created_at) VALUES (?, ?, ?)');
    this.select = db.prepare('SELECT openid FROM _dev_sessions WHERE token_hash = ?');
  }

  create(openid: string): string {
    const token = randomBytes(24).toString('base64url');
    this.insert.run(hash(token), openid, Date.now());
    return token;
  }

  openidOf(token: string): string | null {
    const known = this.seen.get(token);
    if (known !== undefined) return known;
    const row = this.select.get(hash(token)) as { openid: string } | undefined;
    if (!row) return null;
    if (this.seen.size >= REMEMBERED) this.seen.clear();
    this.seen.set(token, row.openid);
    return row.openid;
  }
}
