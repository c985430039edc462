import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import { useI18n } from '../../hooks/useI18n';
import './index.scss';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

const AGREE_BUTTON_ID = 'linli-privacy-agree';

/**
 * WeChat's privacy flow: before a privacy API or component (avatar, nickname) runs, the
 * platform asks us through onNeedPrivacyAuthorization; we show the notice, and only a tap on a
 * button with open-type="agreePrivacyAuthorization" lets the pending call continue. Mount it
 * on every page that uses such APIs. Renders nothing outside weapp.
 */
export function PrivacyPopup() {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  const pending = useRef<Resolve | null>(null);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
    // wx has no "off" for this listener; the newest registration (the page on screen) wins.
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending.current = resolve;
      resolve({ event: 'exposureAuthorization' });
      setVisible(true);
    });
  }, []);

  if (process.env.TARO_ENV !== 'weapp') return null;

  const finish = (agreed: boolean) => {
    pending.current?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
    pending.current = null;
    setVisible(false);
  };

  return (
    <Popup visible={visible} position='bottom' round closeable={false} closeOnOverlayClick={false}>
      <View className='linli-privacy'>
        <Text className='linli-privacy__title'>{t('privacy.title')}</Text>
        <View className='linli-privacy__body'>
          <Text>{t('privacy.body')}</Text>
          <Text className='linli-privacy__link' onClick={() => Taro.openPrivacyContract({})}>
            {t('privacy.contract')}
          </Text>
        </View>
        <Button id={AGREE_BUTTON_ID} className='linli-privacy__agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => finish(true)}>
          {t('privacy.agree')}
        </Button>
        <Button className='linli-privacy__disagree' onClick={() => finish(false)}>
          {t('privacy.disagree')}
        </Button>
      </View>
    </Popup>
  );
}
