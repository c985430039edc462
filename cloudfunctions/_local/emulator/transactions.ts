/**
 * Transactions as CloudBase runs them (MongoDB multi-document transactions under snapshot
 * isolation; the expected behaviour is the vendor's, node-sdk test/database/unit/transaction.test.ts):
 *
 * - Snapshot reads. The first operation fixes the transaction's snapshot (see history.ts); every
 *   read — `doc().get()` and `where().get()` alike — sees the data as of then, plus the
 *   transaction's own writes (read-your-own-writes), never another client's later changes.
 * - Write-time conflicts. Writing a document that another open transaction has written, or that
 *   changed after the snapshot, fails that write at once with DATABASE_TRANSACTION_CONFLICT and
 *   aborts the transaction (MongoDB's WriteConflict); the SDK's runTransaction then retries.
 *   Documents only read are not checked: two transactions may each read what the other writes
 *   (write skew), as on CloudBase.
 * - Buffered writes, applied together at commit in one SQLite savepoint. A plain write to a
 *   document an open transaction has written is not made to wait here (MongoDB would block it
 *   until the transaction ends): it goes through, and the transaction's commit fails with
 *   DATABASE_TRANSACTION_CONFLICT instead. Either way no write is lost.
 * - A finished, aborted or expired transaction answers DATABASE_TRANSACTION_FAIL.
 */
import { randomBytes } from 'node:crypto';
import { DbError, DbErrorCodes } from './errors';
import { rowKey } from './history';
import type { FindOptions } from './queries';
import type { DocumentStore } from './store';
import { applyUpdate, type Modifier } from './updates';
import { clone, type Doc } from './values';

interface Written {
  collection: string;
  id: string;
  /** The document as this transaction left it; null when it removed it. */
  doc: Doc | null;
}

interface Transaction {
  id: string;
  startedAt: number;
  /** History sequence of the snapshot, fixed by the first operation. */
  snapshot: number | undefined;
  writes: Map<string, Written>;
  /** Documents this transaction holds the write lock of. */
  claimed: Set<string>;
  /** Ends it when left open past the TTL, so an abandoned one holds no locks and no snapshot. */
  expiry: NodeJS.Timeout;
}

export interface WhereResult {
  matched: number;
  updated: number;
  docs: Doc[];
}

/** A transaction left open longer than this is dropped, like CloudBase's server-side timeout. */
const TRANSACTION_TTL_MS = 30_000;

