/**
 * Dev sessions of the local cloud: a bearer token stands for a WeChat openid, so the H5 build
 * and tests can act as any user. Only the token's hash is stored. Never on CloudBase.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class DevSessions {
  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS _dev_sessions (token_hash TEXT PRIMARY KEY, openid TEXT NOT NULL, created_at INTEGER NOT NULL)');
  }

  create(openid: string): string {
    const token = randomBytes(24).toString('base64url');
    this.db.prepare('INSERT INTO _dev_sessions (token_hash, openid, created_at) VALUES (?, ?, ?)').run(hash(token), openid, Date.now());
    return token;
  }

  openidOf(token: string): string | null {
    const row = this.db.prepare('SELECT openid FROM _dev_sessions WHERE token_hash = ?').get(hash(token)) as { openid: string } | undefined;
    return row?.openid ?? null;
  }
}
