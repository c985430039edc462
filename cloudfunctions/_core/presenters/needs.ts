/**
 * Needs as the caller sees them: public fields for the board, the sealed address and phone
 * opened only for the need's audience (policy `needs.viewPrivate`), the photo once the image
 * check passed, and the caller's abilities.
 */
import { abilities, allows } from '../authz/authorize';
import { NEED_UNCLAIMED_AFTER_HOURS, needPolicies, type NeedResource } from '../../../src/shared/policies/needs';
import type { NeedView, OfferView } from '../../../src/shared/schemas/needs';
import type { PolicyActor } from '../../../src/shared/policies/actor';
import { maskNickname } from '../privacy/personalData';
import type { NeedDoc } from '../repositories/needs';
import type { OfferDoc } from '../repositories/needOffers';
import { startOfChinaDay } from '../runtime/chinaDay';

const HOUR_MS = 3600_000;
const IN_PLAY = new Set(['open', 'claimed', 'accepted']);

/** Open and unclaimed longer than the set time (the committee's queue). */
export function unclaimedLong(need: Pick<NeedDoc, 'state' | 'createdAt'>, now: Date): boolean {
  return need.state === 'open' && now.getTime() - need.createdAt.getTime() > NEED_UNCLAIMED_AFTER_HOURS * HOUR_MS;
}

/** Still not done on (or after) its last day. */
export function overdue(need: Pick<NeedDoc, 'state' | 'whenTo'>, now: Date): boolean {
  return IN_PLAY.has(need.state) && now.getTime() >= startOfChinaDay(need.whenTo).getTime();
}

/** What presenting a batch of needs needs from elsewhere: residents' nicknames and photo links. */
export interface NeedLookups {
  nicknames: Map<string, string>;
  photoUrls: Map<string, string>;
  /** The need's address and phone, opened by the command for its audience only (presenters never unseal). */
  contacts: Map<string, { place: string | null; phone: string | null }>;
}

/** One need for one caller. */
export function needView(actor: PolicyActor, need: NeedDoc, resource: NeedResource, lookups: NeedLookups, now: Date): NeedView {
  const open = allows(needPolicies, 'needs.viewPrivate', actor, resource);
  return {
    id: need._id,
    what: need.what,
    category: need.category,
    whenFrom: need.whenFrom,
    whenTo: need.whenTo,
    state: need.state,
    communityId: need.communityId,
    createdAt: need.createdAt.toISOString(),
    residentName: maskNickname(lookups.nicknames.get(need.userId) ?? '居民'),
    postedForResident: need.postedBy !== need.userId,
    claimer: need.claim ? { kind: need.claim.kind, id: need.claim.id, name: need.claim.kind === 'volunteer' && !open ? maskNickname(need.claim.name) : need.claim.name } : null,
    // Her name as a claimer's would read: whole to the need's audience and to herself, masked otherwise.
    addressedTo: need.addressedTo ? { name: open || resource.addressee ? need.addressedTo.name : maskNickname(need.addressedTo.name) } : null,
    place: open ? (lookups.contacts.get(need._id)?.place ?? null) : null,
    phone: open ? (lookups.contacts.get(need._id)?.phone ?? null) : null,
    location: open ? need.location : null,
    doneAt: need.doneAt?.toISOString() ?? null,
    photo: need.photo ? (lookups.photoUrls.get(need.photo) ?? null) : null,
    helpers: need.helpers.map((h) => ({ name: maskNickname(h.name), minutes: h.minutes })),
    rating: need.rating,
    thanks: need.thanks,
    unclaimedLong: unclaimedLong(need, now),
    overdue: overdue(need, now),
    abilities: abilities(needPolicies, actor, resource),
  };
}

/** One offer for one caller. */
export function offerView(actor: PolicyActor, offer: OfferDoc, nicknames: Map<string, string>): OfferView {
  return {
    id: offer._id,
    what: offer.what,
    category: offer.category,
    state: offer.state,
    communityId: offer.communityId,
    name: maskNickname(nicknames.get(offer.userId) ?? '居民'),
    mine: offer.userId === actor.userId,
    createdAt: offer.createdAt.toISOString(),
  };
}
