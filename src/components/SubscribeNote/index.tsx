import { Text, View } from '@tarojs/components';
import type { Translate } from '../../locales';
import { useI18n } from '../../hooks/useI18n';
import type { SubscribeOutcome, SubscribeTopic } from '../../utils/subscribe';
import './index.scss';

/** Topic names, each once (the two review topics read the same). */
function namesOf(t: Translate, topics: SubscribeTopic[]): string {
  return [...new Set(topics.map((topic) => t(`notices.subscribe.topics.${topic}`)))].join(t('notices.subscribe.separator'));
}

/** The line of what she subscribed to ("Subscribed: review results"), or that the inbox will hold it. */
export function subscribeLine(t: Translate, outcome: SubscribeOutcome): string {
  const lines: string[] = [];
  if (outcome.accepted.length > 0) lines.push(t('notices.subscribe.accepted', { topics: namesOf(t, outcome.accepted) }));
  if (outcome.declined.length > 0) lines.push(t('notices.subscribe.declined', { topics: namesOf(t, outcome.declined) }));
  return lines.join('\n');
}

/** Shows her answer to a consent prompt, after the prompt; nothing when nothing was asked. */
export function SubscribeNote({ outcome }: { outcome: SubscribeOutcome | null }) {
  const { t } = useI18n();
  if (!outcome) return null;
  return (
    <View className='linli-subscribe-note' role='status'>
      <Text>{subscribeLine(t, outcome)}</Text>
    </View>
  );
}
