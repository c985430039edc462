/** groups.reviewQueue: the applications waiting for this staff member (each grant reviews one level in its region). */
import type { ApplicationView } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { pendingApplications, type GroupDoc } from '../../repositories/groups';
import { regionDirectory } from '../../repositories/regions';
import { applicationViews } from './application';

/** Applications waiting for this staff member: each grant reviews one level in its region. */
export async function reviewQueue(actor: Actor, offset: number, limit: number): Promise<{ items: ApplicationView[]; total: number; hasMore: boolean }> {
  const regionField = { committee: 'communityId', street: 'streetId', county: 'countyId' } as const;
  const levelOf = { committee: 'community', street: 'filed', county: 'registered' } as const;
  const pending: GroupDoc[] = [];
  // A grid worker's grant reviews nothing.
  for (const grant of actor.grants) {
    if (grant.role === 'grid') continue;
    pending.push(...(await pendingApplications(regionField[grant.role], grant.regionId, levelOf[grant.role])));
  }
  const unique = [...new Map(pending.map((g) => [g._id, g])).values()].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const page = unique.slice(offset, offset + limit);
  return { items: await applicationViews(page, await regionDirectory()), total: unique.length, hasMore: offset + page.length < unique.length };
}
