/**
 * Notifications: every notice lands in the in-app inbox; on CloudBase it is also sent as a
 * subscribe message when a template is configured for its kind (the user granted it from a tap).
 */
import { Collections } from '../repositories/collections';
import { cloudbaseApp, database } from '../runtime/cloudbase';
import { platform } from './platform';

export interface Notice {
  userId: string;
  kind: string;
  title: string;
  body: string;
  /** Mini-program page path to open, e.g. `pages/group/index?id=…`. */
  link: string | null;
  /** Deduplicates retries: the same key never creates two notices. */
  dedupeKey: string;
}

export interface Notifier {
  notify(notice: Notice, openid?: string): Promise<void>;
}

/** Writes the notice to the inbox once per dedupe key. */
async function writeInbox(notice: Notice): Promise<void> {
  const inbox = database().collection(Collections.inbox);
  try {
    await inbox.add({ _id: notice.dedupeKey, ...notice, readAt: null, createdAt: new Date() });
  } catch (error) {
    // A retry of the same notice: already delivered.
    if (!/DUPLICATE/i.test(String((error as { code?: unknown }).code))) throw error;
  }
}

export class InboxNotifier implements Notifier {
  async notify(notice: Notice): Promise<void> {
    await writeInbox(notice);
  }
}

export class SubscribeMessageNotifier implements Notifier {
  async notify(notice: Notice, openid?: string): Promise<void> {
    await writeInbox(notice);
    const templateId = process.env[`LINLI_TEMPLATE_${notice.kind.toUpperCase()}`];
    if (!templateId || !openid) return;
    await cloudbaseApp()
      .callWxOpenApi({
        apiName: '/cgi-bin/message/subscribe/send',
        requestData: {
          touser: openid,
          template_id: templateId,
          page: notice.link ?? 'pages/home/index',
          data: { thing1: { value: notice.title.slice(0, 20) }, thing2: { value: notice.body.slice(0, 20) } },
        },
      })
      // A missing subscription is normal (consent is one-time); the inbox already has it.
      .catch(() => undefined);
  }
}

let current: Notifier | undefined;

/** The configured notifier. */
export function notifier(): Notifier {
  current ??= platform() === 'cloudbase' ? new SubscribeMessageNotifier() : new InboxNotifier();
  return current;
}
