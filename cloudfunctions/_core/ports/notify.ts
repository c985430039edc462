/**
 * Notifications. Every notice lands in the in-app inbox (the record of everything, once per
 * dedupe key); when its kind has a template configured (./wechat/templates.ts) it also goes to
 * the phone as a subscribe message, sent by WeChat's subscribeMessage.send to the recipient's
 * openid, which the notifier looks up itself from the userId.
 *
 * Every notice's text comes from the catalogue (./noticeTexts.ts) and follows the recipient's
 * language (`users.locale`, set by the app when she switches): the inbox stores the kind's params
 * and renders them when she reads, the subscribe message is rendered in her language when sent.
 *
 * Sending never blocks or fails the action that caused the notice: a refused subscription
 * (43101, the user has no one-time consent left), a bad openid (40003), a rate limit (45009) or
 * a timeout is logged and counted in `notify_failures`, where staff (and tests) see it. Only a
 * notice that is new to the inbox is sent, so a retried action never sends twice. A message lost
 * with its function (it ended between the inbox write and WeChat's answer) is never sent again
 * — that could send it twice — but counted as lost (errcode -3) by a sweep: never swallowed.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
import { addNotice, pendingPhonesBefore, settlePhone, type InboxDoc, type PhoneState } from '../repositories/inbox';
import { pendingSendsBefore, settleSend } from '../repositories/noticeSends';
import { recordFailure as saveFailure } from '../repositories/notifyFailures';
import { activeProxiesOf } from '../repositories/proxies';
import { findUser, wechatOpenidOf, type UserDoc } from '../repositories/users';
import { logEvent } from '../runtime/log';
import { noticeLocaleOf, renderNotice, type CataloguedKind, type NoticeLocale, type NoticeParams } from './noticeTexts';
import { callOpenApi, WxApiError, type OpenApi } from './wechat/openApi';
import { templateIdOf, templateMessageOf } from './wechat/templates';

interface NoticeBase {
  userId: string;
  /** Mini-program page path to open, e.g. `pages/group/index?id=…`. */
  link: string | null;
  /** Deduplicates retries: the same key never creates two notices, nor sends two messages. */
  dedupeKey: string;
}

/**
 * A notice: a kind of the server's catalogue (./noticeTexts.ts) with its params, written in the
 * recipient's language in the inbox and on the phone. There is no other way to write one: texts
 * a caller wrote itself could only be in one language (inbox notices stored that way before the
 * catalogue are still read as written, see noticeTextFor).
 */
export type Notice = NoticeBase & { kind: CataloguedKind; params: NoticeParams };

/** Who receives a subscribe message, when the caller already knows (a roll-call's batch lookup). */
export interface Recipient {
  openid: string;
  locale: NoticeLocale;
  communityId: string | null;
}

export interface Notifier {
  /** Writes the notice to the inbox and, when it is new there, sends it to the phone. */
  notify(notice: Notice, recipient?: Recipient): Promise<void>;
}

/**
 * Sends a notice to the phone only: for a notice the inbox lists from the document whose write
 * told it (a resident's own sign-up: SignupDoc.told), written once by that write.
 */
export interface PhoneSender {
  /** What came of it: sent, failed (recorded in notify_failures) or skipped (no template, no phone). */
  sendToPhone(notice: Notice, recipient?: Recipient): Promise<'sent' | 'failed' | 'skipped'>;
}

const NO_PHONE = 'no-phone' as const;

const SUBSCRIBE_SEND: OpenApi = { path: '/cgi-bin/message/subscribe/send', permission: 'subscribeMessage.send' };

/** The title and body of a notice in a language. */
function textOf(notice: Notice, locale: NoticeLocale): { title: string; body: string } {
  return renderNotice(notice.kind, notice.params, locale);
}

/**
 * Writes the notice to the inbox; false when this dedupe key is there already. `pending`: a
 * subscribe message will follow (its kind has a template), marked with the same write.
 */
async function writeInbox(notice: Notice, now: Date, pending: boolean): Promise<boolean> {
  const stored = textOf(notice, 'zh-CN');
  const doc: InboxDoc = {
    ...(pending ? { phone: 'pending' as const } : {}),
    _id: notice.dedupeKey,
    userId: notice.userId,
    kind: notice.kind,
    ...stored,
    params: notice.params,
    link: notice.link,
    readAt: null,
    createdAt: now,
  };
  // One insert per notice. Sharing inserts among an instance's concurrent notices (a Coalescer)
  // saved round trips but chained every sign-up behind one insert at a time: under the hot
  // sign-up bench it cut throughput several-fold (docs/wechat.md, "What the resident is told").
  return addNotice(doc);
}

