import { useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { Clock, Copy, Failure, Location, Phone, Share, Success, Tips } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { shareImageOf } from '../../utils/share';
import { PageRoot } from '../../components/PageRoot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SubscribeNote } from '../../components/SubscribeNote';
import { useSubscriptionPrompt } from '../../hooks/useSubscriptionPrompt';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { UserAvatar } from '../../components/UserAvatar';
import { GroupBadge } from '../../components/GroupBadge';
import { GroupActivities } from '../../components/GroupActivities';
import { ReportLink } from '../../components/ReportLink';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { membershipsChanged } from '../../stores/session';
import { TYPE_COLORS } from '../../utils/groupStyle';
import { groupPath } from '../../utils/routes';
import { availableAction, noticeFor, type GroupAction } from './actions';
import { useGroupChanges } from '../../hooks/useGroupChanges';
import { HubMembers } from './HubMembers';
import { PostsFeed } from './PostsFeed';
import { InviteBanner, ManageEntry, ReviewNotice } from './RegistryNotices';
import './index.scss';
import { colors } from '../../styles/colors';
import { pageIdOf } from '../../utils/posterScene';
import { scrollToClass } from '../../utils/scrollToField';

/** The group's activities section (GroupActivities), where a member's main button leads. */
const ACTIVITIES_SECTION = 'linli-group-activities';

const openGroup = (groupId: string) => {
  Taro.navigateTo({ url: groupPath(groupId) }).catch(() => undefined);
};

// `keep` names the dismiss button where the confirm takes something away (leaving: "stay in the group").
const CONFIRM: Record<GroupAction, { title: MessageKey; message: MessageKey; button: MessageKey; done: MessageKey; keep?: MessageKey }> = {
  join: { title: 'group.confirmJoinTitle', message: 'group.confirmJoin', button: 'group.join', done: 'group.joined' },
  request: { title: 'group.confirmRequestTitle', message: 'group.confirmRequest', button: 'group.requestJoin', done: 'group.requested' },
  leave: { title: 'group.confirmLeaveTitle', message: 'group.confirmLeave', button: 'group.leave', done: 'group.left', keep: 'group.stay' },
  withdraw: { title: 'group.confirmWithdrawTitle', message: 'group.confirmWithdraw', button: 'group.withdraw', done: 'group.withdrawn' },
};

/** The group page (?id=): what the group is, who runs it, and join / request / leave / withdraw. */
export default function GroupPage() {
  const { t } = useI18n();
  // Opened from a link (id) or by scanning a poster's mini-program code (scene).
  const groupId = pageIdOf(useRouter().params);
  useAccount();
  const detail = useAsync(() => call('groups.get', { groupId }), [groupId], { enabled: groupId !== '' });
  const [confirming, setConfirming] = useState<GroupAction | null>(null);
  // Asking to join: consent for the review result, in the confirming tap.
  const subscription = useSubscriptionPrompt();
  const group = detail.data;
  // Back from a leader or staff page that changed this group.
  useGroupChanges(groupId, () => void detail.reload());

  useShareAppMessage(() => ({
    title: group ? t('group.shareTitle', { name: group.name }) : t('share.defaultTitle'),
    path: groupPath(groupId),
    imageUrl: shareImageOf(group?.coverImage),
  }));

  const act = async (action: GroupAction) => {
    if (action === 'request') subscription.ask(['joinDecision']);
    try {
      const next = action === 'join' || action === 'request' ? await call('groups.join', { groupId }) : await call('groups.leave', { groupId });
      detail.setData(next);
      membershipsChanged();
      Taro.showToast({ title: t(CONFIRM[action].done), icon: 'success' }).catch(() => undefined);
    } catch (error) {
      // A stale page (e.g. already joined elsewhere): show the message and the group as it is now.
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
      void detail.reload();
    }
  };

  const copyLink = () => {
    const url = process.env.TARO_ENV === 'h5' ? window.location.href : groupPath(groupId);
    Taro.setClipboardData({ data: url })
      .then(() => Taro.showToast({ title: t('common.copied'), icon: 'none' }))
      .catch(() => undefined);
  };

  if (!groupId) {
    return (
      <PageRoot titleKey='titles.group'>
        <EmptyState title={t('group.missingId')} />
      </PageRoot>
    );
  }
  if (detail.loading && !group) {
    return (
      <PageRoot titleKey='titles.group'>
        <LoadingState cards={3} />
      </PageRoot>
    );
  }
  if (detail.error || !group) {
    return (
      <PageRoot titleKey='titles.group'>
        <ErrorState message={detail.error ?? ''} code={detail.errorCode} goneTitle={t('group.gone')} onRetry={() => void detail.reload()} />
      </PageRoot>
    );
  }

  const action = availableAction(group);
  const keep = confirming ? CONFIRM[confirming].keep : undefined;
  return (
    <PageRoot titleKey='titles.group' className='group' busy={detail.loading}>
      <GroupHero group={group} />
      <MembershipNotice group={group} />
      <InviteBanner group={group} onJoined={detail.setData} />
      <ReviewNotice group={group} />
      <SubscribeNote outcome={subscription.outcome} />
      <ManageEntry group={group} />

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('group.about')}</Text>
        <View className='linli-card group__about'>
          <Text className='group__description'>{group.description || group.summary}</Text>
          {group.tags.length > 0 ? (
            <View className='group__tags'>
              {group.tags.map((tag) => (
                <Tag key={tag} plain color={colors.ink2}>
                  {tag}
                </Tag>
              ))}
            </View>
          ) : null}
        </View>
      </View>

      <View className='linli-section'>
        <CellGroup className='group__facts'>
          <Cell title={t('group.type')} extra={t(`groupTypes.${group.type}`)} />
          <Cell title={t('group.level')} description={t(`levelHints.${group.managementLevel}`)} extra={t(`levels.${group.managementLevel}`)} />
          {group.registrationNumber ? <Cell className='group__number' title={t('group.registrationNumber')} extra={group.registrationNumber} /> : null}
          {group.filingNumber ? <Cell className='group__number' title={t('group.filingNumber')} extra={group.filingNumber} /> : null}
          <Cell title={t('group.joinPolicy')} extra={t(`joinPolicies.${group.joinPolicy}`)} />
          <Cell className='group__rules' title={t('group.rules')} description={t('group.rulesText', { hours: group.rules.cancelCutoffHours, limit: group.rules.noShowLimit })} />
          <Cell title={t('group.region')} extra={group.regionName} />
          {group.hub ? <Cell className='group__hub' title={t('group.hub')} extra={group.hub.name} clickable onClick={() => openGroup(group.hub!.id)} /> : null}
        </CellGroup>
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('group.leader')}</Text>
        <View className='linli-card group__person'>
          {group.leader ? (
            <>
              <UserAvatar name={group.leader.nickname} src={group.leader.avatar} size='large' />
              <View className='group__person-text'>
                <Text className='group__person-name'>{group.leader.nickname}</Text>
                <Text className='group__person-role'>{t('roles.leader')}</Text>
              </View>
            </>
          ) : (
            <Text className='group__muted'>{t('group.noLeader')}</Text>
          )}
        </View>
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('group.contact')}</Text>
        <View className='linli-card group__contact'>
          {group.contact ? (
            <>
              <View className='group__contact-row'>
                <Phone size={18} color={colors.primary} />
                <Text className='group__contact-name'>{group.contact.name}</Text>
                <Text className='group__contact-phone'>{group.contact.phone}</Text>
              </View>
              {group.contact.masked ? <Text className='group__muted group__contact-hint'>{t('group.contactMasked')}</Text> : null}
            </>
          ) : (
            <Text className='group__muted'>{t('group.noContact')}</Text>
          )}
        </View>
      </View>

      {group.status === 'active' ? <GroupActivities group={group} /> : null}
      <HubMembers group={group} />
      <PostsFeed group={group} />

      {action === 'leave' ? (
        <View className='group__leave'>
          <Button className='group__leave-button' fill='none' size='small' onClick={() => setConfirming('leave')}>
            {t('group.leave')}
          </Button>
        </View>
      ) : null}

      <View className='group__bar'>
        {process.env.TARO_ENV === 'weapp' ? (
          <NativeButton className='group__share' openType='share'>
            <Share size={18} color={colors.ink2} />
            <Text>{t('group.share')}</Text>
          </NativeButton>
        ) : (
          <View className='group__share' role='button' onClick={copyLink}>
            <Copy size={18} color={colors.ink2} />
            <Text>{t('group.copyLink')}</Text>
          </View>
        )}
        {/* A member's big button leads somewhere worth going (the group's activities); leaving
            is the quiet link at the end of the page (issue 16: a red "leave" was her only choice). */}
        {action === 'leave' && group.status === 'active' ? (
          <Button className='group__action group__action--activities' type='primary' size='large' onClick={() => scrollToClass(ACTIVITIES_SECTION)}>
            {t('group.seeActivities')}
          </Button>
        ) : null}
        {action && action !== 'leave' ? (
          <Button
            className={`group__action group__action--${action}`}
            type={action === 'join' || action === 'request' ? 'primary' : 'default'}
            size='large'
            onClick={() => setConfirming(action)}
          >
            {t(CONFIRM[action].button)}
          </Button>
        ) : null}
      </View>

      <ConfirmDialog
        visible={confirming !== null}
        title={confirming ? t(CONFIRM[confirming].title) : ''}
        message={confirming ? t(CONFIRM[confirming].message, { name: group.name }) : ''}
        confirmText={confirming ? t(CONFIRM[confirming].button) : undefined}
        cancelText={keep ? t(keep) : undefined}
        onConfirm={() => (confirming ? act(confirming) : Promise.resolve())}
        onClose={() => setConfirming(null)}
      />
    </PageRoot>
  );
}

