/**
 * Fixed-window rate limits per actor and action, kept in the database so every function
 * instance shares them. The happy path is one round trip: an insert for the first call of a
 * window, a conditional increment after it.
 */
import { AppError } from '../../../src/shared/errors';
import { Collections } from '../repositories/collections';
import { database } from './cloudbase';
import { isDuplicateError } from './dbErrors';
import { digest } from './hash';

import type { RateLimit } from '../../../src/shared/api/contract';

export type { RateLimit };

/**
 * Counters this warm instance has seen exist, by id, with the end of their window. A counter
 * not seen yet is most likely new (a first call in the window), so it is inserted first: one
 * round trip instead of a failed increment, a read and an insert. Only a hint — a wrong guess
 * costs one extra round trip, never a wrong count.
 */
const knownCounters = new Map<string, number>();
const KNOWN_COUNTERS_MAX = 20_000;

function remember(id: string, windowEnd: number, now: number): void {
  if (knownCounters.size >= KNOWN_COUNTERS_MAX) {
    for (const [key, end] of knownCounters) if (end <= now) knownCounters.delete(key);
    if (knownCounters.size >= KNOWN_COUNTERS_MAX) knownCounters.clear();
  }
  knownCounters.set(id, windowEnd);
}

/** Counts one call; throws RATE_LIMITED when the window is full. */
export async function consumeRateLimit(userId: string, action: string, rule: RateLimit, now: Date): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const id = digest('rate', userId, action, String(windowStart));
  const counters = database().collection(Collections.rateLimits);
  const _ = database().command;
  // A few rounds cover the races of concurrent first calls and of a sweep removing the counter.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (!knownCounters.has(id)) {
      try {
        await counters.add({ _id: id, userId, action, count: 1, expiresAt: new Date(windowStart + windowMs * 2) });
        remember(id, windowStart + windowMs, now.getTime());
        return;
      } catch (error) {
        if (!isDuplicateError(error)) throw error;
        remember(id, windowStart + windowMs, now.getTime());
      }
    }
    const bumped = await counters.where({ _id: id, count: _.lt(rule.limit) }).update({ count: _.inc(1) });
    if (bumped.updated === 1) return;
    const { data } = await counters.doc(id).get();
    const counter = data[0] as { count: number } | undefined;
    if (counter && counter.count >= rule.limit) throw new AppError('RATE_LIMITED', '操作太频繁，请稍后再试');
    if (!counter) knownCounters.delete(id);
  }
  throw new AppError('RATE_LIMITED', '操作太频繁，请稍后再试');
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
