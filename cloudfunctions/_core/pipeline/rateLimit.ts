/**
 * Fixed-window rate limits per actor and action, kept in the database so every function
 * instance shares them. A signed-in caller's counters live on their user document, so counting
 * the call and loading the caller is one round trip (`countCallOnUser`); anonymous callers share
 * counters of their own (`consumeRateLimit`): an insert for the first call of a window, a
 * conditional increment after it.
 */
import { Collections } from '../repositories/collections';
import type { UserDoc } from '../repositories/users';
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { digest } from '../runtime/hash';

import type { RateLimit } from '../../../src/shared/api/contract';
import { requestErrors } from '../../../src/shared/domainErrors';

export type { RateLimit };

const rateLimited = () => requestErrors.tooFrequent();

/**
 * What this warm instance has seen of counters: the window each one was last seen open in,
 * until that window ends. Only a hint, bounded — a wrong guess costs one more round trip, never
 * a wrong count.
 */
class WindowHints {
  private readonly seen = new Map<string, { start: number; end: number }>();
  private static readonly MAX = 20_000;

  windowOf(key: string, now: number): number | undefined {
    const hint = this.seen.get(key);
    return hint && hint.end > now ? hint.start : undefined;
  }

  remember(key: string, start: number, end: number, now: number): void {
    if (this.seen.size >= WindowHints.MAX) {
      for (const [k, hint] of this.seen) if (hint.end <= now) this.seen.delete(k);
      if (this.seen.size >= WindowHints.MAX) this.seen.clear();
    }
    this.seen.set(key, { start, end });
  }

  forget(key: string): void {
    this.seen.delete(key);
  }
}

/** Anonymous counters seen to exist: a counter not seen yet is most likely new, so it is inserted first. */
const knownCounters = new WindowHints();

/** Counts one call; throws RATE_LIMITED when the window is full. */
export async function consumeRateLimit(userId: string, action: string, rule: RateLimit, now: Date): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const id = digest('rate', userId, action, String(windowStart));
  const counters = database().collection(Collections.rateLimits);
  const _ = database().command;
  // A few rounds cover the races of concurrent first calls and of a sweep removing the counter.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (knownCounters.windowOf(id, now.getTime()) === undefined) {
      try {
        await counters.add({ _id: id, userId, action, count: 1, expiresAt: new Date(windowStart + windowMs * 2) });
        knownCounters.remember(id, windowStart, windowStart + windowMs, now.getTime());
        return;
      } catch (error) {
        if (!isDuplicateError(error)) throw error;
        knownCounters.remember(id, windowStart, windowStart + windowMs, now.getTime());
      }
    }
    const bumped = await counters.where({ _id: id, count: _.lt(rule.limit) }).update({ count: _.inc(1) });
    if (bumped.updated === 1) return;
    const { data } = await counters.doc(id).get();
    const counter = data[0] as { count: number } | undefined;
    if (counter && counter.count >= rule.limit) throw rateLimited();
    if (!counter) knownCounters.forget(id);
  }
  throw rateLimited();
}

/** Windows seen open on users' counters (user and action): a known window tries the increment first. */
const knownWindows = new WindowHints();

/** A request id to mark on the user document in the same write (see idempotency.ts). */
export interface RequestMark {
  /** The field of the mark, `req.<key>`. */
  field: string;
  value: string;
}

/** Said instead of a counted call when `onMiss` answered the call from a result kept for it. */
export const ANSWERED_FROM_KEPT = 'answered-from-kept' as const;

/** The caller after counting: `seen` when the request was marked before (a retry; not counted again). */
export interface CountedCall {
  user: UserDoc;
  seen: boolean;
}

/**
 * Counts one call of a signed-in user on their own document (`rate.<action>`: the window's start
 * and its count) and returns the document as it is after the count — the caller is loaded by the
 * same round trip, and a mutation's request id is marked by it too (unless marked already: then
 * nothing is written and the call is `seen`). Null when the user has no document yet (nothing
 * was counted). Throws RATE_LIMITED when the window is full (nothing is written then).
 * `onMiss` is called once when the first write matched nothing (most often a retry's mark),
 * before the document is read to see why: what the caller needs then can go out beside that
 * read, and when it says true (the call is answered already: a resend replayed from a kept
 * result) nothing is read and ANSWERED_FROM_KEPT is returned.
 */
export async function countCallOnUser(userId: string, action: string, rule: RateLimit, now: Date, mark?: RequestMark, onMiss?: () => Promise<boolean>): Promise<CountedCall | null | typeof ANSWERED_FROM_KEPT> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  // Field names may not hold dots: `signups.create` is counted under `rate.signups_create`.
  const field = `rate.${action.replace(/\./g, '_')}`;
  const key = `${userId}|${action}`;
  const users = database().collection(Collections.users);
  const _ = database().command;
  const unmarked = mark ? { [mark.field]: _.exists(false) } : {};
  const marking = mark ? { [mark.field]: mark.value } : {};
  const openWindow = async () =>
    (await users
      .where({ _id: userId, [`${field}.w`]: _.neq(windowStart), ...unmarked })
      .updateAndReturn({ [`${field}.w`]: windowStart, [`${field}.n`]: 1, ...marking })) as { doc?: UserDoc | null };
  const bump = async () =>
    (await users
      .where({ _id: userId, [`${field}.w`]: windowStart, [`${field}.n`]: _.lt(rule.limit), ...unmarked })
      .updateAndReturn({ [`${field}.n`]: _.inc(1), ...marking })) as { doc?: UserDoc | null };
  // The first try is the likely one (this instance's hint); when it matches nothing, the document
  // itself says why — a retry's mark, a full window, the other try — instead of trying blind: a
  // retry costs two requests, not three. A few rounds cover a window opened or filled by a
  // concurrent call in between.
  let attempt = knownWindows.windowOf(key, now.getTime()) === windowStart ? bump : openWindow;
  for (let round = 0; round < 4; round += 1) {
    const { doc } = await attempt();
    if (doc) {
      knownWindows.remember(key, windowStart, windowStart + windowMs, now.getTime());
      return { user: doc, seen: false };
    }
    // Its own request (if any) goes out before the read below, so both share a round trip.
    if (round === 0 && onMiss && (await onMiss())) return ANSWERED_FROM_KEPT;
    const { data } = await users.doc(userId).get();
    const user = data[0] as UserDoc | undefined;
    if (!user) return null;
    if (mark && user.req?.[mark.field.slice('req.'.length)] !== undefined) return { user, seen: true };
    const counter = user.rate?.[field.slice('rate.'.length)];
    if (counter && counter.w === windowStart && counter.n >= rule.limit) throw rateLimited();
    attempt = counter && counter.w === windowStart ? bump : openWindow;
  }
  throw rateLimited();
}

/** Deletes counters of past windows (run by a timer). */
export async function sweepExpiredRateLimits(now: Date): Promise<number> {
  const _ = database().command;
  const result = await database()
    .collection(Collections.rateLimits)
    .where({ expiresAt: _.lt(now) })
    .remove();
  return Number(result.deleted ?? 0);
}
