import '../locale';
import '../actions';
import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup, Switch, Tag } from '@nutui/nutui-react-taro';
import { Del, Edit, Link, Notice, Share, Star, User, UserAdd } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { AsyncState } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { GroupGate } from '../../components/GroupGate';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useAsync, errorMessage } from '../../hooks/useAsync';
import { useGroupChanges } from '../../hooks/useGroupChanges';
import { useI18n } from '../../hooks/useI18n';
import { groupChanged } from '../../stores/groupChanges';
import { posterPath } from '../../utils/posterScene';
import { leaderPath } from '../../utils/registryRoutes';
import { MANAGE_ABILITIES } from '../../utils/registryAbilities';
import '../components/leader.scss';
import './index.scss';
import { colors } from '../../styles/colors';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

/** The management hub of one group: every task the server says this user may do here. */
export default function ManagePage() {
  return (
    <GroupGate titleKey='registry.titles.manage' className='manage' abilities={[...MANAGE_ABILITIES, 'members.view']}>
      {(group, detail) => <ManageBody group={group} detail={detail} />}
    </GroupGate>
  );
}

interface EntryProps {
  name: string;
  icon: ReactNode;
  title: string;
  hint: string;
  onClick: () => void;
  danger?: boolean;
}

function Entry({ name, icon, title, hint, onClick, danger = false }: EntryProps) {
  return (
    <Cell
      className={`manage__entry manage__${name}${danger ? ' manage__entry--danger' : ''}`}
      title={
        <View className='manage__entry-title'>
          {icon}
          <Text>{title}</Text>
        </View>
      }
      description={hint}
      align='center'
      clickable
      onClick={onClick}
    />
  );
}

