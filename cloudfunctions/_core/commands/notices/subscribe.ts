/**
 * notices.subscribe — the app reports that she accepted WeChat's prompt for the notice template
 * (one accept = one message, repositories/noticeSubscriptions.ts); her community's next notice
 * then reaches her phone.
 */
import { noticeErrors } from '../../../../src/shared/domainErrors';
import type { Actor } from '../../authz/actor';
import { addConsent } from '../../repositories/noticeSubscriptions';

/** Counts one consent of hers to her home community's notices. */
export async function subscribeToNotices(actor: Actor, now: Date): Promise<{ remaining: number }> {
  const communityId = actor.user.homeCommunityId;
  if (!communityId) throw noticeErrors.noCommunity();
  return { remaining: await addConsent(actor.userId, communityId, now) };
}
