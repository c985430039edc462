/**
 * Transactions that survive contention. CloudBase (like MongoDB) fails a transaction whose
 * documents another transaction changed first; the SDK's runTransaction retries at once, which
 * under a crowd just collides again. Here each retry waits a random, growing pause first.
 */
import { AppError } from '../../../src/shared/errors';
import { database } from './cloudbase';

export type Transaction = Awaited<ReturnType<ReturnType<typeof database>['startTransaction']>>;

const ATTEMPTS = 24;
const BASE_DELAY_MS = 4;
const MAX_DELAY_MS = 400;

function isConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` in a transaction, retrying conflicts with jittered exponential backoff. */
export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return (await database().runTransaction(work, 0)) as T;
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (attempt + 1 >= ATTEMPTS) throw new AppError('CONFLICT', '同时操作的人太多了，请稍后再试');
      await sleep(Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
    }
  }
}
