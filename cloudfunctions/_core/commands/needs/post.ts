/**
 * needs.post: a resident posts a need on her community's board — or someone acting for her (a
 * proxy with her active consent, or committee staff of her community) posts it with `forUserId`.
 * The text is content-checked before it is stored; the place and phone are sealed. With `offerId`
 * the need is addressed to the author of that time-bank offer (请TA帮忙): off the public board,
 * hers alone to take on or decline (policies/needs.ts), and she is told in her inbox.
 */
import { needErrors } from '../../../../src/shared/domainErrors';
import { hasStaffRoleOver } from '../../../../src/shared/policies/actor';
import type { NeedsPostInput, NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { assertContentAllowed } from '../../ports/contentCheck';
import { notifier } from '../../ports/notify';
import { maskNickname, sealPersonal } from '../../privacy/personalData';
import { findOffer } from '../../repositories/needOffers';
import { addNeed, boardRankOf, type NeedAddressDoc, type NeedDoc } from '../../repositories/needs';
import { activeConsentFor } from '../../repositories/proxies';
import { findRegion } from '../../repositories/regions';
import { findUser, type UserDoc } from '../../repositories/users';
import { chinaDayOf, startOfChinaDay } from '../../runtime/chinaDay';
import { digest } from '../../runtime/hash';
import { needViews } from './views';

const DAY_MS = 24 * 3600_000;
/** How far ahead a need may be posted: a wish for a child's birthday, not next year's. */
const POST_AHEAD_DAYS = 90;

/** The resident a need is for: the caller, or the one she may act for (else refused, nothing written). */
async function residentFor(actor: Actor, forUserId: string | undefined): Promise<UserDoc> {
  if (!forUserId || forUserId === actor.userId) return actor.user;
  const resident = await findUser(forUserId);
  if (!resident) throw needErrors.residentNotFound();
  if (await activeConsentFor(actor.userId, forUserId)) return resident;
  const community = resident.homeCommunityId ? await findRegion(resident.homeCommunityId) : null;
  // Staff of her community post for a resident without a phone (issue 18; the register's consent is theirs to keep).
  if (community && hasStaffRoleOver(actor, ['committee'], { regionId: community._id, ancestorIds: community.ancestorIds })) return resident;
  throw needErrors.notActingFor();
}

/**
 * The neighbour a need asks, from her offer: an open offer of the resident's own community, by
 * someone other than the resident and the caller (else refused, nothing written).
 */
async function addresseeOf(actor: Actor, resident: UserDoc, communityId: string, offerId: string): Promise<NeedAddressDoc> {
  const offer = await findOffer(offerId);
  if (!offer) throw needErrors.offerNotFound();
  if (offer.communityId !== communityId) throw needErrors.offerOtherCommunity();
  // Her own offer, or the proxy's: the resident's side may not take on the need it posts (needs.claim).
  if (offer.userId === resident._id || offer.userId === actor.userId) throw needErrors.ownOffer();
  if (offer.state !== 'open') throw needErrors.offerWithdrawn();
  const author = await findUser(offer.userId);
  return { userId: offer.userId, offerId: offer._id, name: author?.nickname ?? '居民' };
}

/** Posts a need for the caller or for the resident she acts for. */
export async function postNeed(actor: Actor, input: NeedsPostInput, requestId: string, now: Date): Promise<NeedView> {
  const resident = await residentFor(actor, input.forUserId);
  const communityId = resident.homeCommunityId;
  const community = communityId ? await findRegion(communityId) : null;
  if (!community || community.level !== 'community') throw needErrors.noHomeCommunity();
  const today = chinaDayOf(now);
  if (input.whenFrom < today) throw needErrors.whenInPast();
  if (input.whenFrom > chinaDayOf(new Date(now.getTime() + POST_AHEAD_DAYS * DAY_MS))) throw needErrors.whenTooFar({ days: POST_AHEAD_DAYS });
  const addressedTo = input.offerId ? await addresseeOf(actor, resident, community._id, input.offerId) : null;
  await assertContentAllowed({ what: input.what, place: input.place }, 3, actor.openid);
  const whenTo = input.whenTo ?? input.whenFrom;
  const [countyId = '', streetId = ''] = community.ancestorIds;
  const need: NeedDoc = {
    // From the caller and her request: a retried post is refused as a duplicate, never stored twice.
    _id: `nd${digest('need', actor.userId, requestId).slice(0, 24)}`,
    communityId: community._id,
    streetId,
    countyId,
    userId: resident._id,
    postedBy: actor.userId,
    what: input.what,
    category: input.category,
    whenFrom: input.whenFrom,
    whenTo,
    dueAt: new Date(startOfChinaDay(whenTo).getTime() + DAY_MS),
    placeSealed: sealPersonal(input.place),
    phoneSealed: sealPersonal(input.phone),
    location: input.location ?? null,
    state: 'open',
    boardRank: boardRankOf('open'),
    claim: null,
    addressedTo,
    claimedAt: null,
    acceptedAt: null,
    doneAt: null,
    doneBy: null,
    photo: null,
    photoVerdict: null,
    helpers: [],
    rating: null,
    thanks: null,
    endedAt: null,
    surfacedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await addNeed(need);
  if (addressedTo) {
    await notifier().notify({
      userId: addressedTo.userId,
      kind: 'need_addressed',
      params: { need: need.what.slice(0, 20), resident: maskNickname(resident.nickname) },
      link: `package-needs/detail/index?id=${need._id}`,
      dedupeKey: `need-addressed-${need._id}`,
    });
  }
  return (await needViews(actor, [need], now))[0]!;
}

