/**
 * Residents' consents to a subscribe message for committee notices (collection
 * `notice_subscriptions`, one document per resident, id = her user id). WeChat's one-time
 * subscription (一次性订阅) buys one message per accepted prompt, and WeChat does not tell the
 * server when she accepts in the prompt, so the app reports each accepted prompt
 * (notices.subscribe) and each message sent uses one. A resident can only add consents of her
 * own; a false report costs one refused send (43101, recorded in notify_failures), nothing more.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { Collections } from './collections';

export interface NoticeSubscriptionDoc {
  _id: string;
  userId: string;
  /** Her home community when she last consented: the notices job pages a community's subscribers by it. */
  communityId: string;
  /** Messages she has consented to and not yet been sent. */
  remaining: number;
  updatedAt: Date;
}

/** More unused consents than anyone needs: a client reporting in a loop stops here. */
export const MAX_REMAINING = 20;

const subscriptions = () => database().collection(Collections.noticeSubscriptions);

/** Counts one more consent of hers (up to MAX_REMAINING); answers how many she now has unused. */
export async function addConsent(userId: string, communityId: string, now: Date): Promise<number> {
  const _ = database().command;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const bumped = await subscriptions()
      .where({ _id: userId, remaining: _.lt(MAX_REMAINING) })
      .update({ remaining: _.inc(1), communityId, updatedAt: now });
    if (bumped.updated === 1) break;
    const { data } = await subscriptions().doc(userId).get();
    if (data[0]) break; // already at the cap
    try {
      await subscriptions().add({ _id: userId, userId, communityId, remaining: 1, updatedAt: now });
      break;
    } catch (error) {
      if (!isDuplicateError(error)) throw error; // a concurrent first consent: bump that one
    }
  }
  const { data } = await subscriptions().doc(userId).get();
  return (data[0] as NoticeSubscriptionDoc | undefined)?.remaining ?? 0;
}

/** The next subscribers of a community with a consent left, by id after `cursor`. */
export async function subscribersAfter(communityId: string, cursor: string | null, limit: number): Promise<NoticeSubscriptionDoc[]> {
  const _ = database().command;
  const where = { communityId, remaining: _.gt(0), ...(cursor ? { _id: _.gt(cursor) } : {}) };
  const { data } = await subscriptions().where(where).orderBy('_id', 'asc').limit(limit).get();
  return data as NoticeSubscriptionDoc[];
}

/** How many residents of a community have a consent left (a job's total). */
export async function subscriberCount(communityId: string): Promise<number> {
  const _ = database().command;
  return (await subscriptions().where({ communityId, remaining: _.gt(0) }).count()).total;
}

/** Gives back a consent used for a message that was never sent. */
export async function returnConsent(userId: string): Promise<void> {
  const _ = database().command;
  await subscriptions()
    .where({ _id: userId })
    .update({ remaining: _.inc(1) });
}

/** Uses one of her consents; false when she has none left. */
export async function useConsent(userId: string): Promise<boolean> {
  const _ = database().command;
  const used = await subscriptions()
    .where({ _id: userId, remaining: _.gt(0) })
    .update({ remaining: _.inc(-1) });
  return used.updated === 1;
}
