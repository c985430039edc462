/**
 * The store's SQLite schema: one table per collection (id, JSON document, version), each with
 * the shared index declarations built as expression indexes, and the prepared statements that
 * run over them (preparing costs more than running most queries, so they are cached).
 */
import type Database from 'better-sqlite3';
import type { IndexDeclaration, IndexField } from '../../_core/repositories/indexDeclaration';
import { DbError, DbErrorCodes } from './errors';
import { fieldExpression, indexedFields } from './planner';

const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

function tableName(collection: string): string {
  return `c_${collection}`;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** The collections' tables in one SQLite database, and what each has indexed. */
export class CollectionTables {
  private readonly fieldsByCollection = new Map<string, Map<string, IndexField>>();
  /** Prepared statements by SQL text. */
  private readonly statements = new Map<string, Database.Statement>();

  /** Registers the tables the file already holds (a restart keeps its collections). */
  constructor(
    private readonly db: Database.Database,
    private readonly indexes: IndexDeclaration[],
  ) {
    const rows = this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`)
      .all() as Array<{ name: string }>;
    for (const { name } of rows) this.register(name.slice(2));
  }

  /** A cached prepared statement. */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The quoted SQL name of a collection's table. */
  table(collection: string): string {
    return quote(tableName(collection));
  }

  has(name: string): boolean {
    return this.fieldsByCollection.has(name);
  }

  list(): string[] {
    return [...this.fieldsByCollection.keys()].sort();
  }

  /** Creates a collection with its declared indexes; false when it already existed. */
  create(name: string): boolean {
    if (!COLLECTION_NAME.test(name)) throw new DbError(DbErrorCodes.invalidParam, `invalid collection name: ${name}`);
    if (this.has(name)) return false;
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${quote(tableName(name))} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL, ver INTEGER NOT NULL)`,
    );
    this.register(name);
    return true;
  }

  drop(name: string): boolean {
    if (!this.has(name)) return false;
    this.db.exec(`DROP TABLE ${quote(tableName(name))}`);
    this.statements.clear();
    this.fieldsByCollection.delete(name);
    return true;
  }

  /** The indexed fields of an existing collection; a missing one is CloudBase's error. */
  fields(collection: string): Map<string, IndexField> {
    const fields = this.fieldsByCollection.get(collection);
    if (!fields) throw new DbError(DbErrorCodes.collectionNotExist, `collection ${collection} does not exist`);
    return fields;
  }

  private register(name: string): void {
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
}
