/**
 * Transactions that survive contention. CloudBase (like MongoDB) fails a transaction whose
 * documents another transaction changed first; the SDK's runTransaction retries at once, which
 * under a crowd just collides again. Here each retry waits a random, growing pause first.
 */
import { database } from './cloudbase';
import { requestErrors } from '../../../src/shared/domainErrors';

export type Transaction = Awaited<ReturnType<ReturnType<typeof database>['startTransaction']>>;

const ATTEMPTS = 24;
const BASE_DELAY_MS = 4;
const MAX_DELAY_MS = 400;

function isConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls node-sdk sends without the transaction id (@cloudbase/database query.js and
 * collection.js: `where().update()`, `where().remove()`, `count()`, `aggregate()`, and the
 * collection-wide `update()`/`remove()`): on a transaction's collection they would run outside
 * it and survive its rollback, so here they throw instead. The lint rule in eslint.config.mjs
 * finds the direct calls; this also catches them through variables.
 */
const LEAKING_CALLS = new Set(['update', 'remove', 'count', 'aggregate']);
/** Methods that return another query over the same transaction's collection. */
const QUERY_BUILDERS = new Set(['where', 'orderBy', 'limit', 'skip', 'field', 'options']);

function guardQuery<Q extends object>(query: Q, path: string): Q {
  return new Proxy(query, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      if (LEAKING_CALLS.has(prop)) {
        return () => {
          throw new Error(`${path}.${prop}() is not sent with the transaction id by node-sdk and would run outside the transaction`);
        };
      }
      if (QUERY_BUILDERS.has(prop)) return (...args: unknown[]) => guardQuery((value as (...a: unknown[]) => object).apply(target, args), `${path}.${prop}(…)`);
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** The transaction as commands see it: its collections refuse the calls that would leave it. */
export function guardTransaction(tx: Transaction): Transaction {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'collection' && typeof value === 'function') {
        return (name: string) => guardQuery((value as (n: string) => object).call(target, name), `tx.collection(${name})`);
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Runs `work` in a transaction, retrying conflicts with jittered exponential backoff. */
export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return (await database().runTransaction((tx: Transaction) => work(guardTransaction(tx)), 0)) as T;
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (attempt + 1 >= ATTEMPTS) throw requestErrors.tooBusy();
      await sleep(Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
    }
  }
}
