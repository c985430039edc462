/**
 * What staff see of notices that did not reach the phone (`notify_failures`, written by the
 * notifier with the recipient's home community): over the last 7 days in the communities of
 * their region, counts by notice kind and by WeChat error code, and the latest failures with
 * the recipient's nickname masked. The inbox holds every one of these notices regardless.
 */
import type { NotifyFailuresSummaryOutput } from '../../../src/shared/schemas/console';
import { maskNickname } from '../privacy/personalData';
import { Collections } from '../repositories/collections';
import { regionDirectory } from '../repositories/regions';
import { nicknamesOf } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { consoleErrors } from '../../../src/shared/domainErrors';

const DAY = 24 * 3600_000;
export const FAILURE_WINDOW_DAYS = 7;
/** Failures counted at most (newest first): a bounded read whatever the region's size. */
export const FAILURES_COUNTED = 1000;
const LATEST = 20;

interface FailureDoc {
  _id: string;
  userId: string;
  communityId: string | null;
  kind: string;
  errcode: number;
  message: string;
  createdAt: Date;
}

/** Counts of a list by a key, largest first. */
function countBy<T, K extends string | number>(items: T[], key: (item: T) => K): Array<{ key: K; count: number }> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count);
}

/** The failure summary of a region for staff on it or above it; any other caller is told it does not exist. */
export async function notifyFailuresSummary(actor: Actor, regionId: string, now: Date): Promise<NotifyFailuresSummaryOutput> {
  const regions = await regionDirectory();
  const region = regions.get(regionId);
  if (!region || !actor.grants.some((g) => g.regionId === region._id || region.ancestorIds.includes(g.regionId))) {
    throw consoleErrors.regionOutOfScope();
  }
  const communities = [...regions.values()].filter((r) => r.level === 'community' && (r._id === region._id || r.ancestorIds.includes(region._id))).map((r) => r._id);
  const since = new Date(now.getTime() - FAILURE_WINDOW_DAYS * DAY);
  const _ = database().command;
  const where = { communityId: _.in(communities), createdAt: _.gte(since) };
  const failures = database().collection(Collections.notifyFailures);
  const [page, count] =
    communities.length === 0
      ? [{ data: [] }, { total: 0 }]
      : await Promise.all([failures.where(where).orderBy('createdAt', 'desc').limit(FAILURES_COUNTED).get(), failures.where(where).count()]);
  const docs = page.data as FailureDoc[];
  const latest = docs.slice(0, LATEST);
  const nicknames = await nicknamesOf(latest.map((f) => f.userId));
  return {
    regionId,
    since: since.toISOString(),
    total: count.total,
    counted: docs.length,
    byKind: countBy(docs, (f) => f.kind).map(({ key, count: n }) => ({ kind: key, count: n })),
    byError: countBy(docs, (f) => f.errcode).map(({ key, count: n }) => ({ errcode: key, count: n })),
    latest: latest.map((f) => ({
      id: f._id,
      kind: f.kind,
      errcode: f.errcode,
      message: f.message,
      recipient: maskNickname(nicknames.get(f.userId) ?? ''),
      createdAt: f.createdAt.toISOString(),
    })),
  };
}
