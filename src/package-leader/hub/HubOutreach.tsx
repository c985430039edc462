import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, SearchBar } from '@nutui/nutui-react-taro';
import { Link, Search } from '@nutui/icons-react-taro';
import type { GroupCard, GroupDetail } from '../../shared/schemas/groups';
import type { RegionTreeNode } from '../../shared/schemas/regions';
import { call, isClientError } from '../../services/cloud';
import { GroupBadge } from '../../components/GroupBadge';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { groupChanged } from '../../stores/groupChanges';
import { formatDate } from '../../utils/registryFormat';
import { groupPath } from '../../utils/routes';
import { colors } from '../../styles/colors';

/**
 * A community of the hub's street, to ask groups.list for the street ("nearby" is the street
 * of the given community). A street-level hub has no community; the group view names its
 * street only, so the street is found by name in the region tree.
 */
function anchorCommunity(hub: GroupDetail, roots: RegionTreeNode[]): string | null {
  if (hub.communityId) return hub.communityId;
  for (const county of roots) {
    const street = county.children.find((node) => node.name === hub.regionName);
    const community = street?.children.find((node) => node.level === 'community');
    if (community) return community.id;
  }
  return null;
}

const open = (groupId: string) => {
  Taro.navigateTo({ url: groupPath(groupId) }).catch(() => undefined);
};

/** The hub's linked groups (with their activity counts) and inviting more groups of the street. */
export function HubOutreach({ group }: { group: GroupDetail }) {
  const { t } = useI18n();
  const members = useAsync(() => call('hubs.members', { hubId: group.id }), [group.id]);
  const regions = useAsync(() => call('regions.tree', {}), []);
  const anchor = regions.data ? anchorCommunity(group, regions.data.roots) : null;
  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState('');
  const candidates = useAsync(
    () => call('groups.list', { area: 'nearby', communityId: anchor ?? undefined, limit: 30, ...(query ? { q: query } : {}) }),
    [anchor, query],
    { enabled: anchor !== null },
  );
  const [invited, setInvited] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);

  const linked = new Set((members.data?.items ?? []).map((item) => item.group.id));
  const invitable = (candidates.data?.items ?? []).filter((card) => card.type !== 'hub' && card.id !== group.id && !linked.has(card.id));

  const invite = async (card: GroupCard) => {
    setBusy(card.id);
    try {
      await call('hubs.invite', { hubId: group.id, groupId: card.id });
      setInvited((current) => new Set([...current, card.id]));
      groupChanged(group.id);
      Taro.showToast({ title: t('registry.hub.inviteSent', { name: card.name }), icon: 'none' }).catch(() => undefined);
    } catch (error) {
      // CONFLICT here means invited before or already in another hub; say which plainly.
      const message = isClientError(error) && error.code === 'CONFLICT' ? t('registry.hub.inviteConflict') : errorMessage(error);
      Taro.showToast({ title: message, icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };

  const memberList = () => {
    if (members.loading && !members.data) return <LoadingState cards={1} />;
    if (members.error || !members.data) return <ErrorState message={members.error ?? ''} onRetry={() => void members.reload()} />;
    if (members.data.items.length === 0) return <EmptyState title={t('registry.hub.membersEmpty')} icon={<Link size={40} color={colors.decoration} />} />;
    return (
      <View className='linli-card leader-list'>
        {members.data.items.map((item) => (
          <View key={item.group.id} className='leader-row hub__member' role='link' onClick={() => open(item.group.id)}>
            <GroupBadge type={item.group.type} />
            <View className='leader-row__main'>
              <Text className='leader-row__title'>{item.group.name}</Text>
              <Text className='leader-row__meta'>
                {[item.group.regionName, t('registry.hub.activities', { count: item.activityCount }), t('registry.hub.linkedAt', { time: formatDate(item.linkedAt) })].join(
                  t('common.separator'),
                )}
              </Text>
            </View>
          </View>
        ))}
      </View>
    );
  };

  const candidateList = () => {
    const failed = regions.error ?? candidates.error;
    if (failed) {
      return (
        <ErrorState
          message={failed}
          onRetry={() => {
            if (regions.error) void regions.reload();
            else void candidates.reload();
          }}
        />
      );
    }
    if (!candidates.data) return <LoadingState cards={2} />;
    if (invitable.length === 0) return <EmptyState title={t('registry.hub.candidatesEmpty')} icon={<Search size={40} color={colors.decoration} />} />;
    return (
      <View className='linli-card leader-list'>
        {invitable.map((card) => {
          const sent = invited.has(card.id);
          return (
            <View key={card.id} className='leader-row hub__candidate' data-group-id={card.id}>
              <GroupBadge type={card.type} />
              <View className='leader-row__main'>
                <Text className='leader-row__title'>{card.name}</Text>
                <Text className='leader-row__meta'>{[card.regionName, t('common.members', { count: card.memberCount })].join(t('common.separator'))}</Text>
                <View className='leader-row__actions'>
                  <Button className='hub__invite' type='primary' size='small' disabled={sent || busy !== null} loading={busy === card.id} onClick={() => void invite(card)}>
                    {t(sent ? 'registry.hub.invited' : 'registry.hub.invite')}
                  </Button>
                </View>
              </View>
            </View>
          );
        })}
      </View>
    );
  };

  return (
    <View className='hub__outreach'>
      <View className='linli-section hub__members'>
        <Text className='linli-section__title'>{t('registry.hub.members')}</Text>
        {memberList()}
      </View>
      <View className='linli-section hub__candidates'>
        <Text className='linli-section__title'>{t('registry.hub.inviteTitle')}</Text>
        <SearchBar
          className='hub__search'
          value={keyword}
          placeholder={t('registry.hub.searchPlaceholder')}
          onChange={(value) => setKeyword(value)}
          onSearch={(value) => setQuery(value.trim())}
          onClear={() => {
            setKeyword('');
            setQuery('');
          }}
        />
        {candidateList()}
      </View>
    </View>
  );
}
