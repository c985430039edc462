import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Close, Photograph } from '@nutui/icons-react-taro';
import { useI18n } from '../../hooks/useI18n';
import { colors } from '../../styles/colors';

/** One chosen image: the local path to preview, and its file id once uploaded (so a retry does not upload again). */
export interface PickedImage {
  path: string;
  fileId: string | null;
}

export interface ImagePickProps {
  value: PickedImage | null;
  onChange: (value: PickedImage | null) => void;
  disabled?: boolean;
}

/**
 * One photo (evidence of a self-report, a store item's picture): choose from the album or the
 * camera, preview, remove. Uploading happens on submit, like the announcement form does it.
 */
export function ImagePick({ value, onChange, disabled = false }: ImagePickProps) {
  const { t } = useI18n();
  const choose = async () => {
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const path = chosen.tempFilePaths[0];
      if (path) onChange({ path, fileId: null });
    } catch (error) {
      // Cancelling the picker is not an error worth a message.
      const message = error instanceof Error ? error.message : typeof error === 'object' && error && 'errMsg' in error ? String(error.errMsg) : '';
      if (!/cancel/i.test(message)) Taro.showToast({ title: t('volunteer.common.chooseFailed'), icon: 'none' }).catch(() => undefined);
    }
  };
  if (value) {
    return (
      <View className='volunteer-image'>
        <Image className='volunteer-image__img' src={value.path} mode='aspectFill' />
        <View className='volunteer-image__remove' role='button' aria-label={t('volunteer.common.removeImage')} onClick={() => !disabled && onChange(null)}>
          <Close size={12} color={colors.onPrimary} />
        </View>
      </View>
    );
  }
  return (
    <View className='volunteer-image volunteer-image--add' role='button' aria-label={t('volunteer.common.chooseImage')} onClick={() => !disabled && void choose()}>
      <Photograph size={28} color={colors.ink3} />
      <Text className='volunteer-image__label'>{t('volunteer.common.chooseImage')}</Text>
    </View>
  );
}
