import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Copy, Location } from '@nutui/icons-react-taro';
import type { ActivityDetail } from '../../shared/schemas/activities';
import { useI18n } from '../../hooks/useI18n';
import './index.scss';
import { colors } from '../../styles/colors';

export interface ActivityMapProps {
  location: ActivityDetail['location'];
}

/**
 * H5: where the activity is, as text with a copy button (the browser build has no map
 * component; a copied address pastes into any map app). weapp: index.weapp.tsx shows a map.
 */
export function ActivityMap({ location }: ActivityMapProps) {
  const { t } = useI18n();
  const copy = () => {
    Taro.setClipboardData({ data: `${location.name} ${location.address}` })
      .then(() => Taro.showToast({ title: t('events.detail.addressCopied'), icon: 'none' }))
      .catch(() => undefined);
  };
  return (
    <View className='linli-activity-map linli-card'>
      <View className='linli-activity-map__place'>
        <Location size={20} color={colors.primary} />
        <View className='linli-activity-map__text'>
          <Text className='linli-activity-map__name'>{location.name}</Text>
          <Text className='linli-activity-map__address'>{location.address}</Text>
        </View>
      </View>
      <View className='linli-activity-map__copy' role='button' onClick={copy}>
        <Copy size={16} color={colors.primary} />
        <Text>{t('events.detail.copyAddress')}</Text>
      </View>
    </View>
  );
}
