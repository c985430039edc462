/**
 * Fixed-window rate limits per actor and action, kept in the database so every function
 * instance shares them. The happy path is one conditional increment.
 */
import { AppError } from '../../../src/shared/errors';
import { Collections } from '../repositories/collections';
import { database } from './cloudbase';
import { isDuplicateError } from './dbErrors';
import { digest } from './hash';

import type { RateLimit } from '../../../src/shared/api/contract';

export type { RateLimit };

/** Counts one call; throws RATE_LIMITED when the window is full. */
export async function consumeRateLimit(userId: string, action: string, rule: RateLimit, now: Date): Promise<void> {
  const windowStart = Math.floor(now.getTime() / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000;
  const id = digest('rate', userId, action, String(windowStart));
  const counters = database().collection(Collections.rateLimits);
  const _ = database().command;
  // A few rounds cover the race where a concurrent first call creates the counter between
  // our conditional increment and our insert.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const bumped = await counters.where({ _id: id, count: _.lt(rule.limit) }).update({ count: _.inc(1) });
    if (bumped.updated === 1) return;
    const { data } = await counters.doc(id).get();
    const counter = data[0] as { count: number } | undefined;
    if (counter && counter.count >= rule.limit) throw new AppError('RATE_LIMITED', '操作太频繁，请稍后再试');
    if (counter) continue;
    try {
      await counters.add({
        _id: id,
        userId,
        action,
        count: 1,
        expiresAt: new Date(windowStart + rule.windowSeconds * 1000 * 2),
      });
      return;
    } catch (error) {
      if (!isDuplicateError(error)) throw error;
    }
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
