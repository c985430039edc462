import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useI18n } from '../../hooks/useI18n';

/** One chosen photo: the local path to preview, and its file id once uploaded (a retry does not upload again). */
export interface PickedPhoto {
  path: string;
  fileId: string | null;
}

export interface PhotoPickProps {
  value: PickedPhoto | null;
  onChange: (value: PickedPhoto | null) => void;
  disabled?: boolean;
}

/**
 * One optional photo (a visit, a signed consent form): choose from the album or the camera,
 * preview, remove; uploading happens on submit. package-volunteer has its own picker for its
 * evidence; a subpackage cannot load another subpackage's files, so this one is package-care's.
 */
export function PhotoPick({ value, onChange, disabled = false }: PhotoPickProps) {
  const { t } = useI18n();
  const choose = async () => {
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const path = chosen.tempFilePaths[0];
      if (path) onChange({ path, fileId: null });
    } catch {
      // Cancelling the picker is not an error worth a message; the field stays as it was.
    }
  };
  if (value) {
    return (
      <View className='care-photo-picked'>
        <Image className='care-photo' src={value.path} mode='aspectFill' />
        <Button size='small' disabled={disabled} onClick={() => onChange(null)}>
          {t('care.visit.removePhoto')}
        </Button>
      </View>
    );
  }
  return (
    <View className='care-photo care-photo--add linli-pressable' role='button' aria-label={t('care.visit.uploadPhoto')} onClick={() => !disabled && void choose()}>
      <Text>{t('care.visit.uploadPhoto')}</Text>
    </View>
  );
}
