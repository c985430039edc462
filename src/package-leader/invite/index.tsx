import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Copy, Share } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { InviteView } from '../../shared/schemas/members';
import { call } from '../../services/cloud';
import { ChoiceChips } from '../../components/ChoiceChips';
import { GroupGate } from '../../components/GroupGate';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { formatDateTime } from '../../utils/registryFormat';
import '../components/leader.scss';
import './index.scss';
import { colors } from '../../styles/colors';

const VALIDITY = ['24', '72', '168', '720'] as const;
type Validity = (typeof VALIDITY)[number];

/**
 * The link to hand out. weapp shares the mini-program path on a card; in a browser the same
 * path is a hash route of the H5 app.
 */
function browserLink(path: string): string {
  return `${window.location.origin}${window.location.pathname}#/${path.replace(/^\//, '')}`;
}

/** Create an invite link (it joins without approval until it expires) and share or copy it. */
export default function InvitePage() {
  return (
    <GroupGate titleKey='registry.titles.invite' className='invite' abilities={['invites.create']}>
      {(group) => <InviteBody group={group} />}
    </GroupGate>
  );
}

function InviteBody({ group }: { group: GroupDetail }) {
  const { t } = useI18n();
  const [validity, setValidity] = useState<Validity>('72');
  const [invite, setInvite] = useState<InviteView | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useShareAppMessage(() => ({
    title: t('registry.invite.shareTitle', { name: group.name }),
    // Without a link yet the card opens the group page, which is harmless.
    path: invite ? `/${invite.path.replace(/^\//, '')}` : `/pages/group/index?id=${encodeURIComponent(group.id)}`,
  }));

  const create = async () => {
    setCreating(true);
    setError(null);
    try {
      setInvite(await call('invites.create', { groupId: group.id, expiresInHours: Number(validity) }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setCreating(false);
    }
  };

  const copy = () => {
    if (!invite) return;
    const data = process.env.TARO_ENV === 'h5' ? browserLink(invite.path) : `/${invite.path.replace(/^\//, '')}`;
    Taro.setClipboardData({ data })
      .then(() => Taro.showToast({ title: t('registry.invite.copied'), icon: 'none' }))
      .catch(() => undefined);
  };

  return (
    <View className='invite__body'>
      <View className='linli-section'>
        <View className='linli-card invite__card'>
          <Text className='invite__name'>{group.name}</Text>
          <Text className='invite__intro'>{t('registry.invite.intro', { name: group.name })}</Text>
          <Text className='invite__label'>{t('registry.invite.validFor')}</Text>
          <ChoiceChips
            options={VALIDITY.map((hours) => ({ value: hours, label: t(`registry.invite.hours${hours}`) }))}
            value={validity}
            onChange={(value) => setValidity(value)}
          />
          <Button className='invite__create' type='primary' size='large' block loading={creating} disabled={creating} onClick={() => void create()}>
            {t(invite ? 'registry.invite.recreate' : 'registry.invite.create')}
          </Button>
          {error ? (
            <View className='invite__error' role='alert'>
              {error}
            </View>
          ) : null}
        </View>
      </View>

      {invite ? (
        <View className='linli-section'>
          <View className='linli-card invite__card invite__result'>
            <Text className='invite__link' selectable>
              {process.env.TARO_ENV === 'h5' ? browserLink(invite.path) : `/${invite.path.replace(/^\//, '')}`}
            </Text>
            <Text className='invite__expires'>{t('registry.invite.expiresAt', { time: formatDateTime(invite.expiresAt) })}</Text>
            <View className='invite__actions'>
              {process.env.TARO_ENV === 'weapp' ? (
                <NativeButton className='invite__share' openType='share'>
                  <Share size={18} color={colors.onPrimary} />
                  <Text>{t('registry.invite.share')}</Text>
                </NativeButton>
              ) : null}
              <Button className='invite__copy' size='large' block onClick={copy}>
                <View className='invite__copy-label'>
                  <Copy size={16} color={colors.ink2} />
                  <Text>{t('registry.invite.copy')}</Text>
                </View>
              </Button>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
