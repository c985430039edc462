/**
 * Optimistic transactions over the document store. A transaction reads committed documents
 * (or its own writes), buffers its writes, and at commit checks that every document it
 * touched still has the version it saw; if not, the commit answers
 * DATABASE_TRANSACTION_CONFLICT and the SDK's runTransaction retries the whole function.
 */
import { randomBytes } from 'node:crypto';
import { DbError, DbErrorCodes } from './errors';
import { applyUpdate, type DocumentStore, type Modifier } from './store';
import { clone, type Doc } from './values';

interface Touched {
  collection: string;
  id: string;
  /** Version when first touched; 0 means the document did not exist. */
  baseVer: number;
  doc: Doc | null;
  dirty: boolean;
}

interface Transaction {
  id: string;
  touched: Map<string, Touched>;
  startedAt: number;
}

/** A transaction left open longer than this is dropped, like CloudBase's server-side timeout. */
const TRANSACTION_TTL_MS = 30_000;

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();

  constructor(private readonly store: DocumentStore) {}

  begin(): string {
    this.sweep();
    const id = `tx_${randomBytes(12).toString('hex')}`;
    this.open.set(id, { id, touched: new Map(), startedAt: Date.now() });
    return id;
  }

  private transaction(id: string): Transaction {
    const tx = this.open.get(id);
    if (!tx) throw new DbError(DbErrorCodes.transactionNotExist, `transaction ${id} does not exist or has expired`);
    return tx;
  }

  private touch(tx: Transaction, collection: string, id: string): Touched {
    const key = `${collection}\u0000${id}`;
    let entry = tx.touched.get(key);
    if (!entry) {
      const row = this.store.getRow(collection, id);
      entry = { collection, id, baseVer: row?.ver ?? 0, doc: row ? row.doc : null, dirty: false };
      tx.touched.set(key, entry);
    }
    return entry;
  }

  get(txId: string, collection: string, id: string): Doc | null {
    const entry = this.touch(this.transaction(txId), collection, id);
    return entry.doc && clone(entry.doc);
  }

  insert(txId: string, collection: string, id: string, doc: Doc): void {
    const entry = this.touch(this.transaction(txId), collection, id);
    if (entry.doc) throw new DbError(DbErrorCodes.duplicateWrite, `document ${id} already exists in ${collection}`);
    entry.doc = { ...clone(doc), _id: id };
    entry.dirty = true;
  }

  /** Replaces a document, creating it when missing; returns whether it existed. */
  set(txId: string, collection: string, id: string, doc: Doc): boolean {
    const entry = this.touch(this.transaction(txId), collection, id);
    const existed = entry.doc !== null;
    const { _id: _ignored, ...fields } = clone(doc);
    entry.doc = { _id: id, ...fields };
    entry.dirty = true;
    return existed;
  }

  update(txId: string, collection: string, id: string, modifier: Modifier): number {
    const entry = this.touch(this.transaction(txId), collection, id);
    if (!entry.doc) return 0;
    const next = applyUpdate(entry.doc, modifier);
    if (!next.changed) return 0;
    entry.doc = next.doc;
    entry.dirty = true;
    return 1;
  }

  remove(txId: string, collection: string, id: string): number {
    const entry = this.touch(this.transaction(txId), collection, id);
    if (!entry.doc) return 0;
    entry.doc = null;
    entry.dirty = true;
    return 1;
  }

  /** Validates and applies the buffered writes in one SQLite transaction. */
  commit(txId: string): void {
    const tx = this.transaction(txId);
    this.open.delete(txId);
    this.store.atomically(() => {
      for (const entry of tx.touched.values()) {
        const current = this.store.getRow(entry.collection, entry.id);
        if ((current?.ver ?? 0) !== entry.baseVer) {
          throw new DbError(
            DbErrorCodes.transactionConflict,
            `transaction conflict on ${entry.collection}/${entry.id}: it changed after the transaction read it`,
          );
        }
      }
      for (const entry of tx.touched.values()) {
        if (entry.dirty && !(entry.doc === null && entry.baseVer === 0)) {
          this.store.writeRow(entry.collection, entry.id, entry.doc, entry.baseVer);
        }
      }
    });
  }

  abort(txId: string): void {
    this.transaction(txId);
    this.open.delete(txId);
  }

  private sweep(): void {
    const cutoff = Date.now() - TRANSACTION_TTL_MS;
    for (const [id, tx] of this.open) if (tx.startedAt < cutoff) this.open.delete(id);
  }
}
