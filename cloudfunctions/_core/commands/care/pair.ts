/**
 * care.pair: the committee pairs a registered volunteer or a group with a person (结对). The
 * volunteer (or the group's leader) is told to look at "我的结对" — without the person's name,
 * which only the pages that check who is asking show.
 */
import { carePolicies } from '../../../../src/shared/policies/care';
import { openedRecipient } from '../../authz/care';
import type { CarePairInput, CareRecipientView } from '../../../../src/shared/schemas/care';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleRecipient } from '../../authz/care';
import { notifier } from '../../ports/notify';
import { presentRecipient } from '../../presenters/care';
import { pairIdOf, pairsOfRecipient, putPair, type CarePairDoc } from '../../repositories/carePairs';
import { findGroup } from '../../repositories/groups';
import type { RegionDoc } from '../../repositories/regions';
import { findUser } from '../../repositories/users';
import { findVolunteerByNo } from '../../repositories/volunteers';
import { chinaDayOf } from '../../runtime/chinaDay';
import { auditCare } from './audit';
import { careErrors } from '../../../../src/shared/domainErrors';

/** Who the pairing is with: an active volunteer, or an active group of the community or its street (with whom to tell). */
async function partyOf(input: CarePairInput, region: RegionDoc): Promise<{ kind: CarePairDoc['kind']; partyId: string; name: string; tell: string | null; group: string | null }> {
  if (input.volunteerNo) {
    const volunteer = await findVolunteerByNo(input.volunteerNo);
    if (!volunteer || volunteer.status !== 'active') throw careErrors.volunteerNotFound();
    const user = await findUser(volunteer.userId);
    return { kind: 'volunteer', partyId: volunteer.userId, name: user?.nickname ?? volunteer.nameMasked, tell: volunteer.userId, group: null };
  }
  const group = await findGroup(input.groupId!);
  const streetId = region.ancestorIds[1];
  const nearby = group && (group.communityId === region._id || group.streetId === streetId);
  if (!group || group.status !== 'active' || !nearby) throw careErrors.groupNotEligible();
  return { kind: 'group', partyId: group._id, name: group.name, tell: group.leaderId, group: group.name };
}

/** Pairs a volunteer or group with the person; pairing again after an unpairing starts it anew. */
export async function pairWithRecipient(actor: Actor, input: CarePairInput, requestId: string, now: Date): Promise<CareRecipientView> {
  const { doc, region, pairs, resource } = await loadVisibleRecipient(actor, input.recipientId);
  if (doc.status !== 'active') throw careErrors.closed();
  authorize(carePolicies, 'care.pair', actor, resource);
  const party = await partyOf(input, region);
  const pairId = pairIdOf(doc._id, party.kind, party.partyId);
  if (pairs.some((p) => p._id === pairId && p.status === 'active')) throw careErrors.alreadyPaired();
  const pair: CarePairDoc = {
    _id: pairId,
    recipientId: doc._id,
    communityId: doc.communityId,
    kind: party.kind,
    partyId: party.partyId,
    name: party.name,
    status: 'active',
    pairedAt: now,
    pairedBy: actor.userId,
    endedAt: null,
    endedBy: null,
    endReason: null,
  };
  await putPair(pair);
  await auditCare(actor, 'care.pair', { type: 'care_pair', id: pairId, communityId: doc.communityId }, { recipientId: doc._id, kind: party.kind, partyId: party.partyId }, null, `${actor.userId}-${requestId}`, now);
  if (party.tell) {
    await notifier().notify({
      userId: party.tell,
      kind: 'care_paired',
      params: party.group ? { group: party.group } : {},
      link: 'package-care/mine/index',
      dedupeKey: `care-paired-${pairId}-${requestId}`,
    });
  }
  return presentRecipient(actor, doc, openedRecipient(doc), region, await pairsOfRecipient(doc._id), resource, chinaDayOf(now));
}
