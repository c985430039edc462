/**
 * Request idempotency: the first result of a mutation (errors included) is stored per actor
 * and replayed for 24 h to any retry with the same requestId. A claim document is written
 * before the command runs, so concurrent retries wait for the first attempt instead of
 * running the command twice.
 */
import type { Envelope } from '../../../src/shared/errors';
import { AppError } from '../../../src/shared/errors';
import { Collections } from '../repositories/collections';
import { database } from './cloudbase';
import { isDuplicateError } from './dbErrors';
import { digest } from './hash';
import { openPersonal, sealPersonal } from '../privacy/personalData';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim older than this belongs to an attempt that died; a retry may take it over. */
const STALE_CLAIM_MS = 30_000;
const WAIT_STEP_MS = 15;
const WAIT_LIMIT_MS = 20_000;

interface IdempotencyDoc {
  _id: string;
  userId: string;
  action: string;
  inputHash: string;
  status: 'pending' | 'done';
  /** The stored result, sealed: replies may carry personal data (e.g. a member's view of contacts). */
  envelopeSealed: string | null;
  claimedAt: Date;
  expiresAt: Date;
}

export type Claim = { kind: 'claimed'; key: string } | { kind: 'replay'; envelope: Envelope<unknown> };

const records = () => database().collection(Collections.idempotency);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Claims a requestId for this actor and action, or returns the stored result to replay. */
export async function claimRequest(userId: string, action: string, requestId: string, inputHash: string): Promise<Claim> {
  const key = digest('idem', userId, requestId);
  const started = Date.now();
  for (;;) {
    const now = new Date();
    try {
      await records().add({
        _id: key,
        userId,
        action,
        inputHash,
        status: 'pending',
        envelopeSealed: null,
        claimedAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      });
      return { kind: 'claimed', key };
    } catch (error) {
      if (!isDuplicateError(error)) throw error;
    }
    const { data } = await records().doc(key).get();
    const existing = data[0] as IdempotencyDoc | undefined;
    if (!existing) continue; // removed between our add and get: try the claim again
    if (existing.action !== action || existing.inputHash !== inputHash) {
      throw new AppError('IDEMPOTENCY_MISMATCH', '同一个请求编号被用于不同的操作');
    }
    if (existing.expiresAt.getTime() <= now.getTime()) {
      await records().doc(key).remove();
      continue;
    }
    if (existing.status === 'done' && existing.envelopeSealed) {
      return { kind: 'replay', envelope: JSON.parse(openPersonal(existing.envelopeSealed)) as Envelope<unknown> };
    }
    if (now.getTime() - existing.claimedAt.getTime() > STALE_CLAIM_MS) {
      const _ = database().command;
      const taken = await records()
        .where({ _id: key, status: 'pending', claimedAt: _.lte(existing.claimedAt) })
        .update({ claimedAt: now });
      if (taken.updated === 1) return { kind: 'claimed', key };
    }
    if (Date.now() - started > WAIT_LIMIT_MS) throw new AppError('CONFLICT', '请求正在处理中，请稍后再试');
    await sleep(WAIT_STEP_MS);
  }
}

/** Stores the result of a claimed request for replay. */
export async function completeRequest(key: string, envelope: Envelope<unknown>): Promise<void> {
  await records().doc(key).update({ status: 'done', envelopeSealed: sealPersonal(JSON.stringify(envelope)) });
}

/** Drops a claim whose attempt failed unexpectedly, so a retry can run. */
export async function releaseRequest(key: string): Promise<void> {
  await records().where({ _id: key, status: 'pending' }).remove();
}

/** Deletes expired records (run by a timer). */
export async function sweepExpiredRequests(now: Date): Promise<number> {
  const _ = database().command;
  const result = await records()
    .where({ expiresAt: _.lt(now) })
    .remove();
  return Number(result.deleted ?? 0);
}
