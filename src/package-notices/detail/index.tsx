import '../locale';
import { useEffect, useRef } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Notice } from '@nutui/icons-react-taro';
import type { NoticeView } from '../../shared/schemas/notices';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { SubscribeNote } from '../../components/SubscribeNote';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { useSubscriptionPrompt } from '../../hooks/useSubscriptionPrompt';
import { setUnread } from '../../stores/events';
import { formatDateTime } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { colors } from '../../styles/colors';
import './index.scss';

/**
 * A committee notice as a resident reads it (from the inbox, the home pin or a WeChat message):
 * opening it marks it read (inbox.markRead with its `notice:<id>`, once per visit; the server
 * keeps one mark per resident however often), and she may ask to be reminded on WeChat of the
 * next ones — the consent prompt starts in that tap, as WeChat requires.
 */
export default function NoticeDetailPage() {
  const { t } = useI18n();
  const id = useRouter().params.id ?? '';
  const account = useAccount();
  const state = useAsync(() => call('notices.get', { noticeId: id }), [id], { enabled: id !== '' });
  const subscription = useSubscriptionPrompt();
  const marked = useRef(false);

  useEffect(() => {
    if (marked.current || !state.data || state.data.read || !state.data.abilities.includes('notices.dismiss')) return;
    marked.current = true;
    call('inbox.markRead', { ids: [`notice:${id}`] })
      .then((result) => setUnread(result.unread))
      // Not marked on the server: the inbox still shows it unread, and the next visit tries again.
      .catch(() => undefined);
  }, [state.data, id]);

  const subscribe = () => {
    // In the tap, before any await: WeChat shows the prompt only there.
    void subscription.ask(['notice']).then((outcome) => {
      if (outcome?.accepted.includes('notice')) return call('notices.subscribe', { accepted: true }).catch(() => undefined);
      return undefined;
    });
  };
  const canSubscribe = Boolean(account.me?.subscribeTemplates?.notice) && Boolean(account.me?.account.homeCommunity);

  const render = () => {
    if (id === '' || state.errorCode === 'NOT_FOUND') return <EmptyState title={t('errors.NOT_FOUND')} icon={<Notice size={40} color={colors.decoration} />} />;
    if (state.loading && !state.data) return <LoadingState cards={1} />;
    if (state.error || !state.data) return <ErrorState message={state.error ?? ''} onRetry={() => void state.reload()} />;
    return <NoticeBody notice={state.data} />;
  };

  return (
    <PageRoot titleKey='communityNotices.detail.title' className='notice-detail'>
      {render()}
      {state.data && canSubscribe ? (
        <View className='linli-section notice-detail__subscribe'>
          <Button className='notice-detail__subscribe-button' fill='outline' size='large' block onClick={subscribe}>
            {t('communityNotices.detail.subscribe')}
          </Button>
          <Text className='notice-detail__hint'>{t('communityNotices.detail.subscribeHint')}</Text>
          <SubscribeNote outcome={subscription.outcome} />
        </View>
      ) : null}
    </PageRoot>
  );
}

function NoticeBody({ notice }: { notice: NoticeView }) {
  const { t } = useI18n();
  return (
    <View className={cx('linli-card', 'notice-detail__card', notice.urgent && 'notice-detail__card--urgent')} data-notice-id={notice.id}>
      <View className='notice-detail__tags'>
        {notice.urgent ? (
          <Tag className='notice-detail__urgent' background={colors.danger} color={colors.onPrimary}>
            {t('communityNotices.urgent')}
          </Tag>
        ) : null}
        <Tag className='notice-detail__kind' background={colors.primarySoft} color={colors.primary}>
          {t(`communityNotices.kinds.${notice.kind}`)}
        </Tag>
      </View>
      <Text className='notice-detail__title'>{notice.title}</Text>
      <Text className='notice-detail__meta'>
        {[t('communityNotices.detail.from', { community: notice.communityName }), notice.publishedAt ? formatDateTime(t, notice.publishedAt) : null].filter(Boolean).join(t('common.separator'))}
      </Text>
      <Text className='notice-detail__body'>{notice.body}</Text>
      {notice.image ? <Image className='notice-detail__image' src={notice.image} mode='widthFix' ariaLabel={t('communityNotices.detail.image')} nativeProps={{ alt: t('communityNotices.detail.image') }} /> : null}
      <Text className='notice-detail__valid'>{notice.live ? t('communityNotices.validUntil', { time: formatDateTime(t, notice.validUntil) }) : t('communityNotices.expired')}</Text>
    </View>
  );
}
