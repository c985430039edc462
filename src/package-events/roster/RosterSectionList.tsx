import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RosterSection } from '../../shared/schemas/signups';
import type { MessageKey } from '../../locales';
import type { PagedState } from '../../hooks/usePaged';
import { useI18n } from '../../hooks/useI18n';
import type { RosterEntry } from './useRoster';

const TITLE: Record<RosterSection, MessageKey> = {
  pending: 'events.roster.sectionPending',
  confirmed: 'events.roster.sectionConfirmed',
  waiting: 'events.roster.sectionWaiting',
  other: 'events.roster.sectionOther',
};

export interface RosterSectionListProps {
  section: RosterSection;
  page: PagedState<RosterEntry>;
  /** The section's size over the whole activity (from the server's counts). */
  total: number;
  renderRow: (entry: RosterEntry) => ReactNode;
}

/** One section: its title and size, the people loaded so far, and "load more (N more)". */
export function RosterSectionList({ section, page, total, renderRow }: RosterSectionListProps) {
  const { t } = useI18n();
  if (page.items.length === 0 && total === 0) return null;
  const left = Math.max(0, total - page.items.length);
  return (
    <View className={`linli-section roster__section roster__section--${section}`}>
      <View className='linli-section__title'>
        <Text>{t(TITLE[section])}</Text>
        <Text className='linli-section__extra'>{t('events.roster.people', { count: total })}</Text>
      </View>
      {page.items.length > 0 ? <View className='linli-card roster__list'>{page.items.map(renderRow)}</View> : null}
      {page.hasMore ? (
        <View className='roster__more'>
          {page.moreError ? (
            <View className='roster__more-error' role='alert'>
              {page.moreError}
            </View>
          ) : null}
          <Button className='roster__more-button' fill='outline' block loading={page.loadingMore} disabled={page.loadingMore} onClick={() => void page.loadMore()}>
            {page.loadingMore
              ? t('common.loadingMore')
              : // Counts can trail a change by a moment; without a number the button still tells the truth.
                left > 0
                ? t('events.roster.loadMore', { count: left })
                : t('common.loadMore')}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
