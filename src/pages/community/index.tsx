import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RegionTreeNode } from '../../shared/schemas/regions';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { CommunityPicker } from '../../components/CommunityPicker';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { setAccount } from '../../stores/session';
import { routes } from '../../utils/routes';
import './index.scss';

/**
 * Choose the home community (county → street → community); saved with
 * account.updateProfile. On first run (?first=1) it continues to home; otherwise it goes back.
 */
export default function CommunityPage() {
  const { t } = useI18n();
  const first = useRouter().params.first === '1';
  const account = useAccount();
  const [saving, setSaving] = useState(false);

  const save = async (community: RegionTreeNode) => {
    setSaving(true);
    try {
      const me = await call('account.updateProfile', { homeCommunityId: community.id });
      setAccount(me);
      Taro.showToast({ title: t('community.saved', { name: community.name }), icon: 'none' }).catch(() => undefined);
      if (first || Taro.getCurrentPages().length <= 1) {
        await Taro.reLaunch({ url: routes.home });
      } else {
        await Taro.navigateBack();
      }
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageRoot titleKey='titles.community' className='community'>
      <View className='community__intro'>
        <Text>{t('community.intro')}</Text>
      </View>
      <CommunityPicker currentId={account.me?.account.homeCommunity?.id ?? null} saving={saving} onSave={(c) => void save(c)} />
    </PageRoot>
  );
}
