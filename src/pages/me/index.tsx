import { useRef, useState, type ReactNode } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import { Edit, Location, Notice, Setting, User } from '@nutui/icons-react-taro';
import type { GroupCard as GroupCardData } from '../../shared/schemas/groups';
import { call, hasSession } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { GroupCard } from '../../components/GroupCard';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { UserAvatar } from '../../components/UserAvatar';
import { EventsMenu } from '../../components/EventsMenu';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { loadAccount, membershipVersion, resetSession } from '../../stores/session';
import { setElderly } from '../../stores/settings';
import { noticesPath } from '../../utils/moderationRoutes';
import { communityPath, groupPath, routes } from '../../utils/routes';
import { RegistryMenu } from './RegistryMenu';
import { VolunteerMenu } from './VolunteerMenu';
import './index.scss';
import { colors } from '../../styles/colors';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};
const openGroup = (groupId: string) => go(groupPath(groupId));

/** The Me tab: who I am, my groups, my requests (pending and declined), settings. */
export default function MePage() {
  const { t } = useI18n();
  const { elderly } = useSettings();
  const account = useAccount({ requireCommunity: true });
  const me = account.me?.account ?? null;
  const mine = useAsync(() => call('memberships.mine', {}), [], { enabled: hasSession() });
  const [confirmSignOut, setConfirmSignOut] = useState(false);

  // Joined or left a group elsewhere since this tab was last shown.
  const seenVersion = useRef(membershipVersion.get());
  useDidShow(() => {
    const version = membershipVersion.get();
    if (version !== seenVersion.current) {
      seenVersion.current = version;
      void mine.reload();
    }
  });

  usePullDownRefresh(() => {
    void Promise.all([mine.reload(), loadAccount(true)]).finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  const signOut = async () => {
    resetSession();
    await Taro.reLaunch({ url: routes.login }).catch(() => undefined);
  };

  const renderGroups = (groups: GroupCardData[]) =>
    groups.map((group) => <GroupCard key={group.id} group={group} simple={elderly} onOpen={openGroup} />);

  const renderMemberships = () => {
    if (mine.loading && !mine.data) return <LoadingState cards={2} />;
    if (mine.error || !mine.data) return <ErrorState message={mine.error ?? ''} onRetry={() => void mine.reload()} />;
    const { groups, requests } = mine.data;
    return (
      <>
        <View className='linli-section me__groups'>
          <View className='linli-section__title'>
            <Text>{t('me.myGroups')}</Text>
            <Text className='linli-section__extra'>{t('me.count', { count: groups.length })}</Text>
          </View>
          {groups.length > 0 ? (
            renderGroups(groups)
          ) : (
            <EmptyState
              className='me__empty'
              title={t('me.groupsEmpty')}
              description={t('me.groupsEmptyHint')}
              icon={<User size={40} color={colors.decoration} />}
              action={{ text: t('me.browse'), onClick: () => void Taro.switchTab({ url: routes.home }).catch(() => undefined) }}
            />
          )}
        </View>
        <View className='linli-section me__requests'>
          <View className='linli-section__title'>
            <Text>{t('me.myRequests')}</Text>
            <Text className='linli-section__extra'>{t('me.count', { count: requests.length })}</Text>
          </View>
          {requests.length > 0 ? renderGroups(requests) : <Text className='me__none'>{t('me.requestsEmpty')}</Text>}
        </View>
      </>
    );
  };

  return (
    <PageRoot titleKey='titles.me' tab className='me'>
      <View className='me__header'>
        {me ? (
          <View className='me__profile'>
            <UserAvatar className='me__avatar' name={me.nickname} src={me.avatar} size='large' />
            <View className='me__who'>
              <Text className='me__nickname'>{me.nickname}</Text>
              <View className='me__community'>
                <Location size={14} color={colors.onPrimary} />
                <Text>{me.homeCommunity ? me.homeCommunity.name : t('me.noCommunity')}</Text>
              </View>
            </View>
            {process.env.TARO_ENV === 'weapp' ? (
              <View className='me__edit' role='button' onClick={() => go(routes.login)}>
                <Edit size={16} color={colors.onPrimary} />
                <Text>{t('me.editProfile')}</Text>
              </View>
            ) : null}
          </View>
        ) : account.status === 'error' ? null : (
          <View className='me__profile me__profile--placeholder' />
        )}
      </View>

      {/* Large text on the first screen of this tab (not only in the settings): whoever needs it finds it. */}
      <View className='linli-section me__elderly-section'>
        <CellGroup className='me__menu'>
          <Cell
            className='me__elderly'
            title={t('settings.elderly')}
            description={t('settings.elderlyHint')}
            align='center'
            extra={<Switch className='me__elderly-switch' checked={elderly} onChange={(value) => setElderly(value)} ariaLabel={t('settings.elderly')} />}
          />
        </CellGroup>
      </View>

      <EventsMenu />

      {account.status === 'error' && !me ? <ErrorState message={account.error ?? ''} onRetry={account.retry} /> : renderMemberships()}

      <VolunteerMenu abilities={account.me?.abilities ?? []} groups={mine.data?.groups ?? []} />

      <RegistryMenu abilities={account.me?.abilities ?? []} />

      <View className='linli-section'>
        <CellGroup className='me__menu'>
          <Cell className='me__community-cell' title={<MenuTitle icon={<Location size={18} color={colors.ink2} />} text={t('me.switchCommunity')} />} extra={me?.homeCommunity?.name} clickable onClick={() => go(communityPath())} />
          <Cell className='me__notices' title={<MenuTitle icon={<Notice size={18} color={colors.ink2} />} text={t('moderation.me.notices')} />} clickable onClick={() => go(noticesPath())} />
          <Cell className='me__settings' title={<MenuTitle icon={<Setting size={18} color={colors.ink2} />} text={t('me.settings')} />} clickable onClick={() => go(routes.settings)} />
          {process.env.TARO_ENV === 'h5' ? <Cell className='me__sign-out' title={t('me.signOut')} clickable onClick={() => setConfirmSignOut(true)} /> : null}
        </CellGroup>
      </View>

      <ConfirmDialog
        visible={confirmSignOut}
        title={t('me.signOut')}
        message={t('me.confirmSignOut')}
        onConfirm={signOut}
        onClose={() => setConfirmSignOut(false)}
      />
    </PageRoot>
  );
}

interface MenuTitleProps {
  icon: ReactNode;
  text: string;
}

function MenuTitle({ icon, text }: MenuTitleProps) {
  return (
    <View className='me__menu-title'>
      {icon}
      <Text>{text}</Text>
    </View>
  );
}
