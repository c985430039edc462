/**
 * Writes of the store: inserts, replacements, update modifiers and removals, each atomic (see
 * commits.ts), each row write recorded in the write history so open transaction snapshots can
 * still see what was there before.
 */
import { randomBytes } from 'node:crypto';
import type { Commits } from './commits';
import { translateSqliteError } from './errors';
import type { WriteHistory } from './history';
import type { DocumentQueries } from './queries';
import type { CollectionTables } from './tables';
import { applyUpdate, type Modifier } from './updates';
import { toStored, type Doc } from './values';

/** CloudBase-style document id: 32 hex characters. */
export function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}

/** The row writes over the collections' tables. */
export class DocumentWrites {
  constructor(
    private readonly tables: CollectionTables,
    private readonly queries: DocumentQueries,
    private readonly commits: Commits,
    private readonly history: WriteHistory,
  ) {}

  /** Inserts documents atomically; a duplicate `_id` (or unique index) fails the whole batch. */
  insert(collection: string, docs: Doc[]): string[] {
    this.tables.fields(collection);
    const statement = this.tables.statement(`INSERT INTO ${this.tables.table(collection)} (id, doc, ver) VALUES (?, ?, 1)`);
    return this.commits.atomically(() =>
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
    const table = this.tables.table(collection);
    try {
      if (doc === null) {
        this.tables.statement(`DELETE FROM ${table} WHERE id = ?`).run(id);
      } else if (previous === null) {
        this.tables.statement(`INSERT INTO ${table} (id, doc, ver) VALUES (?, ?, 1)`).run(id, toStored({ ...doc, _id: id }));
      } else {
        this.tables.statement(`UPDATE ${table} SET doc = ?, ver = ver + 1 WHERE id = ?`).run(toStored({ ...doc, _id: id }), id);
      }
    } catch (error) {
      throw translateSqliteError(error, collection, id);
    }
    this.history.record(collection, id, previous);
  }

  /** Replaces (or creates) one document by id; returns whether it updated or inserted. */
  replace(collection: string, id: string, input: Doc): { updated: number; upsertedId: string | null } {
    return this.commits.atomically(() => {
      const current = this.queries.getRow(collection, id);
      const { _id: _ignored, ...fields } = input;
      this.writeRow(collection, id, { _id: id, ...fields }, current?.doc ?? null);
      return current ? { updated: 1, upsertedId: null } : { updated: 0, upsertedId: id };
    });
  }

  /** Applies a MongoDB update modifier to the matching documents. */
  update(collection: string, filter: Doc, modifier: Modifier, multi: boolean): { matched: number; updated: number; docs: Doc[] } {
    return this.commits.atomically(() => {
      const rows = this.queries.select(collection, filter, multi ? {} : { limit: 1 });
      let updated = 0;
      const docs: Doc[] = [];
      for (const row of rows) {
        const next = applyUpdate(row.doc, modifier, this.queries.mingoOptions);
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
    return this.commits.atomically(() => {
      const rows = this.queries.select(collection, filter, multi ? {} : { limit: 1 });
      for (const row of rows) this.writeRow(collection, row.id, null, row.doc);
      return rows.length;
    });
  }
}
