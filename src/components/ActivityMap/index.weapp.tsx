import Taro from '@tarojs/taro';
import { Map, Text, View } from '@tarojs/components';
import { Location } from '@nutui/icons-react-taro';
import type { ActivityDetail } from '../../shared/schemas/activities';
import { useI18n } from '../../hooks/useI18n';
import './index.scss';
import { colors } from '../../styles/colors';

export interface ActivityMapProps {
  location: ActivityDetail['location'];
}

// The selected activities tab icon doubles as the marker: it is already in the package
// (tab icons are copied by the build) and WeChat requires an icon path for markers.
const MARKER_ICON = '/assets/tab/activities-active.png';

/**
 * weapp: a map with a marker when the activity has coordinates; tapping it opens WeChat's
 * location view (directions). Without coordinates, the place as text.
 */
export function ActivityMap({ location }: ActivityMapProps) {
  const { t } = useI18n();
  const { latitude, longitude } = location;
  const hasPoint = latitude !== null && longitude !== null;
  const open = () => {
    if (!hasPoint) return;
    Taro.openLocation({ latitude, longitude, name: location.name, address: location.address, scale: 17 }).catch(() => undefined);
  };
  return (
    <View className='linli-activity-map linli-card'>
      {hasPoint ? (
        <Map
          className='linli-activity-map__map'
          latitude={latitude}
          longitude={longitude}
          scale={16}
          markers={[{ id: 1, latitude, longitude, title: location.name, iconPath: MARKER_ICON, width: 32, height: 32 }]}
          onTap={open}
          onMarkerTap={open}
          onError={() => undefined}
        />
      ) : null}
      <View className='linli-activity-map__place' role='button' onClick={open}>
        <Location size={20} color={colors.primary} />
        <View className='linli-activity-map__text'>
          <Text className='linli-activity-map__name'>{location.name}</Text>
          <Text className='linli-activity-map__address'>{location.address}</Text>
        </View>
        {hasPoint ? <Text className='linli-activity-map__open'>{t('events.detail.openMap')}</Text> : null}
      </View>
    </View>
  );
}
