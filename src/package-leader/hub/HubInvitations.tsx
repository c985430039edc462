import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Link } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { HubLinkView } from '../../shared/schemas/hubs';
import { call } from '../../services/cloud';
import { GroupBadge } from '../../components/GroupBadge';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { groupChanged } from '../../stores/groupChanges';
import { formatDate } from '../../utils/registryFormat';
import { colors } from '../../styles/colors';

/** Invitations from hub organizations waiting for this group's leaders: accept or decline. */
export function HubInvitations({ group, onAnswered }: { group: GroupDetail; onAnswered: () => void }) {
  const { t } = useI18n();
  const invitations = useAsync(() => call('hubs.invitations', { groupId: group.id }), [group.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const items = invitations.data?.items ?? null;

  const respond = async (link: HubLinkView, accept: boolean) => {
    setBusy(link.id);
    try {
      await call('hubs.respond', { linkId: link.id, accept });
      invitations.setData({ items: (items ?? []).filter((item) => item.id !== link.id) });
      groupChanged(group.id);
      Taro.showToast({ title: accept ? t('registry.hub.accepted', { hub: link.hub.name }) : t('registry.hub.declined'), icon: 'none' }).catch(() => undefined);
      onAnswered();
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
      void invitations.reload();
    } finally {
      setBusy(null);
    }
  };

  const body = () => {
    if (invitations.loading && !items) return <LoadingState cards={1} />;
    if (invitations.error || !items) return <ErrorState message={invitations.error ?? ''} onRetry={() => void invitations.reload()} />;
    if (items.length === 0) return <EmptyState title={t('registry.hub.invitationsEmpty')} icon={<Link size={40} color={colors.decoration} />} />;
    return (
      <View className='linli-card leader-list'>
        {items.map((link) => (
          <View key={link.id} className='leader-row hub__invitation' data-link-id={link.id}>
            <GroupBadge type={link.hub.type} />
            <View className='leader-row__main'>
              <Text className='leader-row__title'>{link.hub.name}</Text>
              <Text className='leader-row__meta'>{[link.hub.regionName, formatDate(link.invitedAt)].join(t('common.separator'))}</Text>
              <Text className='leader-row__text'>{t('registry.hub.invitedBy', { hub: link.hub.name })}</Text>
              <View className='leader-row__actions'>
                <Button className='hub__accept' type='primary' size='small' loading={busy === link.id} disabled={busy !== null} onClick={() => void respond(link, true)}>
                  {t('registry.hub.accept')}
                </Button>
                <Button className='hub__decline' size='small' disabled={busy !== null} onClick={() => void respond(link, false)}>
                  {t('registry.hub.decline')}
                </Button>
              </View>
            </View>
          </View>
        ))}
      </View>
    );
  };

  return (
    <View className='linli-section hub__invitations'>
      <Text className='linli-section__title'>{t('registry.hub.invitations')}</Text>
      {body()}
    </View>
  );
}
