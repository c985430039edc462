/**
 * People in care as authorization sees them: the committee of her community and the volunteers
 * and groups paired with her see a person; to anyone else she answers like one who is not on the
 * register (NOT_FOUND), whether she exists or not.
 */
import type { RegionScope } from '../../../src/shared/policies/actor';
import { careCommunityPolicies, carePolicies, type CareResource } from '../../../src/shared/policies/care';
import { activePairsOfParties, pairsOfRecipient, type CarePairDoc } from '../repositories/carePairs';
import { findRecipient, type CareRecipientDoc } from '../repositories/careRecipients';
import { membershipsInGroups, membershipsOfUser } from '../repositories/memberships';
import type { CareVisitDoc } from '../repositories/careVisits';
import type { RegionDoc } from '../repositories/regions';
import { openPersonal } from '../privacy/personalData';
import type { Actor } from './actor';
import { authorize } from './authorize';
import { loadCommunity } from './communities';
import { careErrors } from '../../../src/shared/domainErrors';

/** A person the actor may not see, and one who is not on the register. */
export const careNotFound = () => careErrors.notFound();

/** The policy scope of a community. */
export const scopeOfCommunity = (region: RegionDoc): RegionScope => ({ regionId: region._id, ancestorIds: region.ancestorIds });

/** The active pairings through which the actor is paired with a person: her own, and those of groups she is an active member of. */
export async function pairingsOfActor(actor: Actor, pairs: CarePairDoc[]): Promise<CarePairDoc[]> {
  const active = pairs.filter((p) => p.status === 'active');
  const groupIds = active.filter((p) => p.kind === 'group').map((p) => p.partyId);
  const memberships = await membershipsInGroups(actor.userId, groupIds);
  return active.filter((p) => (p.kind === 'volunteer' ? p.partyId === actor.userId : memberships.get(p.partyId)?.status === 'active'));
}

/** The policy view of a person for the actor. */
export function careResource(doc: CareRecipientDoc, region: RegionDoc, actorPairs: CarePairDoc[]): CareResource {
  return { ...scopeOfCommunity(region), status: doc.status, paired: actorPairs.length > 0 };
}

/** A community whose register the actor keeps (the committee), or NOT_FOUND for anyone else. */
export async function loadRegisterCommunity(actor: Actor, communityId: string, ability: keyof typeof careCommunityPolicies): Promise<RegionDoc> {
  const region = await loadCommunity(communityId);
  authorize(careCommunityPolicies, ability, actor, scopeOfCommunity(region), careNotFound());
  return region;
}

/** A person, her community, her pairings and the actor's own, or NOT_FOUND for whoever may not see her. */
export async function loadVisibleRecipient(actor: Actor, recipientId: string) {
  const doc = await findRecipient(recipientId);
  if (!doc) throw careNotFound();
  const [region, pairs] = await Promise.all([loadCommunity(doc.communityId), pairsOfRecipient(recipientId)]);
  const actorPairs = await pairingsOfActor(actor, pairs);
  const resource = careResource(doc, region, actorPairs);
  authorize(carePolicies, 'care.view', actor, resource, careNotFound());
  return { doc, region, pairs, actorPairs, resource };
}

/** The active pairings of the actor and her groups, one per person (her own pairing first). */
export async function activePairingsOf(actor: Actor): Promise<Map<string, CarePairDoc>> {
  const groups = (await membershipsOfUser(actor.userId, ['active'])).map((m) => m.groupId);
  const pairs = await activePairsOfParties([actor.userId, ...groups]);
  const byRecipient = new Map<string, CarePairDoc>();
  for (const pair of pairs) {
    const held = byRecipient.get(pair.recipientId);
    if (!held || (pair.kind === 'volunteer' && held.kind === 'group')) byRecipient.set(pair.recipientId, pair);
  }
  return byRecipient;
}

/**
 * A person's sealed phone, address and notes opened for the caller the loader let see her: the
 * command opens them here and hands plain values to the presenter (presenters never unseal).
 */
export function openedRecipient(doc: Pick<CareRecipientDoc, 'phoneSealed' | 'addressSealed' | 'notesSealed'>): OpenedRecipient {
  const opened = (sealed: string | null) => (sealed ? openPersonal(sealed) : null);
  return { phone: opened(doc.phoneSealed), address: opened(doc.addressSealed), notes: opened(doc.notesSealed) };
}

/** A visit's sealed notes opened for whoever may read her visit log. */
export function openedVisitNotes(visit: Pick<CareVisitDoc, 'notesSealed'>): string {
  return openPersonal(visit.notesSealed);
}

/** A person's sealed values, opened by the command for whoever may see her (openedRecipient below). */
export interface OpenedRecipient {
  phone: string | null;
  address: string | null;
  notes: string | null;
}
