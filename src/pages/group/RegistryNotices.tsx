/**
 * What the registry adds at the top of the group page: the application's state with the
 * reviewer's reason, the way into group management, and joining through an invite link.
 * Every button comes from the abilities the server sent.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ArrowRight, Clock, Failure, Setting, User, UserAdd } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import { reviewerRoleFor } from '../../shared/policies/groups';
import { call } from '../../services/cloud';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { membershipsChanged } from '../../stores/session';
import { canManage } from '../../utils/registryAbilities';
import { formatDateTime } from '../../utils/registryFormat';
import { foundPath, leaderPath, reviewPath } from '../../utils/registryRoutes';
import './registry.scss';
import { colors } from '../../styles/colors';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

interface Props {
  group: GroupDetail;
}

/** Pending or declined application: when, by whom, why; resubmit (applicant) or review (staff). */
export function ReviewNotice({ group }: Props) {
  const { t } = useI18n();
  if (group.status !== 'pending' && group.status !== 'rejected') return null;
  const who = t(`registry.reviewers.${reviewerRoleFor(group.managementLevel)}`);
  const can = (ability: string) => group.abilities.includes(ability);
  const pending = group.status === 'pending';
  return (
    <View className={`group-review group-review--${group.status}`} role='status'>
      <View className='group-review__head'>
        {pending ? <Clock size={20} color={colors.warning} /> : <Failure size={20} color={colors.danger} />}
        <Text className='group-review__title'>
          {pending
            ? t('registry.group.pendingNotice', { time: group.review ? formatDateTime(group.review.submittedAt) : '' })
            : t('registry.group.rejectedNotice')}
        </Text>
      </View>
      {pending ? <Text className='group-review__text'>{t('registry.group.pendingWho', { who })}</Text> : null}
      {!pending && group.review?.reason ? <Text className='group-review__text group-review__reason'>{t('registry.group.rejectedReason', { reason: group.review.reason })}</Text> : null}
      {can('groups.review') ? (
        <Button className='group-review__action group-review__review' type='primary' size='large' block onClick={() => go(reviewPath(group.id))}>
          {t('registry.group.review')}
        </Button>
      ) : null}
      {can('groups.resubmit') ? (
        <Button className='group-review__action group-review__resubmit' type='primary' size='large' block onClick={() => go(foundPath(group.id))}>
          {t('registry.group.resubmit')}
        </Button>
      ) : null}
    </View>
  );
}

/** The way into management (leaders, co-leaders, staff) or, for members, the member list. */
export function ManageEntry({ group }: Props) {
  const { t } = useI18n();
  if (canManage(group.abilities)) {
    return (
      <View className='group-entry group-entry--manage' role='link' onClick={() => go(leaderPath('manage', group.id))}>
        <Setting size={22} color={colors.primary} />
        <View className='group-entry__text'>
          <Text className='group-entry__title'>{t('registry.group.manage')}</Text>
          <Text className='group-entry__hint'>{t('registry.group.manageHint')}</Text>
        </View>
        <ArrowRight size={16} color={colors.ink3} />
      </View>
    );
  }
  if (group.abilities.includes('members.view')) {
    return (
      <View className='group-entry group-entry--members' role='link' onClick={() => go(leaderPath('members', group.id))}>
        <User size={22} color={colors.primary} />
        <View className='group-entry__text'>
          <Text className='group-entry__title'>{t('registry.group.members')}</Text>
          <Text className='group-entry__hint'>{t('common.members', { count: group.memberCount })}</Text>
        </View>
        <ArrowRight size={16} color={colors.ink3} />
      </View>
    );
  }
  return null;
}

/**
 * The page opened from an invite link (`?invite=<token>`): offer to join through it, which
 * works for invite-only groups too. Nothing to offer to someone already in.
 */
export function InviteBanner({ group, onJoined }: Props & { onJoined: (group: GroupDetail) => void }) {
  const { t } = useI18n();
  const token = useRouter().params.invite ?? '';
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!token || group.myMembership?.status === 'active' || group.status !== 'active') return null;

  const join = async () => {
    setJoining(true);
    setError(null);
    try {
      const joined = await call('groups.joinByInvite', { token });
      onJoined(joined);
      membershipsChanged();
      Taro.showToast({ title: t('registry.joinInvite.joined'), icon: 'success' }).catch(() => undefined);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setJoining(false);
    }
  };

  return (
    <View className='group-invite' role='status'>
      <View className='group-review__head'>
        <UserAdd size={20} color={colors.primary} />
        <Text className='group-review__title'>{t('registry.joinInvite.title')}</Text>
      </View>
      <Text className='group-review__text'>{t('registry.joinInvite.hint')}</Text>
      {error ? (
        <View className='group-invite__error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button className='group-invite__join' type='primary' size='large' block loading={joining} disabled={joining} onClick={() => void join()}>
        {t('registry.joinInvite.join')}
      </Button>
    </View>
  );
}
