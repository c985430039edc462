import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { User } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { MemberView } from '../../shared/schemas/members';
import type { AsyncState } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { GroupGate } from '../../components/GroupGate';
import { ListFooter } from '../../components/ListFooter';
import { ReasonDialog } from '../../components/ReasonDialog';
import { ReportLink } from '../../components/ReportLink';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { UserAvatar } from '../../components/UserAvatar';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { groupChanged } from '../../stores/groupChanges';
import { formatDate } from '../../utils/registryFormat';
import { memberActions, type MemberAction } from './memberActions';
import '../components/leader.scss';
import './index.scss';
import { colors } from '../../styles/colors';
import { DANGER_BUTTON } from '../../styles/buttons';

const PAGE_SIZE = 20;

/**
 * The members of a group, leaders first; leaders change roles, hand over, and remove with a
 * reason. Anyone on the list may report another member to community staff.
 */
export default function MembersPage() {
  return (
    <GroupGate titleKey='registry.titles.members' className='members' abilities={['members.view']}>
      {(group, detail) => <MemberList group={group} detail={detail} />}
    </GroupGate>
  );
}

type Pending = { action: Exclude<MemberAction, 'remove'>; member: MemberView } | null;

function MemberList({ group, detail }: { group: GroupDetail; detail: AsyncState<GroupDetail> }) {
  const { t } = useI18n();
  const myId = useAccount().me?.account.id ?? null;
  const list = usePaged((offset) => call('members.list', { groupId: group.id, offset, limit: PAGE_SIZE }), (m) => m.userId, [group.id]);
  const [confirming, setConfirming] = useState<Pending>(null);
  const [removing, setRemoving] = useState<MemberView | null>(null);

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.loading && !list.loadingMore) void list.loadMore();
  });

  /** After a change the order (leaders first) and the viewer's own abilities may differ: reload both. */
  const changed = (message: string) => {
    groupChanged(group.id);
    Taro.showToast({ title: message, icon: 'none' }).catch(() => undefined);
    void list.refresh();
    void detail.reload();
  };

  const confirm = async () => {
    if (!confirming) return;
    const { action, member } = confirming;
    try {
      if (action === 'transfer') {
        await call('groups.transferLeadership', { groupId: group.id, userId: member.userId });
        changed(t('registry.members.transferred', { name: member.nickname }));
      } else {
        await call('members.setRole', { groupId: group.id, userId: member.userId, role: action === 'makeCoLeader' ? 'co_leader' : 'member' });
        changed(t('registry.members.roleChanged', { name: member.nickname }));
      }
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    }
  };

  const remove = async (reason: string | undefined, ban: boolean) => {
    if (!removing) return;
    await call('members.remove', { groupId: group.id, userId: removing.userId, reason: reason ?? '', ban });
    changed(t('registry.members.removed', { name: removing.nickname }));
  };

  const open = (action: MemberAction, member: MemberView) => {
    if (action === 'remove') setRemoving(member);
    else setConfirming({ action, member });
  };

  if (list.loading && !list.loaded) return <LoadingState cards={3} />;
  if (list.error) return <ErrorState message={list.error} onRetry={() => void list.refresh()} />;
  if (list.items.length === 0) return <EmptyState title={t('registry.members.empty')} icon={<User size={40} color={colors.decoration} />} />;

  const dialog = confirming ? DIALOGS[confirming.action] : null;
  return (
    <View className='members__body'>
      <View className='linli-section'>
        <View className='linli-section__title'>
          <Text>{group.name}</Text>
          <Text className='linli-section__extra'>{t('registry.members.total', { count: list.total })}</Text>
        </View>
        <View className='linli-card leader-list'>
          {list.items.map((member) => {
            const actions = memberActions(group.abilities, member, myId);
            return (
              <View key={member.userId} className={`leader-row members__item members__item--${member.role}`} data-user-id={member.userId}>
                <UserAvatar name={member.nickname} src={member.avatar} />
                <View className='leader-row__main'>
                  <View className='leader-row__title'>
                    <Text className='members__name'>{member.nickname}</Text>
                    {member.role !== 'member' ? (
                      <Tag className='members__role' type={member.role === 'leader' ? 'primary' : 'warning'} round>
                        {t(`roles.${member.role}`)}
                      </Tag>
                    ) : null}
                    {member.userId === myId ? <Text className='members__me'>{t('registry.members.me')}</Text> : null}
                  </View>
                  <Text className='leader-row__meta'>{t('registry.members.since', { time: formatDate(member.since) })}</Text>
                  {actions.length > 0 ? (
                    <View className='leader-row__actions'>
                      {actions.map((action) => (
                        <Button key={action} className={`members__${action} ${action === 'remove' ? DANGER_BUTTON : ''}`} size='small' type={action === 'remove' ? 'default' : 'primary'} fill='outline' onClick={() => open(action, member)}>
                          {t(ACTION_LABELS[action])}
                        </Button>
                      ))}
                    </View>
                  ) : null}
                </View>
                {/* Never oneself, and not before we know who "oneself" is. */}
                {myId !== null && member.userId !== myId ? <ReportLink className='members__report' type='user' id={member.userId} title={member.nickname} /> : null}
              </View>
            );
          })}
        </View>
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
      </View>

      <ConfirmDialog
        visible={confirming !== null}
        title={dialog ? t(dialog.title) : ''}
        message={confirming && dialog ? t(dialog.message, { name: confirming.member.nickname }) : ''}
        confirmText={confirming ? t(ACTION_LABELS[confirming.action]) : undefined}
        cancelText={dialog && 'keep' in dialog ? t(dialog.keep) : undefined}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      />
      <ReasonDialog
        visible={removing !== null}
        title={removing ? t('registry.members.removeTitle', { name: removing.nickname }) : ''}
        message={t('registry.members.removeMessage')}
        optionLabel={t('registry.members.ban')}
        confirmText={t('registry.members.remove')}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </View>
  );
}

const ACTION_LABELS = {
  makeCoLeader: 'registry.members.makeCoLeader',
  makeMember: 'registry.members.makeMember',
  transfer: 'registry.members.transfer',
  remove: 'registry.members.remove',
} as const satisfies Record<MemberAction, string>;

const DIALOGS = {
  makeCoLeader: { title: 'registry.members.roleTitle', message: 'registry.members.makeCoLeaderMessage' },
  // Its confirm takes the role away: the dismiss says what stays (keep as co-leader).
  makeMember: { title: 'registry.members.roleTitle', message: 'registry.members.makeMemberMessage', keep: 'registry.members.keepCoLeader' },
  transfer: { title: 'registry.members.transferTitle', message: 'registry.members.transferMessage' },
} as const;
