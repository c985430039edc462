import '../locale';
import '../actions';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Add } from '@nutui/icons-react-taro';
import type { ApplicationView } from '../../shared/schemas/groups';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { GroupBadge } from '../../components/GroupBadge';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { formatDateTime } from '../../utils/registryFormat';
import { foundPath } from '../../utils/registryRoutes';
import { groupPath } from '../../utils/routes';
import '../components/leader.scss';
import './index.scss';
import { colors } from '../../styles/colors';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

const STATUS_TAG: Record<ApplicationView['status'], 'warning' | 'danger' | 'success' | 'default'> = {
  pending: 'warning',
  rejected: 'danger',
  active: 'success',
  hidden: 'default',
  suspended: 'default',
  dissolved: 'default',
};

/** My applications to found a group: where each stands, why one was declined, and resubmitting it. */
export default function ApplicationsPage() {
  const { t } = useI18n();
  useAccount();
  const list = useAsync(() => call('groups.myApplications', {}), []);
  const items = list.data?.items ?? null;

  // Back from the form after a resubmission: show the new state.
  useDidShow(() => {
    if (list.data) void list.reload();
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const body = () => {
    if (list.loading && !items) return <LoadingState cards={2} />;
    if (list.error || !items) return <ErrorState message={list.error ?? ''} onRetry={() => void list.reload()} />;
    if (items.length === 0) {
      return (
        <EmptyState
          title={t('registry.applications.empty')}
          description={t('registry.applications.emptyHint')}
          icon={<Add size={40} color={colors.decoration} />}
          action={{ text: t('registry.applications.found'), onClick: () => go(foundPath()) }}
        />
      );
    }
    return (
      <View className='linli-section'>
        <View className='linli-card leader-list'>
          {items.map((item) => (
            <ApplicationRow key={item.group.id} item={item} />
          ))}
        </View>
      </View>
    );
  };

  return (
    <PageRoot titleKey='registry.titles.applications' className='applications' busy={list.loading}>
      {body()}
    </PageRoot>
  );
}

function ApplicationRow({ item }: { item: ApplicationView }) {
  const { t } = useI18n();
  const who = t(`registry.reviewers.${item.reviewerLevel}`);
  return (
    <View className={`leader-row applications__item applications__item--${item.status}`} data-group-id={item.group.id}>
      <GroupBadge type={item.group.type} />
      <View className='leader-row__main'>
        <View className='leader-row__title'>
          <Text>{item.group.name}</Text>
          <Tag className='applications__status' type={STATUS_TAG[item.status]} round>
            {t(`registry.status.${item.status}`)}
          </Tag>
        </View>
        <Text className='leader-row__meta'>
          {[t(`groupTypes.${item.group.type}`), t(`levels.${item.managementLevel}`), item.group.regionName].join(t('common.separator'))}
        </Text>
        <Text className='leader-row__meta'>{t('registry.applications.submittedAt', { time: formatDateTime(item.submittedAt) })}</Text>
        {item.status === 'pending' ? <Text className='leader-row__text'>{t('registry.applications.waiting', { who })}</Text> : null}
        {item.reviewedAt ? (
          <Text className='leader-row__meta'>
            {[t('registry.applications.reviewedAt', { time: formatDateTime(item.reviewedAt) }), t('registry.applications.reviewer', { who })].join(t('common.separator'))}
          </Text>
        ) : null}
        {item.reason ? (
          <Text className={`leader-row__text applications__reason${item.status === 'rejected' ? ' applications__reason--rejected' : ''}`}>
            {t(item.status === 'rejected' ? 'registry.applications.reason' : 'registry.applications.note', { reason: item.reason })}
          </Text>
        ) : null}
        <View className='leader-row__actions'>
          {item.status === 'rejected' ? (
            <Button className='applications__resubmit' type='primary' size='small' onClick={() => go(foundPath(item.group.id))}>
              {t('registry.applications.resubmit')}
            </Button>
          ) : null}
          <Button className='applications__open' size='small' onClick={() => go(groupPath(item.group.id))}>
            {t('registry.common.openGroup')}
          </Button>
        </View>
      </View>
    </View>
  );
}
