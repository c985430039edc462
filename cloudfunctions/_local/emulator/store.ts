/**
 * The emulator's document store: one SQLite table per collection (id, JSON document,
 * version), expression indexes from the shared declarations, MongoDB semantics from mingo.
 * Every public method runs synchronously, so each one is atomic with respect to the others.
 */
import Database from 'better-sqlite3';
import { closeSync, fsync, openSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { update as applyModifier } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { isEqual } from 'mingo/util';
import type { IndexDeclaration, IndexField } from '../../_core/repositories/indexes';
import { asError } from '../../../src/shared/errors';
import { DbError, DbErrorCodes } from './errors';
import { byDistance, geoNearStage, nearConditionOf } from './geoNear';
import { WriteHistory } from './history';
import { emulatorMingoOptions } from './operators';
import { fieldExpression, indexedFields, planFilter, planSort, type SqlValue } from './planner';
import { compileSimpleFilter } from './simpleFilter';
import { clone, fromStored, toStored, type Doc } from './values';

export type SortSpec = Array<[string, 1 | -1]>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

export interface StoredRow {
  doc: Doc;
  ver: number;
}

export type Modifier = Record<string, unknown>;

const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** CloudBase-style document id: 32 hex characters. */
export function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}

function tableName(collection: string): string {
  return `c_${collection}`;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

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

interface GroupCommit {
  /** Settles when the group is committed; rejects when its writes were lost. */
  done: Promise<void>;
  settle: (error?: Error) => void;
  open: boolean;
}

export class DocumentStore {
  readonly db: Database.Database;
  private readonly fieldsByCollection = new Map<string, Map<string, IndexField>>();
  private readonly indexes: IndexDeclaration[];
  private readonly mingoOptions: Partial<Options>;
  /** Prepared statements by SQL text: preparing costs more than running most queries. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly walFile: string;
  private walFd: number | undefined;
  private flushing: Promise<void> | undefined;
  private flushQueued: Promise<void> | undefined;
  readonly durable: boolean;
  private readonly groupCommit: boolean;
  /** The open group: the writes of this turn, committed together. */
  private group: GroupCommit | undefined;
  /** Sequence numbers and pre-images of row writes, for transaction snapshots. */
  readonly history = new WriteHistory();

  constructor(options: StoreOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // Commits do not fsync one by one; acknowledged writes are made durable by a group commit
    // (flushWal) unless the store was asked for process-crash safety only ('NORMAL').
    this.db.pragma('synchronous = NORMAL');
    this.durable = (options.synchronous ?? 'FULL') === 'FULL';
    this.groupCommit = options.groupCommit === true;
    this.walFile = `${options.file}-wal`;
    this.db.pragma('busy_timeout = 5000');
    // An automatic checkpoint copies the WAL's pages into the database and fsyncs both, on this
    // thread, in the middle of a commit. With `backgroundCheckpoints` a thread of its own does it
    // (checkpointer.ts) and this is only the fallback, at 10,000 pages (~40 MB) instead of 1,000.
    this.db.pragma(`wal_autocheckpoint = ${options.backgroundCheckpoints ? 10_000 : 1000}`);
    this.indexes = options.indexes;
    this.mingoOptions = emulatorMingoOptions((name: string) => (this.hasCollection(name) ? this.allDocs(name) : []));
    const rows = this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`)
      .all() as Array<{ name: string }>;
    for (const { name } of rows) this.registerCollection(name.slice(2));
  }

  close(): void {
    if (this.group) {
      const group = this.group;
      this.db.exec('COMMIT');
      this.endGroup(group);
    }
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
    this.db.close();
  }

  /** A cached prepared statement. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Group commit: resolves once everything written so far is committed and on disk. Writes of
   * one burst share one fsync of the WAL (run off the event loop), instead of one per commit.
   */
  async flushWal(): Promise<void> {
    await this.settled();
    if (!this.durable) return;
    if (this.flushing) {
      // Commits made while a flush runs need the next one.
      this.flushQueued ??= this.flushing.then(() => {
        this.flushQueued = undefined;
        return this.flushWal();
      });
      return this.flushQueued;
    }
    const run = async () => {
      this.walFd ??= openSync(this.walFile, 'r');
      await new Promise<void>((resolve, reject) => fsync(this.walFd!, (error) => (error ? reject(error) : resolve())));
    };
    this.flushing = run().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /**
   * Settles once the writes made so far are committed; rejects when their group failed to
   * commit (none of them happened then). Resolved at once without group commit.
   */
  settled(): Promise<void> {
    return this.group?.done ?? Promise.resolve();
  }

  /**
   * Runs `fn` atomically, holding the write lock from its start: a deferred transaction that
   * reads first could not take the lock once another connection to the file (the dev sessions)
   * has committed since its read, and would fail at once with SQLITE_BUSY instead of waiting its
   * turn. With group commit it is a savepoint of the turn's transaction, which is committed
   * once the turn's other work is done: one commit (and one set of WAL page writes) for a crowd.
   */
  atomically<T>(fn: () => T): T {
    if (!this.groupCommit) return this.db.transaction(fn).immediate();
    const group = this.group ?? this.openGroup();
    try {
      return this.db.transaction(fn)();
    } finally {
      // Some failures (a full disk, an I/O error) roll the whole transaction back, not just the
      // savepoint: everything of this turn is lost, and its callers must hear so.
      if (!this.db.inTransaction) this.endGroup(group, new Error('the writes of this turn were rolled back'));
    }
  }

  private openGroup(): GroupCommit {
    this.db.exec('BEGIN IMMEDIATE');
    let settle!: (error?: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    // A failed group is reported to each caller waiting on it; this keeps it from being "unhandled".
    done.catch(() => undefined);
    const group: GroupCommit = { done, settle, open: true };
    this.group = group;
    setImmediate(() => {
      if (!group.open) return;
      try {
        this.db.exec('COMMIT');
        this.endGroup(group);
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.endGroup(group, asError(error));
      }
    });
    return group;
  }

  private endGroup(group: GroupCommit, error?: Error): void {
    if (!group.open) return;
    group.open = false;
    if (this.group === group) this.group = undefined;
    group.settle(error);
  }

  hasCollection(name: string): boolean {
    return this.fieldsByCollection.has(name);
  }

  listCollections(): string[] {
    return [...this.fieldsByCollection.keys()].sort();
  }

  /** Creates a collection with its declared indexes; false when it already existed. */
  createCollection(name: string): boolean {
    if (!COLLECTION_NAME.test(name)) throw new DbError(DbErrorCodes.invalidParam, `invalid collection name: ${name}`);
    if (this.hasCollection(name)) return false;
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${quote(tableName(name))} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL, ver INTEGER NOT NULL)`,
    );
    this.registerCollection(name);
    return true;
  }

  dropCollection(name: string): boolean {
    if (!this.hasCollection(name)) return false;
    this.db.exec(`DROP TABLE ${quote(tableName(name))}`);
    this.statements.clear();
    this.fieldsByCollection.delete(name);
    return true;
  }

  private registerCollection(name: string): void {
    const declared = this.indexes.filter((index) => index.collection === name);
    for (const index of declared) {
      const columns = index.fields
        .map((f) => `${fieldExpression(f.field, f.type)}${f.direction === -1 ? ' DESC' : ''}`)
        .join(', ');
      this.db.exec(
        `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quote(`ix_${name}_${index.name}`)} ON ${quote(tableName(name))} (${columns})`,
      );
    }
    this.fieldsByCollection.set(name, indexedFields(declared));
  }

  private fields(collection: string): Map<string, IndexField> {
    const fields = this.fieldsByCollection.get(collection);
    if (!fields) throw new DbError(DbErrorCodes.collectionNotExist, `collection ${collection} does not exist`);
    return fields;
  }

  private allDocs(collection: string): Doc[] {
    const rows = this.statement(`SELECT doc FROM ${quote(tableName(collection))} ORDER BY rowid`).all() as Array<{
      doc: string;
    }>;
    return rows.map((row) => fromStored(row.doc));
  }

  /** A document's stored JSON as it is (already the wire format of replies). */
  getText(collection: string, id: string): string | undefined {
    this.fields(collection);
    const row = this.statement(`SELECT doc FROM ${quote(tableName(collection))} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row?.doc;
  }

  getRow(collection: string, id: string): StoredRow | undefined {
    this.fields(collection);
    const row = this.statement(`SELECT doc, ver FROM ${quote(tableName(collection))} WHERE id = ?`).get(id) as
      | { doc: string; ver: number }
      | undefined;
    return row && { doc: fromStored(row.doc), ver: row.ver };
  }

  /** Rows that match a filter, in the given order and window (projection not applied). */
  private select(collection: string, filter: Doc, options: FindOptions = {}): Array<StoredRow & { id: string }> {
    const fields = this.fields(collection);
    const plan = planFilter(filter, fields);
    const where = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
    const params: SqlValue[] = [...plan.params];
    const orderBy = options.sort && options.sort.length > 0 ? planSort(options.sort, fields) : 'rowid ASC';
    // SQLite can page only when it alone decides both membership and order.
    const pushWindow = plan.exact && orderBy !== undefined;
    let sql = `SELECT id, doc, ver FROM ${quote(tableName(collection))} ${where} ORDER BY ${pushWindow ? orderBy : 'rowid ASC'}`;
    if (pushWindow && (options.limit !== undefined || options.skip)) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(options.limit ?? -1, options.skip ?? 0);
    }
    const rows = (this.statement(sql).all(...params) as Array<{ id: string; doc: string; ver: number }>).map(
      (row) => ({ id: row.id, doc: fromStored(row.doc), ver: row.ver }),
    );
    if (pushWindow) return rows;
    const test = this.tester(filter);
    return this.arrange(rows.filter((row) => test(row.doc)), filter, options);
  }

  /** A filter as a test of one document: the direct one where it judges, mingo's otherwise. */
  private tester(filter: Doc): (doc: Doc) => boolean {
    const simple = compileSimpleFilter(filter);
    let query: Query | undefined;
    const mingoTest = (doc: Doc) => (query ??= new Query(filter, this.mingoOptions)).test(doc);
    return simple ? (doc) => simple(doc) ?? mingoTest(doc) : mingoTest;
  }

  /** Orders matched rows (by the sort, else by distance for a near query) and cuts the window. */
  private arrange<R extends { doc: Doc }>(matched: R[], filter: Doc, options: FindOptions): R[] {
    let ordered = matched;
    if (options.sort && options.sort.length > 0) {
      const sortSpec = Object.fromEntries(options.sort);
      const byDoc = new Map(matched.map((row) => [row.doc, row]));
      const sorted = new Aggregator([{ $sort: sortSpec }], this.mingoOptions).run(matched.map((row) => row.doc));
      ordered = sorted.map((doc) => byDoc.get(doc as Doc)!);
    } else {
      const near = nearConditionOf(filter);
      if (near) ordered = byDistance(matched, near.path, near.spec);
    }
    const start = options.skip ?? 0;
    return ordered.slice(start, options.limit === undefined ? undefined : start + options.limit);
  }

  find(collection: string, filter: Doc, options: FindOptions = {}): Doc[] {
    const docs = this.select(collection, filter, options).map((row) => row.doc);
    return options.projection ? this.project(docs, options.projection) : docs;
  }

  /**
   * A query over the collection as someone sees it whose view differs from the stored rows at
   * `overrides` (id → the document they see, null for none): a transaction's snapshot and writes.
   */
  findWithOverrides(collection: string, filter: Doc, options: FindOptions, overrides: Map<string, Doc | null>): Doc[] {
    if (overrides.size === 0) return this.find(collection, filter, options);
    const rows: Array<{ doc: Doc }> = this.select(collection, filter).filter((row) => !overrides.has(row.id));
    const test = this.tester(filter);
    for (const doc of overrides.values()) if (doc && test(doc)) rows.push({ doc });
    const docs = this.arrange(rows, filter, options).map((row) => row.doc);
    return options.projection ? this.project(docs, options.projection) : docs;
  }

  /** Applies a `field()` projection (`{ name: 1 }` or `{ secret: 0 }`). */
  project(docs: Doc[], projection: Doc): Doc[] {
    if (Object.keys(projection).length === 0) return docs;
    return new Aggregator([{ $project: projection }], this.mingoOptions).run(docs) as Doc[];
  }

  count(collection: string, filter: Doc): number {
    const fields = this.fields(collection);
    const plan = planFilter(filter, fields);
    if (plan.exact) {
      const where = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
      const row = this.statement(`SELECT COUNT(*) AS n FROM ${quote(tableName(collection))} ${where}`).get(...plan.params) as {
        n: number;
      };
      return row.n;
    }
    return this.select(collection, filter).length;
  }

  /** Inserts documents atomically; a duplicate `_id` (or unique index) fails the whole batch. */
  insert(collection: string, docs: Doc[]): string[] {
    this.fields(collection);
    const statement = this.statement(`INSERT INTO ${quote(tableName(collection))} (id, doc, ver) VALUES (?, ?, 1)`);
    return this.atomically(() =>
      docs.map((input) => {
        const id = input._id === undefined ? newDocumentId() : String(input._id);
        const doc = { ...input, _id: id };
        try {
          statement.run(id, toStored(doc));
        } catch (error) {
          throw translateSqliteError(error, collection, id);
        }
        this.history.record(collection, id, null);
        return id;
      }),
    );
  }

  /**
   * Writes one document over what the caller read of it (`previous`, null when it did not
   * exist): updates, removals and transaction commits. The history keeps `previous` for open
   * transaction snapshots.
   */
  writeRow(collection: string, id: string, doc: Doc | null, previous: Doc | null): void {
    const table = quote(tableName(collection));
    try {
      if (doc === null) {
        this.statement(`DELETE FROM ${table} WHERE id = ?`).run(id);
      } else if (previous === null) {
        this.statement(`INSERT INTO ${table} (id, doc, ver) VALUES (?, ?, 1)`).run(id, toStored({ ...doc, _id: id }));
      } else {
        this.statement(`UPDATE ${table} SET doc = ?, ver = ver + 1 WHERE id = ?`).run(toStored({ ...doc, _id: id }), id);
      }
    } catch (error) {
      throw translateSqliteError(error, collection, id);
    }
    this.history.record(collection, id, previous);
  }

  /** Replaces (or creates) one document by id; returns whether it updated or inserted. */
  replace(collection: string, id: string, input: Doc): { updated: number; upsertedId: string | null } {
    return this.atomically(() => {
      const current = this.getRow(collection, id);
      const { _id: _ignored, ...fields } = input;
      this.writeRow(collection, id, { _id: id, ...fields }, current?.doc ?? null);
      return current ? { updated: 1, upsertedId: null } : { updated: 0, upsertedId: id };
    });
  }

  /** Applies a MongoDB update modifier to the matching documents. */
  update(collection: string, filter: Doc, modifier: Modifier, multi: boolean): { matched: number; updated: number; docs: Doc[] } {
    return this.atomically(() => {
      const rows = this.select(collection, filter, multi ? {} : { limit: 1 });
      let updated = 0;
      const docs: Doc[] = [];
      for (const row of rows) {
        const next = applyUpdate(row.doc, modifier, this.mingoOptions);
        if (next.changed) {
          this.writeRow(collection, row.id, next.doc, row.doc);
          updated += 1;
        }
        docs.push(next.doc);
      }
      return { matched: rows.length, updated, docs };
    });
  }

  remove(collection: string, filter: Doc, multi: boolean): number {
    return this.atomically(() => {
      const rows = this.select(collection, filter, multi ? {} : { limit: 1 });
      for (const row of rows) this.writeRow(collection, row.id, null, row.doc);
      return rows.length;
    });
  }

  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    const first = pipeline[0];
    if (first && '$geoNear' in first) {
      // mingo has no $geoNear stage: its query narrows through the indexes, then distances.
      const stage = geoNearStage(first.$geoNear);
      const input = stage.run(this.select(collection, stage.query).map((row) => row.doc));
      return new Aggregator(pipeline.slice(1), this.mingoOptions).run(input) as Doc[];
    }
    // A leading $match narrows the input through the indexes before mingo runs the pipeline.
    const leadingMatch = first && '$match' in first ? (first.$match as Doc) : {};
    const input = this.select(collection, leadingMatch).map((row) => row.doc);
    const rest = first && '$match' in first ? pipeline.slice(1) : pipeline;
    return new Aggregator(rest, this.mingoOptions).run(input) as Doc[];
  }
}

/**
 * The common updates — `$set` and `$inc` of fields, dotted paths into nested objects included —
 * applied directly, with mingo's semantics (a `$set` to an equal value and an `$inc` of a
 * non-number change nothing; missing objects on a path are created); anything else (other
 * operators, paths through arrays or non-objects, overlapping paths, bad arguments) is left to
 * mingo, whose per-call set-up costs more than the update itself. Unchanged parts are shared
 * with the input, which callers never modify.
 */
export function simpleUpdate(doc: Doc, modifier: Modifier): { doc: Doc; changed: boolean } | undefined {
  const set = modifier.$set as Doc | undefined;
  const inc = modifier.$inc as Doc | undefined;
  let operators = 0;
  for (const op in modifier) {
    if (op !== '$set' && op !== '$inc') return undefined;
    operators += 1;
  }
  if (operators === 0) return undefined;
  if ((set !== undefined && !isPlainObject(set)) || (inc !== undefined && !isPlainObject(inc))) return undefined;
  const paths: string[] = [];
  for (const key in set) paths.push(key);
  for (const key in inc) {
    if (typeof inc[key] !== 'number') return undefined;
    paths.push(key);
  }
  if (!paths.every(isSimplePath) || overlapping(paths)) return undefined;
  const next: Doc = { ...doc };
  let changed = false;
  for (const key in set) {
    const parent = parentFor(next, key);
    if (!parent) return undefined;
    const [holder, last] = parent;
    if (isEqual(holder[last], set[key])) continue;
    holder[last] = clone(set[key]);
    changed = true;
  }
  for (const key in inc) {
    const parent = parentFor(next, key);
    if (!parent) return undefined;
    const [holder, last] = parent;
    const previous = holder[last];
    if (previous !== undefined && typeof previous !== 'number') continue;
    const value = ((previous as number | undefined) || 0) + (inc[key] as number);
    if (value === previous) continue;
    holder[last] = value;
    changed = true;
  }
  return { doc: next, changed };
}

function isPlainObject(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);
}

/** Field names, dotted into nested objects; never `_id`, an operator or an array index. */
function isSimplePath(path: string): boolean {
  const parts = path.split('.');
  return parts[0] !== '_id' && parts.every((part) => part.length > 0 && !part.startsWith('$') && !/^\d+$/.test(part));
}

/** True when a path repeats or lies inside another (`a` and `a.b`): mingo decides those. */
function overlapping(paths: string[]): boolean {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i] === sorted[i - 1] || sorted[i]!.startsWith(`${sorted[i - 1]}.`)) return true;
  }
  return false;
}

/**
 * The object holding a path's last field in `doc`, with every object on the way copied (the
 * input is shared) and missing ones created; undefined when the path runs through a non-object.
 */
function parentFor(doc: Doc, path: string): [Doc, string] | undefined {
  const parts = path.split('.');
  let holder = doc;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i]!;
    const current = holder[part];
    if (current === undefined) holder[part] = {};
    else if (isPlainObject(current)) holder[part] = { ...current };
    else return undefined;
    holder = holder[part] as Doc;
  }
  return [holder, parts[parts.length - 1]!];
}

/** Applies an update modifier to a copy of a document; `_id` cannot change. */
export function applyUpdate(doc: Doc, modifier: Modifier, options: Partial<Options> = {}): { doc: Doc; changed: boolean } {
  const simple = simpleUpdate(doc, modifier);
  if (simple) return simple;
  const next = clone(doc);
  const operators = Object.keys(modifier);
  if (operators.length === 0) return { doc: next, changed: false };
  if (!operators.every((op) => op.startsWith('$'))) {
    throw new DbError(DbErrorCodes.invalidParam, 'update must use update operators');
  }
  for (const fields of Object.values(modifier)) {
    if (fields && typeof fields === 'object' && Object.keys(fields).some((path) => path === '_id' || path.startsWith('_id.'))) {
      throw new DbError(DbErrorCodes.invalidParam, '_id cannot be updated');
    }
  }
  try {
    const changedPaths = applyModifier(next, modifier, undefined, undefined, {
      cloneMode: 'deep',
      queryOptions: options,
    });
    return { doc: next, changed: changedPaths.length > 0 };
  } catch (error) {
    throw new DbError(DbErrorCodes.invalidParam, error instanceof Error ? error.message : String(error));
  }
}

function translateSqliteError(error: unknown, collection: string, id: string): Error {
  // Checked by shape, not instanceof: native errors may come from another realm (jest's vm).
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new DbError(DbErrorCodes.duplicateWrite, `duplicate key in ${collection} for document ${id}: ${message}`);
  }
  return error instanceof Error ? error : new Error(message);
}

