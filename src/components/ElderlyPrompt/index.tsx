import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { setElderly } from '../../stores/settings';
import './index.scss';

/**
 * The first-run offer of large text (forms.elderlyPrompt), on the first tab page opened: two large
 * buttons, and the answer is remembered (setElderly records it). A card at the top of the page
 * rather than a modal, so nothing is blocked for someone who just wants to look around.
 */
export function ElderlyPrompt() {
  const { t } = useI18n();
  const { elderly, elderlyOffered } = useSettings();
  if (elderlyOffered) return null;
  return (
    <View className='linli-elderly-prompt' role='region' aria-labelledby='linli-elderly-prompt-title'>
      <Text className='linli-elderly-prompt__title' id='linli-elderly-prompt-title'>
        {t('forms.elderlyPrompt.title')}
      </Text>
      <Text className='linli-elderly-prompt__body'>{t('forms.elderlyPrompt.body')}</Text>
      <View className='linli-elderly-prompt__actions'>
        <Button className='linli-elderly-prompt__yes' type='primary' size='large' block onClick={() => setElderly(true)}>
          {t('forms.elderlyPrompt.yes')}
        </Button>
        <Button className='linli-elderly-prompt__no' fill='outline' type='primary' size='large' block onClick={() => setElderly(elderly)}>
          {t('forms.elderlyPrompt.no')}
        </Button>
      </View>
    </View>
  );
}