// CloudBase's own messages for these codes (as the vendor's tests quote them).
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';
const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  /** Documents written by an open transaction → that transaction. */
  private readonly locks = new Map<string, string>();

  constructor(private readonly store: DocumentStore) {}

  begin(): string {
    this.sweep();
    const id = `tx_${randomBytes(12).toString('hex')}`;
    // Without this a transaction a crashed caller left open would keep every later write's
    // pre-image in memory until someone began another transaction.
    const expiry = setTimeout(() => {
      const tx = this.open.get(id);
      if (tx) this.end(tx);
    }, TRANSACTION_TTL_MS + 1000);
    expiry.unref();
    this.open.set(id, { id, startedAt: Date.now(), snapshot: undefined, writes: new Map(), claimed: new Set(), expiry });
    return id;
  }

  private transaction(id: string): Transaction {
    const tx = this.open.get(id);
    if (!tx || this.expired(tx)) {
      if (tx) this.end(tx);
      throw new DbError(DbErrorCodes.transactionFail, NOT_EXIST_MESSAGE);
    }
    return tx;
  }

  private expired(tx: Transaction): boolean {
    return Date.now() - tx.startedAt > TRANSACTION_TTL_MS;
  }

  private snapshotOf(tx: Transaction): number {
    tx.snapshot ??= this.store.history.open(tx.id);
    return tx.snapshot;
  }

  /** A document as the transaction sees it: its own write, else the snapshot. */
  private view(tx: Transaction, collection: string, id: string): Doc | null {
    const own = tx.writes.get(rowKey(collection, id));
    if (own) return own.doc;
    const since = this.snapshotOf(tx);
    const image = this.store.history.imageAt(collection, id, since);
    if (image) return image.doc;
    return this.store.getRow(collection, id)?.doc ?? null;
  }

  /** Fails the write (and aborts the transaction) when another writer got to the document first. */
  private claim(tx: Transaction, collection: string, id: string): void {
    const key = rowKey(collection, id);
    const holder = this.locks.get(key);
    if (holder !== undefined && holder !== tx.id) {
      const other = this.open.get(holder);
      if (other && !this.expired(other)) this.conflict(tx);
      if (other) this.end(other);
    }
    if (this.store.history.changedSince(collection, id, this.snapshotOf(tx))) this.conflict(tx);
    this.locks.set(key, tx.id);
    tx.claimed.add(key);
  }

  private conflict(tx: Transaction): never {
    this.end(tx);
    throw new DbError(DbErrorCodes.transactionConflict, CONFLICT_MESSAGE);
  }

  private write(tx: Transaction, collection: string, id: string, doc: Doc | null): void {
    tx.writes.set(rowKey(collection, id), { collection, id, doc });
  }

  get(txId: string, collection: string, id: string): Doc | null {
    const doc = this.view(this.transaction(txId), collection, id);
    return doc && clone(doc);
  }

  /** The documents of a query over the transaction's view (snapshot plus own writes). */
  query(txId: string, collection: string, filter: Doc, options: FindOptions = {}): Doc[] {
    const tx = this.transaction(txId);
    const since = this.snapshotOf(tx);
    const overrides = new Map<string, Doc | null>();
    for (const id of this.store.history.changedIds(collection, since)) {
      overrides.set(id, this.store.history.imageAt(collection, id, since)!.doc);
    }
    for (const written of tx.writes.values()) if (written.collection === collection) overrides.set(written.id, written.doc);
    return this.store.findWithOverrides(collection, filter, options, overrides).map((doc) => clone(doc));
  }

  insert(txId: string, collection: string, id: string, doc: Doc): void {
    const tx = this.transaction(txId);
    if (this.view(tx, collection, id)) throw new DbError(DbErrorCodes.duplicateWrite, `document ${id} already exists in ${collection}`);
    this.claim(tx, collection, id);
    this.write(tx, collection, id, { ...clone(doc), _id: id });
  }

  /** Replaces a document, creating it when missing; returns whether it existed. */
  set(txId: string, collection: string, id: string, doc: Doc): boolean {
    const tx = this.transaction(txId);
    const existed = this.view(tx, collection, id) !== null;
    this.claim(tx, collection, id);
    const { _id: _ignored, ...fields } = clone(doc);
    this.write(tx, collection, id, { _id: id, ...fields });
    return existed;
  }

  /** Updates one document by id: whether it existed (matched) and whether it changed. */
  update(txId: string, collection: string, id: string, modifier: Modifier): { matched: number; updated: number; doc: Doc | null } {
    const tx = this.transaction(txId);
    const current = this.view(tx, collection, id);
    if (!current) return { matched: 0, updated: 0, doc: null };
    const next = applyUpdate(current, modifier);
    // An update that changes nothing writes nothing, so (as in MongoDB) it cannot conflict.
    if (!next.changed) return { matched: 1, updated: 0, doc: clone(next.doc) };
    this.claim(tx, collection, id);
    this.write(tx, collection, id, next.doc);
    return { matched: 1, updated: 1, doc: clone(next.doc) };
  }

  /** `where().update()` / `updateAndReturn()` over the transaction's view. */
  updateWhere(txId: string, collection: string, filter: Doc, modifier: Modifier, multi: boolean): WhereResult {
    const targets = this.query(txId, collection, filter, multi ? {} : { limit: 1 });
    const result: WhereResult = { matched: 0, updated: 0, docs: [] };
    for (const target of targets) {
      const one = this.update(txId, collection, String(target._id), modifier);
      result.matched += one.matched;
      result.updated += one.updated;
      if (one.doc) result.docs.push(one.doc);
    }
    return result;
  }

  remove(txId: string, collection: string, id: string): number {
    const tx = this.transaction(txId);
    if (!this.view(tx, collection, id)) return 0;
    this.claim(tx, collection, id);
    this.write(tx, collection, id, null);
    return 1;
  }

  removeWhere(txId: string, collection: string, filter: Doc, multi: boolean): number {
    const targets = this.query(txId, collection, filter, multi ? {} : { limit: 1 });
    return targets.reduce((n, target) => n + this.remove(txId, collection, String(target._id)), 0);
  }

  /** Applies the buffered writes in one SQLite savepoint, unless a plain write overtook one of them. */
  commit(txId: string): void {
    const tx = this.transaction(txId);
    try {
      this.store.atomically(() => {
        for (const written of tx.writes.values()) {
          if (tx.snapshot !== undefined && this.store.history.changedSince(written.collection, written.id, tx.snapshot)) {
            throw new DbError(DbErrorCodes.transactionConflict, CONFLICT_MESSAGE);
          }
        }
        for (const { collection, id, doc } of tx.writes.values()) {
          const current = this.store.getRow(collection, id)?.doc ?? null;
          if (doc !== null || current !== null) this.store.writeRow(collection, id, doc, current);
        }
      });
    } finally {
      this.end(tx);
    }
  }

  abort(txId: string): void {
    this.end(this.transaction(txId));
  }

  /** Forgets a transaction: its locks and its snapshot go with it. */
  private end(tx: Transaction): void {
    if (this.open.get(tx.id) !== tx) return;
    this.open.delete(tx.id);
    clearTimeout(tx.expiry);
    for (const key of tx.claimed) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    this.store.history.close(tx.id);
  }

  private sweep(): void {
    for (const tx of this.open.values()) if (this.expired(tx)) this.end(tx);
  }
}
