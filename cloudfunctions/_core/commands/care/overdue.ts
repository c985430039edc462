/** care.overdue: the committee's list of people whose last visit is older than their frequency, the longest overdue first. */
import type { CareOverdueOutput } from '../../../../src/shared/schemas/care';
import type { Actor } from '../../authz/actor';
import { loadRegisterCommunity } from '../../authz/care';
import { daysFrom } from '../../presenters/care';
import { pairsOfRecipients } from '../../repositories/carePairs';
import { overdueOfCommunity } from '../../repositories/careRecipients';
import { chinaDayOf } from '../../runtime/chinaDay';

/** A page of the community's overdue people with whom each is paired. */
export async function overdueList(actor: Actor, input: { communityId: string; offset: number; limit: number }, now: Date): Promise<CareOverdueOutput> {
  const region = await loadRegisterCommunity(actor, input.communityId, 'care.overdue');
  const today = chinaDayOf(now);
  const page = await overdueOfCommunity(region._id, today, input.offset, input.limit);
  const pairs = await pairsOfRecipients(page.docs.map((d) => d._id));
  return {
    items: page.docs.map((doc) => ({
      recipientId: doc._id,
      name: doc.name,
      category: doc.category,
      lastVisitDate: doc.lastVisitDay,
      dueDate: doc.dueDay,
      daysOverdue: -daysFrom(today, doc.dueDay),
      pairedWith: (pairs.get(doc._id) ?? []).filter((p) => p.status === 'active').map((p) => p.name),
    })),
    total: page.total,
    hasMore: page.hasMore,
  };
}
