/** Counters (collection counters): sequence numbers taken inside a transaction, so no two callers get the same. */
import type { Transaction } from '../runtime/transactions';
import { Collections } from './collections';

/** Takes the next number of a counter (1 for a new one) inside the transaction. */
export async function nextCount(counterId: string, tx: Transaction): Promise<number> {
  const { data } = (await tx.collection(Collections.counters).doc(counterId).get()) as { data: { value: number } | null };
  const value = (data?.value ?? 0) + 1;
  await tx.collection(Collections.counters).doc(counterId).set({ value });
  return value;
}
