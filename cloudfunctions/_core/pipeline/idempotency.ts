/**
 * Request idempotency: the first result of a mutation (errors included) is stored per actor
 * and replayed for 24 h to any retry with the same requestId; the same id with other input is
 * IDEMPOTENCY_MISMATCH.
 *
 * The request is claimed by marking its id on the caller's user document (`req.<key>`) in the
 * same conditional write that counts the call (rateLimit.ts): a write that only succeeds while
 * the mark is absent, so of concurrent attempts exactly one runs the command; the others find
 * the mark and wait for the stored result. The result is stored in the idempotency collection
 * under the request's key before the caller is answered — or kept by the command with its own
 * write, where a retry finds it (createHandler's KeepableRequest: the sign-up crowd). A mark whose result never came (the
 * attempt died) may be taken over after STALE_CLAIM_MS. Marks are kept two days, longer than
 * results, so a retry is recognised as long as its result can be replayed.
 */
import type { Envelope } from '../../../src/shared/errors';
import { asError } from '../../../src/shared/errors';
import { Collections } from '../repositories/collections';
import type { UserDoc } from '../repositories/users';
import { database } from '../runtime/cloudbase';
import { Coalescer } from '../runtime/coalesce';
import { digest } from '../runtime/hash';
import { openPersonal, sealPersonal } from '../privacy/personalData';
import type { RequestMark } from './rateLimit';
import { requestErrors } from '../../../src/shared/domainErrors';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Marks are pruned after this: past the replay window, a reused id is simply a new request. */
const MARK_TTL_MS = 2 * IDEMPOTENCY_TTL_MS;
/** A mark older than this without a result belongs to an attempt that died; a retry may take it over. */
const STALE_CLAIM_MS = 30_000;
const WAIT_STEP_MS = 15;
const WAIT_LIMIT_MS = 20_000;

interface IdempotencyDoc {
  _id: string;
  userId: string;
  action: string;
  inputHash: string;
  status: 'done';
  /** The stored result, sealed: replies may carry personal data (e.g. a member's view of contacts). */
  envelopeSealed: string;
  claimedAt: Date;
  expiresAt: Date;
}

/** One mutation's request: where its result is kept and the mark that claims it. */
export interface RequestTicket {
  userId: string;
  key: string;
  action: string;
  inputHash: string;
  mark: RequestMark;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; envelope: Envelope<unknown> };

const records = () => database().collection(Collections.idempotency);
const users = () => database().collection(Collections.users);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The mark's value: which action and input it was for, and when it was made. */
function markValue(action: string, inputHash: string, at: Date): string {
  return `${digest('mark', action, inputHash).slice(0, 16)}:${Math.floor(at.getTime() / 1000)}`;
}

function markParts(value: string): { tag: string; at: number } {
  const [tag = '', seconds = '0'] = value.split(':');
  return { tag, at: Number(seconds) * 1000 };
}

/** The ticket of a request id of this user (the mark is made with the call's count). */
export function requestTicket(userId: string, action: string, requestId: string, inputHash: string, now: Date): RequestTicket {
  const key = digest('idem', userId, requestId);
  return { userId, key, action, inputHash, mark: { field: `req.${key.slice(0, 20)}`, value: markValue(action, inputHash, now) } };
}

/**
 * For a request whose mark was found already (a retry, or a concurrent duplicate): the stored
 * result to replay — waiting while the first attempt runs — or the claim when that attempt died.
 */
