/**
 * WeChat subscribe messages: one consent buys one message (一次性订阅), and WeChat shows the
 * prompt only inside a tap handler, so each prompt is started synchronously in the tap where the
 * message is born — sign-up → reminder and offer; volunteer registration and the roll-call
 * answer → call-out; founding a group and asking to join → the review result.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 *
 * Template ids come from the server (account.me's `subscribeTemplates`, the same settings it
 * sends with); the build's TARO_APP_TMPL_REMINDER / TARO_APP_TMPL_OFFER remain a fallback for
 * those two. Topics without an id are skipped; H5 has no prompt; the answer never holds up the
 * action itself, and whatever she answers, the inbox gets the notice.
 */
import Taro from '@tarojs/taro';
import type { SubscribeTemplates } from '../shared/schemas/account';
import { sessionStore } from '../stores/session';

export type SubscribeTopic = keyof SubscribeTemplates;

/** What she answered: topics she accepted and topics she declined (or could not be asked for). */
export interface SubscribeOutcome {
  accepted: SubscribeTopic[];
  declined: SubscribeTopic[];
}

function templateId(topic: SubscribeTopic): string {
  const fromServer = sessionStore.get().me?.subscribeTemplates?.[topic];
  const fromBuild = topic === 'reminder' ? process.env.TARO_APP_TMPL_REMINDER : topic === 'offer' ? process.env.TARO_APP_TMPL_OFFER : undefined;
  return (fromServer ?? fromBuild ?? '').trim();
}

/**
 * Starts the prompt for the topics that have a template (call it in the tap, before any await)
 * and resolves with her answer; null when nothing was asked (H5, or no template configured).
 */
export function askSubscriptions(topics: readonly SubscribeTopic[]): Promise<SubscribeOutcome | null> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(null);
  const asked = topics.map((topic) => ({ topic, id: templateId(topic) })).filter((entry) => entry.id !== '');
  const tmplIds = [...new Set(asked.map((entry) => entry.id))];
  if (tmplIds.length === 0) return Promise.resolve(null);
  // Taro's typing also demands Alipay's `entityIds`; WeChat takes tmplIds alone.
  const option = { tmplIds } as Taro.requestSubscribeMessage.Option;
  return Taro.requestSubscribeMessage(option).then(
    // The answer per template id: 'accept', 'reject', 'ban' (turned off) or 'filter'.
    (answer) => {
      const said = answer as unknown as Record<string, string | undefined>;
      const accepted = asked.filter((entry) => said[entry.id] === 'accept').map((entry) => entry.topic);
      return { accepted, declined: asked.map((entry) => entry.topic).filter((topic) => !accepted.includes(topic)) };
    },
    // Refused outright (the switch is off) or unsupported: no message, the inbox keeps it.
    () => ({ accepted: [], declined: asked.map((entry) => entry.topic) }),
  );
}

/** Starts the prompt and lets it run (the sign-up tap, which shows no line of its own). */
export function requestSubscriptions(topics: readonly SubscribeTopic[]): void {
  void askSubscriptions(topics);
}
