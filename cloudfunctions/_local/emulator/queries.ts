/**
 * Reads of the store: a filter planned into SQL over the expression indexes where it can be
 * (planner.ts), the rest judged per document (simpleFilter.ts, else mingo), then ordered and
 * windowed — in SQLite when it alone decides membership and order, here otherwise.
 */
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { byDistance, nearConditionOf } from './geoNear';
import { emulatorMingoOptions } from './operators';
import { planFilter, planSort, type SqlValue } from './planner';
import { compileSimpleFilter } from './simpleFilter';
import type { CollectionTables } from './tables';
import { fromStored, type Doc } from './values';

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

/** The queries over the collections' tables, with MongoDB semantics from mingo. */
export class DocumentQueries {
  /** mingo's options for the emulator: its extra operators, and `$lookup` over our collections. */
  readonly mingoOptions: Partial<Options>;

  constructor(private readonly tables: CollectionTables) {
    this.mingoOptions = emulatorMingoOptions((name: string) => (this.tables.has(name) ? this.allDocs(name) : []));
  }

  private allDocs(collection: string): Doc[] {
    const rows = this.tables.statement(`SELECT doc FROM ${this.tables.table(collection)} ORDER BY rowid`).all() as Array<{
      doc: string;
    }>;
    return rows.map((row) => fromStored(row.doc));
  }

  /** A document's stored JSON as it is (already the wire format of replies). */
  getText(collection: string, id: string): string | undefined {
    this.tables.fields(collection);
    const row = this.tables.statement(`SELECT doc FROM ${this.tables.table(collection)} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row?.doc;
  }

  getRow(collection: string, id: string): StoredRow | undefined {
    this.tables.fields(collection);
    const row = this.tables.statement(`SELECT doc, ver FROM ${this.tables.table(collection)} WHERE id = ?`).get(id) as
      | { doc: string; ver: number }
      | undefined;
    return row && { doc: fromStored(row.doc), ver: row.ver };
  }

  /** Rows that match a filter, in the given order and window (projection not applied). */
  select(collection: string, filter: Doc, options: FindOptions = {}): Array<StoredRow & { id: string }> {
    const fields = this.tables.fields(collection);
    const plan = planFilter(filter, fields);
    const where = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
    const params: SqlValue[] = [...plan.params];
    const orderBy = options.sort && options.sort.length > 0 ? planSort(options.sort, fields) : 'rowid ASC';
    // SQLite can page only when it alone decides both membership and order.
    const pushWindow = plan.exact && orderBy !== undefined;
    let sql = `SELECT id, doc, ver FROM ${this.tables.table(collection)} ${where} ORDER BY ${pushWindow ? orderBy : 'rowid ASC'}`;
    if (pushWindow && (options.limit !== undefined || options.skip)) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(options.limit ?? -1, options.skip ?? 0);
    }
    const rows = (this.tables.statement(sql).all(...params) as Array<{ id: string; doc: string; ver: number }>).map(
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
    const fields = this.tables.fields(collection);
    const plan = planFilter(filter, fields);
    if (plan.exact) {
      const where = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
      const row = this.tables.statement(`SELECT COUNT(*) AS n FROM ${this.tables.table(collection)} ${where}`).get(...plan.params) as {
        n: number;
      };
      return row.n;
    }
    return this.select(collection, filter).length;
  }
}
