/**
 * WeChat subscribe messages (one message per consent): asked for from the sign-up tap, because
 * WeChat only shows the prompt inside a tap handler. Template ids come from the build
 * (TARO_APP_TMPL_REMINDER, TARO_APP_TMPL_OFFER); unset ids are skipped, H5 has no prompt, and
 * the answer never holds up the sign-up itself.
 */
import Taro from '@tarojs/taro';

export type SubscribeTopic = 'reminder' | 'offer';

function templateId(topic: SubscribeTopic): string {
  const id = topic === 'reminder' ? process.env.TARO_APP_TMPL_REMINDER : process.env.TARO_APP_TMPL_OFFER;
  return (id ?? '').trim();
}

/** Starts the prompt for the topics that have a template id; returns at once (not awaited). */
export function requestSubscriptions(topics: readonly SubscribeTopic[]): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = [...new Set(topics.map(templateId))].filter((id) => id !== '');
  if (tmplIds.length === 0) return;
  // Taro's typing also demands Alipay's `entityIds`; WeChat takes tmplIds alone.
  const option = { tmplIds } as Taro.requestSubscribeMessage.Option;
  // A refusal or an unsupported client only means no WeChat message; the inbox still gets it.
  Taro.requestSubscribeMessage(option).catch(() => undefined);
}
