import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import { useI18n } from '../../hooks/useI18n';
import { answerPrivacyRequests, listenForPrivacyRequests, usePrivacyRequested } from '../../stores/privacy';
import './index.scss';

const AGREE_BUTTON_ID = 'linli-privacy-agree';

/**
 * WeChat's privacy notice: shows while WeChat holds a privacy API or component for the user's
 * consent (src/stores/privacy.ts), and only a tap on the button with
 * open-type="agreePrivacyAuthorization" lets the held calls continue. PageRoot mounts it on
 * every page, since any page may use such an API (an album, a location, the avatar).
 * Renders nothing outside weapp.
 */
export function PrivacyPopup() {
  const { t } = useI18n();
  const requested = usePrivacyRequested();

  // Normally already done by app.ts at launch; here too so a page works on its own (tests).
  useEffect(() => listenForPrivacyRequests(), []);

  if (process.env.TARO_ENV !== 'weapp') return null;

  return (
    <Popup visible={requested} position='bottom' round closeable={false} closeOnOverlayClick={false}>
      <View className='linli-privacy'>
        <Text className='linli-privacy__title'>{t('privacy.title')}</Text>
        <View className='linli-privacy__body'>
          <Text>{t('privacy.body')}</Text>
          <Text className='linli-privacy__link' onClick={() => Taro.openPrivacyContract({})}>
            {t('privacy.contract')}
          </Text>
        </View>
        <Button id={AGREE_BUTTON_ID} className='linli-privacy__agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacyRequests(true, AGREE_BUTTON_ID)}>
          {t('privacy.agree')}
        </Button>
        <Button className='linli-privacy__disagree' onClick={() => answerPrivacyRequests(false, AGREE_BUTTON_ID)}>
          {t('privacy.disagree')}
        </Button>
      </View>
    </Popup>
  );
}
