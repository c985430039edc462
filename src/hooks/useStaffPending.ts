/**
 * What waits for a staff member, queue by queue: reports, appeals, group applications, hour
 * reviews and proof requests. One `limit: 1` call per queue (the totals are what badges show);
 * a queue that fails to answer counts as unknown and leaves the others standing.
 */
import { call } from '../services/cloud';
import { useAsync, type AsyncState } from './useAsync';

export interface StaffPending {
  queue: number | null;
  appeals: number | null;
  review: number | null;
  hours: number | null;
  proofs: number | null;
}

const totalOf = (page: Promise<{ total: number }>) => page.then((p) => p.total).catch(() => null);

/** Loads the waiting counts when `enabled` (staff only); `reload` after the person comes back. */
export function useStaffPending(enabled: boolean): AsyncState<StaffPending> {
  return useAsync(
    async () => {
      const [queue, appeals, review, hours, proofs] = await Promise.all([
        totalOf(call('moderation.queue', { state: 'open', limit: 1 })),
        totalOf(call('moderation.queue', { state: 'appealed', limit: 1 })),
        totalOf(call('groups.reviewQueue', { limit: 1 })),
        // Hour self-reports and corrections (past 3 days they count as overdue).
        totalOf(call('hours.queue', { limit: 1 })),
        totalOf(call('proofs.queue', { limit: 1 })),
      ]);
      return { queue, appeals, review, hours, proofs };
    },
    [enabled],
    { enabled },
  );
}

/** Everything waiting, of the queues that answered. */
export function pendingTotal(pending: StaffPending | null): number {
  return pending ? Object.values(pending).reduce<number>((sum, n) => sum + (n ?? 0), 0) : 0;
}