export async function settleSeenRequest(ticket: RequestTicket, user: UserDoc, findKept?: () => Promise<string | null>): Promise<Claim> {
  const markKey = ticket.mark.field.slice('req.'.length);
  let mark = user.req?.[markKey];
  const started = Date.now();
  for (;;) {
    if (mark === undefined) {
      // The mark was released (the attempt failed unexpectedly): claim it afresh.
      const _ = database().command;
      const taken = await users().where({ _id: ticket.userId, [ticket.mark.field]: _.exists(false) }).update({ [ticket.mark.field]: ticket.mark.value });
      if (taken.updated === 1) return { kind: 'claimed' };
    } else {
      const { tag, at } = markParts(mark);
      if (tag !== markParts(ticket.mark.value).tag) throw requestErrors.requestIdReused();
      // A result the command kept with its own write (createHandler's KeepableRequest) is asked
      // for first: a retry of the sign-up crowd costs its mark and this one read.
      const kept = findKept ? await findKept() : null;
      if (kept !== null) return { kind: 'replay', envelope: JSON.parse(kept) as Envelope<unknown> };
      const { data } = await records().doc(ticket.key).get();
      const stored = data[0] as IdempotencyDoc | undefined;
      const now = Date.now();
      if (stored && stored.expiresAt.getTime() > now) {
        if (stored.action !== ticket.action || stored.inputHash !== ticket.inputHash) throw requestErrors.requestIdReused();
        return { kind: 'replay', envelope: JSON.parse(openPersonal(stored.envelopeSealed)) as Envelope<unknown> };
      }
      if (now - at > STALE_CLAIM_MS) {
        // No result after all this time: the attempt died (or its result has expired). Take the
        // mark over — only if it is still the one seen, so a single retry wins.
        const taken = await users().where({ _id: ticket.userId, [ticket.mark.field]: mark }).update({ [ticket.mark.field]: ticket.mark.value });
        if (taken.updated === 1) return { kind: 'claimed' };
      }
    }
    if (Date.now() - started > WAIT_LIMIT_MS) throw requestErrors.stillProcessing();
    await sleep(WAIT_STEP_MS);
    const { data } = await users().doc(ticket.userId).get();
    mark = (data[0] as UserDoc | undefined)?.req?.[markKey];
  }
}

/**
 * Results stored by the requests of this instance finishing together go in one insert; should
 * it fail (an expired record of a reused id still there), each is written on its own with `set`,
 * which is right whatever part of the batch got in.
 */
const resultWrites = new Coalescer<IdempotencyDoc, Error | null>(async (_key, docs) => {
  try {
    await records().add(docs);
    return docs.map(() => null);
  } catch {
    // Each caller hears only of its own write: one that failed is not everyone's failure.
    const written = await Promise.allSettled(docs.map(({ _id, ...fields }) => records().doc(_id).set(fields)));
    return written.map((outcome) => (outcome.status === 'fulfilled' ? null : asError(outcome.reason)));
  }
});

/** Stores the result of a claimed request for replay (before the caller is answered). */
export async function completeRequest(ticket: RequestTicket, envelope: Envelope<unknown>, now: Date): Promise<void> {
  const failed = await resultWrites.submit('results', {
    _id: ticket.key,
    userId: ticket.userId,
    action: ticket.action,
    inputHash: ticket.inputHash,
    status: 'done',
    envelopeSealed: sealPersonal(JSON.stringify(envelope)),
    claimedAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
  });
  if (failed) throw failed;
}

/** Drops the mark of an attempt that failed unexpectedly, so a retry runs again. */
export async function releaseRequest(ticket: RequestTicket): Promise<void> {
  const _ = database().command;
  await users().where({ _id: ticket.userId, [ticket.mark.field]: ticket.mark.value }).update({ [ticket.mark.field]: _.remove() });
}

/**
 * Prunes marks past their two days from a user document just read. Rare (a returning user); a
 * failure only leaves them for the next call.
 */
export async function pruneOldMarks(user: UserDoc, now: Date): Promise<void> {
  const old = Object.entries(user.req ?? {}).filter(([, value]) => now.getTime() - markParts(value).at > MARK_TTL_MS);
  if (old.length === 0) return;
  const _ = database().command;
  await users()
    .doc(user._id)
    .update(Object.fromEntries(old.map(([key]) => [`req.${key}`, _.remove()])));
}

/** Deletes expired records (run by a timer). */
export async function sweepExpiredRequests(now: Date): Promise<number> {
  const _ = database().command;
  const result = await records()
    .where({ expiresAt: _.lt(now) })
    .remove();
  return Number(result.deleted ?? 0);
}
