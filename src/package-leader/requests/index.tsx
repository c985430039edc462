import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { UserAdd } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { JoinRequestView } from '../../shared/schemas/members';
import { call } from '../../services/cloud';
import { GroupGate } from '../../components/GroupGate';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { UserAvatar } from '../../components/UserAvatar';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { groupChanged } from '../../stores/groupChanges';
import { formatDateTime } from '../../utils/registryFormat';
import '../components/leader.scss';
import { colors } from '../../styles/colors';
import { DANGER_BUTTON } from '../../styles/buttons';

/** Join requests of an approval group, oldest first: approve, or decline with a reason. */
export default function RequestsPage() {
  return (
    <GroupGate titleKey='registry.titles.requests' className='requests' abilities={['groups.manageMembers']}>
      {(group) => <RequestList group={group} />}
    </GroupGate>
  );
}

function RequestList({ group }: { group: GroupDetail }) {
  const { t } = useI18n();
  const requests = useAsync(() => call('members.requests', { groupId: group.id }), [group.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const [declining, setDeclining] = useState<JoinRequestView | null>(null);
  const items = requests.data?.items ?? null;

  usePullDownRefresh(() => {
    void requests.reload().finally(() => Taro.stopPullDownRefresh());
  });

  /** Drops a decided request from the list (the answer carries only the member). */
  const settle = (userId: string) => {
    if (requests.data) requests.setData({ items: requests.data.items.filter((r) => r.userId !== userId) });
    groupChanged(group.id);
  };

  const approve = async (request: JoinRequestView) => {
    setBusy(request.userId);
    try {
      await call('members.decide', { groupId: group.id, userId: request.userId, decision: 'approve' });
      settle(request.userId);
      Taro.showToast({ title: t('registry.requests.approved', { name: request.nickname }), icon: 'none' }).catch(() => undefined);
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
      void requests.reload();
    } finally {
      setBusy(null);
    }
  };

  const decline = async (reason: string | undefined) => {
    if (!declining) return;
    await call('members.decide', { groupId: group.id, userId: declining.userId, decision: 'reject', ...(reason ? { reason } : {}) });
    settle(declining.userId);
    Taro.showToast({ title: t('registry.requests.rejected', { name: declining.nickname }), icon: 'none' }).catch(() => undefined);
  };

  if (requests.loading && !items) return <LoadingState cards={2} />;
  if (requests.error || !items) return <ErrorState message={requests.error ?? ''} onRetry={() => void requests.reload()} />;
  return (
    <View className='requests__body'>
      {items.length === 0 ? (
        <EmptyState title={t('registry.requests.empty')} icon={<UserAdd size={40} color={colors.decoration} />} />
      ) : (
        <View className='linli-section'>
          <View className='linli-card leader-list'>
            {items.map((request) => (
              <View key={request.userId} className='leader-row requests__item' data-user-id={request.userId}>
                <UserAvatar name={request.nickname} src={request.avatar} />
                <View className='leader-row__main'>
                  <Text className='leader-row__title'>{request.nickname}</Text>
                  <Text className='leader-row__meta'>{t('registry.requests.requestedAt', { time: formatDateTime(request.requestedAt) })}</Text>
                  {request.message ? <Text className='leader-row__text'>{t('registry.requests.message', { message: request.message })}</Text> : null}
                  <View className='leader-row__actions'>
                    <Button
                      className='requests__approve'
                      type='primary'
                      size='small'
                      loading={busy === request.userId}
                      disabled={busy !== null}
                      onClick={() => void approve(request)}
                    >
                      {t('registry.common.approve')}
                    </Button>
                    <Button className={`requests__reject ${DANGER_BUTTON}`} size='small' fill='outline' disabled={busy !== null} onClick={() => setDeclining(request)}>
                      {t('registry.common.reject')}
                    </Button>
                  </View>
                </View>
              </View>
            ))}
          </View>
        </View>
      )}
      <ReasonDialog
        visible={declining !== null}
        title={declining ? t('registry.requests.rejectTitle', { name: declining.nickname }) : ''}
        message={t('registry.requests.rejectMessage')}
        required={false}
        placeholder={t('registry.requests.reasonOptionalPlaceholder')}
        confirmText={t('registry.common.reject')}
        onConfirm={decline}
        onClose={() => setDeclining(null)}
      />
    </View>
  );
}
