import { uploadImage, type ImageKind } from '../../services/cloud';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Close, Photograph } from '@nutui/icons-react-taro';
import { pressable } from '../Pressable';
import { useI18n } from '../../hooks/useI18n';
import { colors } from '../../styles/colors';
import { cx } from '../../utils/cx';
import { isPickerCancel } from './pickerCancel';
import './index.scss';

/** One chosen photo: the local path to preview, and its file id once uploaded (so a retry does not upload it again). */
export interface PickedPhoto {
  path: string;
  fileId: string | null;
}

interface PhotoPickCommon {
  /** While the form is sent: nothing can be added or removed. */
  disabled?: boolean;
  /** The page's own hook on the block (tests, spacing). */
  className?: string;
}

/** One photo, or none (evidence, a store item's picture, a signed form, a notice's image). */
export interface OnePhotoProps extends PhotoPickCommon {
  max?: undefined;
  value: PickedPhoto | null;
  onChange: (value: PickedPhoto | null) => void;
}

/** Up to `max` photos (a group post's nine). */
export interface ManyPhotosProps extends PhotoPickCommon {
  max: number;
  value: readonly PickedPhoto[];
  onChange: (value: PickedPhoto[]) => void;
}

export type PhotoPickProps = OnePhotoProps | ManyPhotosProps;

/**
 * The one photo picker of every form: choose from the album or the camera (Taro.chooseImage,
 * compressed, as many as are still allowed), see each chosen photo, remove one. Cancelling the
 * picker changes nothing and says nothing; any other failure says so in a toast. Uploading is the
 * form's business on submit (`fileId` keeps what it uploaded).
 */
export function PhotoPick(props: PhotoPickProps) {
  const { t } = useI18n();
  const { disabled = false, className } = props;
  const many = props.max !== undefined;
  const max = props.max ?? 1;
  const photos: readonly PickedPhoto[] = props.max === undefined ? (props.value ? [props.value] : []) : props.value;
  const change = (next: PickedPhoto[]) => (props.max === undefined ? props.onChange(next[0] ?? null) : props.onChange(next));

  const choose = async () => {
    const room = max - photos.length;
    if (disabled || room <= 0) return;
    try {
      const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const added = chosen.tempFilePaths.slice(0, room).map((path) => ({ path, fileId: null }));
      if (added.length > 0) change([...photos, ...added]);
    } catch (error) {
      if (!isPickerCancel(error)) Taro.showToast({ title: t('common.photo.chooseFailed'), icon: 'none' }).catch(() => undefined);
    }
  };
  const remove = (index: number) => {
    if (!disabled) change(photos.filter((_, i) => i !== index));
  };

  // The add tile's accessible name is its visible text (WCAG 2.2 2.5.3 Label in Name).
  const addLabel = many ? `${t('common.photo.add')} ${t('common.photo.count', { count: photos.length, max })}` : t('common.photo.add');
  return (
    <View className={cx('linli-photos', disabled && 'linli-photos--disabled', className)}>
      {photos.map((photo, index) => {
        const removeLabel = many ? t('common.photo.removeNth', { index: index + 1 }) : t('common.photo.remove');
        return (
          <View key={`${index}:${photo.path}`} className='linli-photo'>
            <Image className='linli-photo__img' src={photo.path} mode='aspectFill' />
            <View className='linli-photo__remove linli-pressable' onClick={() => remove(index)} {...pressable(() => remove(index), { label: removeLabel, disabled })}>
              <Close size={14} color={colors.onPrimary} />
            </View>
          </View>
        );
      })}
      {photos.length < max ? (
        <View className='linli-photo linli-photo--add linli-pressable' onClick={() => void choose()} {...pressable(() => void choose(), { label: addLabel, disabled })}>
          <Photograph size={28} color={colors.ink3} />
          <Text className='linli-photo__label'>{t('common.photo.add')}</Text>
          {many ? <Text className='linli-photo__count'>{t('common.photo.count', { count: photos.length, max })}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}

/**
 * The photo's file id, uploading it on the first try only: the form keeps the id (`keep`), so a
 * retry after a refusal sends the same file instead of uploading it again.
 */
export async function uploadedOnce(photo: PickedPhoto, kind: ImageKind, keep: (photo: PickedPhoto) => void): Promise<string> {
  if (photo.fileId) return photo.fileId;
  const fileId = await uploadImage(photo.path, kind);
  keep({ ...photo, fileId });
  return fileId;
}
