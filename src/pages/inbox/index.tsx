import { useEffect, useRef } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ArrowRight, Notice } from '@nutui/icons-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { call } from '../../services/cloud';
import { pressable } from '../../components/Pressable';
import { PageRoot } from '../../components/PageRoot';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useI18n } from '../../hooks/useI18n';
import { usePagedList } from '../../hooks/usePagedList';
import { setUnread } from '../../stores/events';
import { formatDateTime } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { linkTarget } from '../../utils/eventRoutes';
import './index.scss';
import { colors } from '../../styles/colors';

type InboxItem = OutputOf<'inbox.list'>['items'][number];

const open = (link: string | null) => {
  const target = linkTarget(link);
  if (!target) return;
  (target.tab ? Taro.switchTab({ url: target.url }) : Taro.navigateTo({ url: target.url })).catch(() => undefined);
};

/**
 * Messages: seat offers, reminders, approvals, cancellations. Opening the page marks everything
 * read (the items keep their "new" mark for this visit); a message with a link opens its page.
 */
export default function InboxPage() {
  const { t } = useI18n();
  useAccount();
  const list = usePagedList<InboxItem>((offset, limit) => call('inbox.list', { offset, limit }), [], { pageSize: 20, keyOf: (item) => item.id });
  const marked = useRef(false);

  // Mark read once the first page shows unread items; the badge follows the server's count.
  useEffect(() => {
    if (marked.current || list.loading || list.error) return;
    marked.current = true;
    if (!list.items.some((item) => !item.read)) {
      setUnread(0);
      return;
    }
    call('inbox.markRead', {})
      .then((result) => setUnread(result.unread))
      // Still unread on the server: the badge stays and the next visit tries again.
      .catch(() => undefined);
  }, [list.loading, list.error, list.items]);

  usePullDownRefresh(() => {
    void list.refresh().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.loading) void list.loadMore();
  });

  const render = () => {
    if (list.loading) return <LoadingState cards={3} />;
    if (list.error) return <ErrorState message={list.error} onRetry={() => void list.refresh()} />;
    if (list.items.length === 0) return <EmptyState title={t('events.inbox.emptyTitle')} description={t('events.inbox.emptyDescription')} icon={<Notice size={40} color={colors.decoration} />} />;
    return (
      <View className='inbox__list'>
        {list.items.map((item) => {
          const linked = linkTarget(item.link) !== null;
          return (
            <View
              key={item.id}
              className={cx('inbox__item', 'linli-card', linked && 'linli-pressable', !item.read && 'inbox__item--unread', `inbox__item--${item.kind}`)}
              data-kind={item.kind}
              data-item-id={item.id}
              hoverClass={linked ? 'inbox__item--pressed' : 'none'}
              // A message that opens a page (a committee notice, an offer) is a link for the keyboard too.
              {...(linked ? pressable(() => open(item.link), { role: 'link' }) : {})}
              onClick={() => open(item.link)}
            >
              <View className='inbox__item-head'>
                {item.read ? null : <Text className='inbox__new'>{t('events.inbox.new')}</Text>}
                <Text className='inbox__title'>{item.title}</Text>
                {linked ? <ArrowRight size={14} color={colors.ink3} /> : null}
              </View>
              <Text className='inbox__body'>{item.body}</Text>
              <Text className='inbox__time'>{formatDateTime(t, item.createdAt)}</Text>
            </View>
          );
        })}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
      </View>
    );
  };

  return (
    <PageRoot titleKey='events.titles.inbox' className='inbox' busy={list.loading}>
      {render()}
    </PageRoot>
  );
}