interface GroupPartProps {
  group: GroupDetail;
}

function GroupHero({ group }: GroupPartProps) {
  const { t } = useI18n();
  const typeColors = TYPE_COLORS[group.type];
  return (
    <View className='group__hero'>
      <View className='group__hero-card linli-card'>
        <View className='group__hero-head'>
          <GroupBadge type={group.type} size='large' />
          <View className='group__hero-titles'>
            <Text className='group__name'>{group.name}</Text>
            <View className='group__hero-tags'>
              <Tag background={typeColors.soft} color={typeColors.strong}>
                {t(`groupTypes.${group.type}`)}
              </Tag>
              <Tag plain color={colors.ink2}>
                {t(`levels.${group.managementLevel}`)}
              </Tag>
              {group.ratings
                .filter((rating) => rating.excellent)
                .map((rating) => (
                  <Tag key={rating.year} className='group__excellent' background={colors.warningSoft} color={colors.warning}>
                    {t('group.excellent', { year: rating.year })}
                  </Tag>
                ))}
            </View>
          </View>
        </View>
        <View className='group__region'>
          <Location size={14} color={colors.ink3} />
          <Text>{group.regionName}</Text>
          {/* Its leaders run the group; everyone else may report it. */}
          {group.status === 'active' && !group.abilities.includes('groups.edit') ? (
            <ReportLink className='group__report' type='group' id={group.id} title={group.name} groupId={group.id} />
          ) : null}
        </View>
        <View className='group__stats'>
          <View className='group__stat'>
            <Text className='group__stat-value'>{group.memberCount}</Text>
            <Text className='group__stat-label'>{t('group.memberCount')}</Text>
          </View>
          <View className='group__stat'>
            <Text className='group__stat-value group__stat-value--text'>{t(`joinPolicies.${group.joinPolicy}`)}</Text>
            <Text className='group__stat-label'>{t('group.joinPolicy')}</Text>
          </View>
          <View className='group__stat'>
            <Text className='group__stat-value group__stat-value--text'>{t(`levels.${group.managementLevel}`)}</Text>
            <Text className='group__stat-label'>{t('group.level')}</Text>
          </View>
        </View>
      </View>
    </View>
  );
}

function MembershipNotice({ group }: GroupPartProps) {
  const { t } = useI18n();
  const notice = noticeFor(group);
  if (!notice) return null;
  const role = group.myMembership?.role ?? 'member';
  const content = {
    pending: { icon: <Clock size={20} color={colors.warning} />, text: t('group.pendingNotice') },
    active: { icon: <Success size={20} color={colors.success} />, text: t('group.activeNotice', { role: t(`roles.${role}`) }) },
    rejected: { icon: <Failure size={20} color={colors.danger} />, text: t('group.rejectedNotice') },
    inviteOnly: { icon: <Tips size={20} color={colors.ink2} />, text: t('group.inviteOnly') },
    notActive: { icon: <Tips size={20} color={colors.ink2} />, text: t('group.notActive') },
    dissolved: {
      icon: <Tips size={20} color={colors.ink2} />,
      text: group.dissolvedReason ? t('group.dissolvedReason', { reason: group.dissolvedReason }) : t('group.dissolved'),
    },
  }[notice];
  return (
    <View className={`group__notice group__notice--${notice}`} role='status'>
      {content.icon}
      <Text className='group__notice-text'>{content.text}</Text>
    </View>
  );
}