/** A subscribe message's page: a mini-program path without the leading slash. */
function pageOf(link: string | null): string {
  return (link ?? 'pages/home/index').replace(/^\/+/, '');
}

async function recordFailure(notice: Notice, communityId: string | null, error: unknown, now: Date): Promise<void> {
  const errcode = error instanceof WxApiError ? error.errcode : -1;
  const message = error instanceof Error ? error.message : String(error);
  logEvent('warn', 'notify_failed', { kind: notice.kind, userId: notice.userId, errcode, message });
  // communityId: the recipient's home community, so staff over it see the failure (commands/console/notifyFailures.ts).
  await saveFailure({ _id: notice.dedupeKey, userId: notice.userId, communityId, kind: notice.kind, errcode, message: message.slice(0, 300), createdAt: now });
}

/**
 * The recipient of a user id (her openid, language and community); null when she has none;
 * NO_PHONE for a resident registered without a smartphone (nothing to send, nothing failed:
 * her proxies get her notices in their inboxes, see tellHerProxies).
 */
async function recipientOf(userId: string): Promise<Recipient | null | typeof NO_PHONE> {
  const user = await findUser(userId);
  if (user?.hasOwnAccount === false) return NO_PHONE;
  const openid = user ? wechatOpenidOf(user) : null;
  return user && openid ? { openid, locale: noticeLocaleOf(user), communityId: user.homeCommunityId ?? null } : null;
}

/** Consecutive unreachable answers (timeouts, gateway errors) after which sends pause. */
const OUTAGE_AFTER = 3;
const OUTAGE_PAUSE_MS = 60_000;

export class SubscribeMessageNotifier implements Notifier, PhoneSender {
  /**
   * While WeChat is unreachable, a roll-call of 2,000 would wait a timeout per person and outlive
   * its function; so after a few unreachable answers in a row this instance stops trying for a
   * minute and counts the notices it skips (errcode -2). WeChat's own refusals do not count.
   */
  private unreachable = 0;
  private pausedUntil = 0;

  async notify(notice: Notice, given?: Recipient): Promise<void> {
    const pending = Boolean(templateIdOf(notice.kind));
    if (!(await writeInbox(notice, new Date(), pending))) return;
    let outcome: Exclude<PhoneState, 'pending' | 'lost'> = 'skipped';
    try {
      // A recipient the caller gives has WeChat; otherwise look: a resident without a phone of
      // her own is told through her proxies (issue 18: "receive her notices"), in their inboxes.
      if (given) {
        outcome = await this.sendToPhone(notice, given);
        return;
      }
      const user = await findUser(notice.userId);
      if (user?.hasOwnAccount === false) return await tellHerProxies(notice, user);
      const openid = user ? wechatOpenidOf(user) : null;
      outcome = await this.sendToPhone(notice, user && openid ? { openid, locale: noticeLocaleOf(user), communityId: user.homeCommunityId ?? null } : undefined);
    } finally {
      // Settled whatever happened; a settle that fails leaves it pending, and the sweep then
      // counts it as lost (a false alarm at worst, never a message sent twice).
      if (pending) await settlePhone(notice.dedupeKey, outcome).catch((error: unknown) => logEvent('warn', 'notify_settle_failed', { kind: notice.kind, userId: notice.userId, error: String(error) }));
    }
  }

  /** Sends to the phone; says what came of it (a failure is recorded, never thrown). */
  async sendToPhone(notice: Notice, given?: Recipient): Promise<'sent' | 'failed' | 'skipped'> {
    const now = new Date();
    // No template for this kind: the inbox is where she reads it, and nothing more is looked up.
    if (!templateIdOf(notice.kind)) return 'skipped';
    let recipient: Recipient | null = given ?? null;
    try {
      const looked = recipient ?? (await recipientOf(notice.userId));
      if (looked === NO_PHONE) return 'skipped';
      recipient = looked;
      if (!recipient) throw new Error(`no openid for user ${notice.userId}`);
      const message = templateMessageOf({ kind: notice.kind, ...textOf(notice, recipient.locale) }, now);
      if (!message) return 'skipped';
      if (now.getTime() < this.pausedUntil) throw new WxApiError(SUBSCRIBE_SEND.permission, -2, 'skipped: WeChat unreachable');
      await callOpenApi(SUBSCRIBE_SEND, {
        touser: recipient.openid,
        template_id: message.templateId,
        page: pageOf(notice.link),
        data: message.data,
        // The language of the mini-program the message opens (zh_CN, en_US, zh_HK, zh_TW).
        lang: recipient.locale === 'en' ? 'en_US' : 'zh_CN',
        // developer / trial / formal: which build the message opens (WeChat's default is formal).
        ...(process.env.LINLI_MINIPROGRAM_STATE ? { miniprogram_state: process.env.LINLI_MINIPROGRAM_STATE } : {}),
      });
      this.unreachable = 0;
      return 'sent';
    } catch (error) {
      if (error instanceof WxApiError && error.errcode === -1 && ++this.unreachable >= OUTAGE_AFTER) {
        this.pausedUntil = Date.now() + OUTAGE_PAUSE_MS;
        this.unreachable = 0;
      }
      await recordFailure(notice, recipient?.communityId ?? null, error, now);
      return 'failed';
    }
  }
}