function ManageBody({ group, detail }: { group: GroupDetail; detail: AsyncState<GroupDetail> }) {
  const { t } = useI18n();
  const can = (ability: string) => group.abilities.includes(ability);
  const manages = can('groups.manageMembers');
  const requests = useAsync(() => call('members.requests', { groupId: group.id }), [group.id], { enabled: manages });
  const [dissolving, setDissolving] = useState(false);
  const [rating, setRating] = useState<boolean | null>(null);
  const year = new Date().getFullYear();
  const excellent = group.ratings.some((r) => r.year === year && r.excellent);

  useGroupChanges(group.id, () => {
    void detail.reload();
    if (manages) void requests.reload();
  });

  const dissolve = async (reason: string | undefined) => {
    const next = await call('groups.dissolve', { groupId: group.id, reason: reason ?? '' });
    detail.setData(next);
    groupChanged(group.id);
    Taro.showToast({ title: t('registry.manage.dissolved'), icon: 'none' }).catch(() => undefined);
  };

  const rate = async () => {
    if (rating === null) return;
    try {
      const next = await call('groups.rate', { groupId: group.id, year, excellent: rating });
      detail.setData(next);
      groupChanged(group.id);
      Taro.showToast({ title: t(rating ? 'registry.manage.rateOn' : 'registry.manage.rateOff', { year }), icon: 'none' }).catch(() => undefined);
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    }
  };

  const pending = requests.data?.items.length ?? 0;
  const entries: ReactNode[] = [];
  if (manages) {
    entries.push(
      <Entry
        key='requests'
        name='requests'
        icon={<UserAdd size={20} color={colors.primary} />}
        title={t('registry.manage.requests')}
        hint={t('registry.manage.requestsHint', { count: pending })}
        onClick={() => go(leaderPath('requests', group.id))}
      />,
    );
  }
  if (can('members.view')) {
    entries.push(
      <Entry
        key='members'
        name='members'
        icon={<User size={20} color={colors.primary} />}
        title={t(manages ? 'registry.manage.members' : 'registry.manage.membersView')}
        hint={t('registry.manage.membersHint', { count: group.memberCount })}
        onClick={() => go(leaderPath('members', group.id))}
      />,
    );
  }
  if (can('posts.create')) {
    entries.push(
      <Entry key='post' name='post' icon={<Notice size={20} color={colors.primary} />} title={t('registry.manage.post')} hint={t('registry.manage.postHint')} onClick={() => go(leaderPath('post', group.id))} />,
    );
  }
  if (can('invites.create')) {
    entries.push(
      <Entry key='invite' name='invite' icon={<Share size={20} color={colors.primary} />} title={t('registry.manage.invite')} hint={t('registry.manage.inviteHint')} onClick={() => go(leaderPath('invite', group.id))} />,
    );
  }  if (can('invites.create')) {
    entries.push(
      <Entry key='poster' name='poster' icon={<Notice size={20} color={colors.primary} />} title={t('poster.make')} hint={t('poster.makeHint')} onClick={() => go(posterPath('group', group.id))} />,
    );
  }

  if (can('groups.edit')) {
    entries.push(
      <Entry key='edit' name='edit' icon={<Edit size={20} color={colors.primary} />} title={t('registry.manage.edit')} hint={t('registry.manage.editHint')} onClick={() => go(leaderPath('edit', group.id))} />,
    );
  }
  if (can('hubs.invite') || can('hubs.respond')) {
    entries.push(
      <Entry key='hub' name='hub' icon={<Link size={20} color={colors.primary} />} title={t('registry.manage.hub')} hint={t('registry.manage.hubHint')} onClick={() => go(leaderPath('hub', group.id))} />,
    );
  }

  return (
    <View className='manage__body'>
      <View className='linli-section'>
        <View className='linli-card manage__head'>
          <Text className='manage__name'>{group.name}</Text>
          <Tag className='manage__status' type={group.status === 'active' ? 'success' : 'default'} round>
            {t(`registry.status.${group.status}`)}
          </Tag>
        </View>
      </View>

      {entries.length > 0 ? (
        <View className='linli-section'>
          <CellGroup className='manage__entries'>{entries}</CellGroup>
        </View>
      ) : null}

      {can('groups.rate') ? (
        <View className='linli-section'>
          <Text className='linli-section__title'>{t('registry.manage.rate')}</Text>
          <CellGroup className='manage__entries'>
            <Cell
              className='manage__rate'
              title={
                <View className='manage__entry-title'>
                  <Star size={20} color={colors.warning} />
                  <Text>{t('registry.manage.rateYear', { year })}</Text>
                </View>
              }
              description={t('registry.manage.rateHint')}
              align='center'
              extra={<Switch className='manage__rate-switch' checked={excellent} onChange={(value) => setRating(value)} ariaLabel={t('registry.manage.rateYear', { year })} />}
            />
          </CellGroup>
        </View>
      ) : null}

      {can('groups.dissolve') ? (
        <View className='linli-section'>
          <CellGroup className='manage__entries'>
            <Entry
              name='dissolve'
              danger
              icon={<Del size={20} color={colors.danger} />}
              title={t('registry.manage.dissolve')}
              hint={t('registry.manage.dissolveHint')}
              onClick={() => setDissolving(true)}
            />
          </CellGroup>
        </View>
      ) : null}

      {entries.length === 0 && !can('groups.rate') && !can('groups.dissolve') ? <Text className='manage__nothing'>{t('registry.manage.nothing')}</Text> : null}

      <ReasonDialog
        visible={dissolving}
        title={t('registry.manage.dissolveTitle', { name: group.name })}
        message={t('registry.manage.dissolveMessage')}
        confirmText={t('registry.manage.dissolve')}
        onConfirm={dissolve}
        onClose={() => setDissolving(false)}
      />
      <ConfirmDialog
        visible={rating !== null}
        title={t('registry.manage.rate')}
        message={t(rating ? 'registry.manage.rateConfirmOn' : 'registry.manage.rateConfirmOff', { name: group.name, year })}
        onConfirm={rate}
        onClose={() => setRating(null)}
      />
    </View>
  );
}
