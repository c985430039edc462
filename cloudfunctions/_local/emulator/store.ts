/**
 * The emulator's document store: one SQLite table per collection (id, JSON document,
 * version), expression indexes from the shared declarations, MongoDB semantics from mingo.
 * Every public method runs synchronously, so each one is atomic with respect to the others.
 *
 * This file opens the database and gives the store its one interface; each concern lives in
 * its own module: the tables and their indexes (tables.ts), commits and durability
 * (commits.ts), reads (queries.ts), writes (writes.ts), update modifiers (updates.ts) and
 * aggregation (aggregation.ts).
 */
import Database from 'better-sqlite3';
import type { IndexDeclaration } from '../../_core/repositories/indexDeclaration';
import { aggregate } from './aggregation';
import { Commits } from './commits';
import { WriteHistory } from './history';
import { DocumentQueries, type FindOptions, type StoredRow } from './queries';
import { CollectionTables } from './tables';
import type { Modifier } from './updates';
import type { Doc } from './values';
import { DocumentWrites } from './writes';

export interface StoreOptions {
  file: string;
  indexes: IndexDeclaration[];
  /** SQLite `synchronous` setting; FULL makes every acknowledged write survive power loss too. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Group the writes of one turn of the event loop into one SQLite transaction (each write
   * still atomic on its own, as a savepoint). Whoever answers callers must wait for `settled()`
   * first. Off for direct users of the store, who expect each write committed on return.
   */
  groupCommit?: boolean;
  /** Another thread checkpoints the WAL (see checkpointer.ts); the automatic one is a fallback. */
  backgroundCheckpoints?: boolean;
}

export class DocumentStore {
  readonly db: Database.Database;
  readonly durable: boolean;
  /** Sequence numbers and pre-images of row writes, for transaction snapshots. */
  readonly history = new WriteHistory();
  private readonly tables: CollectionTables;
  private readonly commits: Commits;
  private readonly queries: DocumentQueries;
  private readonly writes: DocumentWrites;

  constructor(options: StoreOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // Commits do not fsync one by one; acknowledged writes are made durable by a group commit
    // (flushWal) unless the store was asked for process-crash safety only ('NORMAL').
    this.db.pragma('synchronous = NORMAL');
    this.durable = (options.synchronous ?? 'FULL') === 'FULL';
    this.commits = new Commits(this.db, { file: options.file, durable: this.durable, groupCommit: options.groupCommit === true });
    this.db.pragma('busy_timeout = 5000');
    // An automatic checkpoint copies the WAL's pages into the database and fsyncs both, on this
    // thread, in the middle of a commit. With `backgroundCheckpoints` a thread of its own does it
    // (checkpointer.ts) and this is only the fallback, at 10,000 pages (~40 MB) instead of 1,000.
    this.db.pragma(`wal_autocheckpoint = ${options.backgroundCheckpoints ? 10_000 : 1000}`);
    this.tables = new CollectionTables(this.db, options.indexes);
    this.queries = new DocumentQueries(this.tables);
    this.writes = new DocumentWrites(this.tables, this.queries, this.commits, this.history);
  }

  close(): void {
    this.commits.close();
    this.db.close();
  }

  /** Resolves once everything written so far is committed and on disk (commits.ts). */
  flushWal(): Promise<void> {
    return this.commits.flushWal();
  }

  /** Settles once the writes made so far are committed; rejects when their group was lost. */
  settled(): Promise<void> {
    return this.commits.settled();
  }

  /** Runs `fn` atomically, holding the write lock from its start (commits.ts). */
  atomically<T>(fn: () => T): T {
    return this.commits.atomically(fn);
  }

  hasCollection(name: string): boolean {
    return this.tables.has(name);
  }

  listCollections(): string[] {
    return this.tables.list();
  }

  /** Creates a collection with its declared indexes; false when it already existed. */
  createCollection(name: string): boolean {
    return this.tables.create(name);
  }

  dropCollection(name: string): boolean {
    return this.tables.drop(name);
  }

  /** A document's stored JSON as it is (already the wire format of replies). */
  getText(collection: string, id: string): string | undefined {
    return this.queries.getText(collection, id);
  }

  getRow(collection: string, id: string): StoredRow | undefined {
    return this.queries.getRow(collection, id);
  }

  find(collection: string, filter: Doc, options: FindOptions = {}): Doc[] {
    return this.queries.find(collection, filter, options);
  }

  /** A query as someone sees it whose view differs from the stored rows at `overrides` (queries.ts). */
  findWithOverrides(collection: string, filter: Doc, options: FindOptions, overrides: Map<string, Doc | null>): Doc[] {
    return this.queries.findWithOverrides(collection, filter, options, overrides);
  }

  /** Applies a `field()` projection (`{ name: 1 }` or `{ secret: 0 }`). */
  project(docs: Doc[], projection: Doc): Doc[] {
    return this.queries.project(docs, projection);
  }

  count(collection: string, filter: Doc): number {
    return this.queries.count(collection, filter);
  }

  /** Inserts documents atomically; a duplicate `_id` (or unique index) fails the whole batch. */
  insert(collection: string, docs: Doc[]): string[] {
    return this.writes.insert(collection, docs);
  }

  /** Writes one document over what the caller read of it (writes.ts). */
  writeRow(collection: string, id: string, doc: Doc | null, previous: Doc | null): void {
    this.writes.writeRow(collection, id, doc, previous);
  }

  /** Replaces (or creates) one document by id; returns whether it updated or inserted. */
  replace(collection: string, id: string, input: Doc): { updated: number; upsertedId: string | null } {
    return this.writes.replace(collection, id, input);
  }

  /** Applies a MongoDB update modifier to the matching documents. */
  update(collection: string, filter: Doc, modifier: Modifier, multi: boolean): { matched: number; updated: number; docs: Doc[] } {
    return this.writes.update(collection, filter, modifier, multi);
  }

  remove(collection: string, filter: Doc, multi: boolean): number {
    return this.writes.remove(collection, filter, multi);
  }

  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    return aggregate(this.queries, collection, pipeline);
  }
}