/** The dedupe key of a proxy's copy of a resident's notice: one copy per proxy, however it is sent. */
export const proxyCopyKey = (dedupeKey: string, proxyUserId: string) => `${dedupeKey}-for-${proxyUserId}`;

/** A no-account resident's notice, copied to each of her active proxies with her name on it (为 X). */
async function tellHerProxies(notice: Notice, resident: UserDoc): Promise<void> {
  const consents = await activeProxiesOf(resident._id);
  await Promise.all(
    consents.map((consent) =>
      notifier().notify({ ...notice, userId: consent.proxyUserId, params: { ...notice.params, forName: resident.nickname }, dedupeKey: proxyCopyKey(notice.dedupeKey, consent.proxyUserId) }),
    ),
  );
}

/** A message still pending this long after its notice was written went down with its function. */
export const LOST_AFTER_MS = 10 * 60_000;
/** The errcode a lost message is counted under in notify_failures (ours, beside -1 and -2). */
export const LOST_ERRCODE = -3;

/**
 * Counts the subscribe messages lost with their function (a timer runs it): each notice still
 * pending LOST_AFTER_MS after it was written is recorded in notify_failures once — so staff see it
 * — and marked lost. Not sent again: its send may have reached WeChat just before the function
 * ended, and a message twice is worse than one in the inbox only.
 */
export async function recordLostMessages(now: Date, limit = 200): Promise<{ lost: number }> {
  const before = new Date(now.getTime() - LOST_AFTER_MS);
  const inboxLost = (await pendingPhonesBefore(before, limit)).map((doc) => ({
    id: doc._id,
    userId: doc.userId,
    kind: doc.kind,
    communityOf: async () => (await findUser(doc.userId))?.homeCommunityId ?? null,
    settle: () => settlePhone(doc._id, 'lost'),
  }));
  // Committee notices are sent from their own marks (repositories/noticeSends.ts), not the inbox.
  const noticeLost = (await pendingSendsBefore(before, limit)).map((mark) => ({
    id: mark._id,
    userId: mark.userId,
    kind: 'notice',
    communityOf: async () => mark.communityId ?? null,
    settle: () => settleSend(mark._id, 'lost'),
  }));
  let lost = 0;
  for (const message of [...inboxLost, ...noticeLost]) {
    // The record first (one per message: its id is the key), then the mark: a sweep that dies in
    // between records it again harmlessly.
    const failure = { _id: message.id, userId: message.userId, communityId: await message.communityOf(), kind: message.kind, errcode: LOST_ERRCODE, createdAt: now };
    await saveFailure({ ...failure, message: 'lost: the function ended before WeChat answered the send' });
    if (await message.settle()) {
      lost += 1;
      logEvent('warn', 'notify_lost', { kind: message.kind, userId: message.userId });
    }
  }
  return { lost };
}

let current: SubscribeMessageNotifier | undefined;

/** The notifier (one implementation; where WeChat is, is configuration). */
export function notifier(): Notifier & PhoneSender {
  current ??= new SubscribeMessageNotifier();
  return current;
}

/**
 * Tells a resident about her sign-up, and the family member or grid worker who signed her up
 * for her too (an elder without a phone of her own learns of a seat through her proxy): the
 * proxy's copy says it is on someone's behalf and is deduplicated on its own.
 */
export async function notifySignedUp(notice: Notice, proxy: { userId: string } | null | undefined): Promise<void> {
  // For a resident without a phone, notify() copies it to all her proxies (the signer among them, under the same key).
  await notifier().notify(notice);
  if (proxy && proxy.userId !== notice.userId) {
    await notifier().notify({ ...notice, userId: proxy.userId, params: { ...notice.params, onBehalf: 1 }, dedupeKey: proxyCopyKey(notice.dedupeKey, proxy.userId) });
  }
}
