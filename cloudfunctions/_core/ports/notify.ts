/**
 * Notifications. Every notice lands in the in-app inbox (the record of everything, once per
 * dedupe key); when its kind has a template configured (./wechat/templates.ts) it also goes to
 * the phone as a subscribe message, sent by WeChat's subscribeMessage.send to the recipient's
 * openid, which the notifier looks up itself from the userId.
 *
 * Sending never blocks or fails the action that caused the notice: a refused subscription
 * (43101, the user has no one-time consent left), a bad openid (40003), a rate limit (45009) or
 * a timeout is logged and counted in `notify_failures`, where staff (and tests) see it. Only a
 * notice that is new to the inbox is sent, so a retried action never sends twice.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
import { Collections } from '../repositories/collections';
import { findUser } from '../repositories/users';
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { logEvent } from '../runtime/log';
import { callOpenApi, WxApiError, type OpenApi } from './wechat/openApi';
import { templateMessageOf } from './wechat/templates';

export interface Notice {
  userId: string;
  kind: string;
  title: string;
  body: string;
  /** Mini-program page path to open, e.g. `pages/group/index?id=…`. */
  link: string | null;
  /** Deduplicates retries: the same key never creates two notices, nor sends two messages. */
  dedupeKey: string;
}

export interface Notifier {
  /** `openid` may be given when the caller already has it (a roll-call's batch lookup). */
  notify(notice: Notice, openid?: string): Promise<void>;
}

const SUBSCRIBE_SEND: OpenApi = { path: '/cgi-bin/message/subscribe/send', permission: 'subscribeMessage.send' };

/** Where failed sends are counted: one document per notice, for staff and tests. */
export const NOTIFY_FAILURES = Collections.notifyFailures;

/** Writes the notice to the inbox; false when this dedupe key is there already. */
async function writeInbox(notice: Notice): Promise<boolean> {
  try {
    await database()
      .collection(Collections.inbox)
      .add({ _id: notice.dedupeKey, ...notice, readAt: null, createdAt: new Date() });
    return true;
  } catch (error) {
    if (isDuplicateError(error)) return false;
    throw error;
  }
}

/** A subscribe message's page: a mini-program path without the leading slash. */
function pageOf(link: string | null): string {
  return (link ?? 'pages/home/index').replace(/^\/+/, '');
}

async function recordFailure(notice: Notice, error: unknown, now: Date): Promise<void> {
  const errcode = error instanceof WxApiError ? error.errcode : -1;
  const message = error instanceof Error ? error.message : String(error);
  logEvent('warn', 'notify_failed', { kind: notice.kind, userId: notice.userId, errcode, message });
  await database()
    .collection(NOTIFY_FAILURES)
    .add({ _id: notice.dedupeKey, userId: notice.userId, kind: notice.kind, errcode, message: message.slice(0, 300), createdAt: now })
    .catch(() => undefined);
}

/** Consecutive unreachable answers (timeouts, gateway errors) after which sends pause. */
const OUTAGE_AFTER = 3;
const OUTAGE_PAUSE_MS = 60_000;

export class SubscribeMessageNotifier implements Notifier {
  /**
   * While WeChat is unreachable, a roll-call of 2,000 would wait a timeout per person and outlive
   * its function; so after a few unreachable answers in a row this instance stops trying for a
   * minute and counts the notices it skips (errcode -2). WeChat's own refusals do not count.
   */
  private unreachable = 0;
  private pausedUntil = 0;

  async notify(notice: Notice, openid?: string): Promise<void> {
    if (!(await writeInbox(notice))) return;
    const now = new Date();
    const message = templateMessageOf(notice, now);
    if (!message) return;
    if (now.getTime() < this.pausedUntil) {
      await recordFailure(notice, new WxApiError(SUBSCRIBE_SEND.permission, -2, 'skipped: WeChat unreachable'), now);
      return;
    }
    try {
      const touser = openid ?? (await findUser(notice.userId))?.openid;
      if (!touser) throw new Error(`no openid for user ${notice.userId}`);
      await callOpenApi(SUBSCRIBE_SEND, {
        touser,
        template_id: message.templateId,
        page: pageOf(notice.link),
        data: message.data,
        lang: 'zh_CN',
        // developer / trial / formal: which build the message opens (WeChat's default is formal).
        ...(process.env.LINLI_MINIPROGRAM_STATE ? { miniprogram_state: process.env.LINLI_MINIPROGRAM_STATE } : {}),
      });
      this.unreachable = 0;
    } catch (error) {
      if (error instanceof WxApiError && error.errcode === -1 && ++this.unreachable >= OUTAGE_AFTER) {
        this.pausedUntil = Date.now() + OUTAGE_PAUSE_MS;
        this.unreachable = 0;
      }
      await recordFailure(notice, error, now);
    }
  }
}

let current: Notifier | undefined;

/** The notifier (one implementation; where WeChat is, is configuration). */
export function notifier(): Notifier {
  current ??= new SubscribeMessageNotifier();
  return current;
}

/**
 * Tells a resident about her sign-up, and the family member or grid worker who signed her up
 * for her too (an elder without a phone of her own learns of a seat through her proxy): the
 * proxy's copy says it is on someone's behalf and is deduplicated on its own.
 */
export async function notifySignedUp(notice: Notice, proxy: { userId: string } | null | undefined): Promise<void> {
  await notifier().notify(notice);
  if (proxy && proxy.userId !== notice.userId) {
    await notifier().notify({ ...notice, userId: proxy.userId, body: `（代报名）${notice.body}`, dedupeKey: `${notice.dedupeKey}-proxy` });
  }
}
