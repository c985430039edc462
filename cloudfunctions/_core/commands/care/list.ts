/**
 * care.list: the committee reads its community's register (active people due soonest first, or
 * the closed ones); anyone else — with or without a community named — gets only the people she
 * is paired with, so a volunteer never learns who else is on the register.
 */
import { careCommunityPolicies } from '../../../../src/shared/policies/care';
import { openedRecipient } from '../../authz/care';
import type { CareListInput, CareListOutput } from '../../../../src/shared/schemas/care';
import type { Actor } from '../../authz/actor';
import { allows } from '../../authz/authorize';
import { activePairingsOf, careResource, scopeOfCommunity } from '../../authz/care';
import { loadCommunity } from '../../authz/communities';
import { presentRecipient } from '../../presenters/care';
import { pairsOfRecipients } from '../../repositories/carePairs';
import { recipientsByIds, recipientsOfCommunity } from '../../repositories/careRecipients';
import { regionDirectory } from '../../repositories/regions';
import { chinaDayOf } from '../../runtime/chinaDay';

/** The register for the committee, else the actor's own people. */
export async function listRecipients(actor: Actor, input: CareListInput, now: Date): Promise<CareListOutput> {
  const today = chinaDayOf(now);
  const community = input.communityId ? await loadCommunity(input.communityId) : null;
  if (community && allows(careCommunityPolicies, 'care.list', actor, scopeOfCommunity(community))) {
    const page = await recipientsOfCommunity(community._id, input.status ?? 'active', input.offset, input.limit);
    const pairs = await pairsOfRecipients(page.docs.map((d) => d._id));
    const items = page.docs.map((doc) => {
      const all = pairs.get(doc._id) ?? [];
      return presentRecipient(actor, doc, openedRecipient(doc), community, all, careResource(doc, community, []), today);
    });
    return { items, total: page.total, hasMore: page.hasMore };
  }
  // The paired see active people only: closing care ends every pairing.
  if (input.status === 'closed') return { items: [], total: 0, hasMore: false };
  const mine = await activePairingsOf(actor);
  const [docs, directory, pairs] = await Promise.all([recipientsByIds([...mine.keys()]), regionDirectory(), pairsOfRecipients([...mine.keys()])]);
  const visible = docs
    .filter((doc) => doc.status === 'active' && (!community || doc.communityId === community._id))
    .sort((a, b) => a.dueDay.localeCompare(b.dueDay) || a._id.localeCompare(b._id));
  const items = visible.slice(input.offset, input.offset + input.limit).flatMap((doc) => {
    const region = directory.get(doc.communityId);
    const own = mine.get(doc._id);
    return region && own ? [presentRecipient(actor, doc, openedRecipient(doc), region, pairs.get(doc._id) ?? [], careResource(doc, region, [own]), today)] : [];
  });
  return { items, total: visible.length, hasMore: input.offset + input.limit < visible.length };
}
