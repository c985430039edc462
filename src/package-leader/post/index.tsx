import '../locale';
import '../actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GroupDetail } from '../../shared/schemas/groups';
import { call, isClientError, uploadImage } from '../../services/cloud';
import { FormField } from '../../components/FormField';
import { PhotoPick, type PickedPhoto } from '../../components/PhotoPick';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { PostsCreateInput } from '../../shared/schemas/posts';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { GroupGate } from '../../components/GroupGate';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { groupChanged } from '../../stores/groupChanges';
import { LongTextField } from '../../components/LongText';
import '../components/leader.scss';
import './index.scss';

/** The contract's limits (PostsCreateInput): the text's, read from the schema; at most 9 images. */
const TEXT_LIMIT = textLimit(PostsCreateInput.shape.text);
const IMAGES_MAX = 9;
type PostField = 'text' | 'images';

/** Write an announcement with up to 9 photos; the text is checked before it is published. */
export default function PostPage() {
  return (
    <GroupGate titleKey='registry.titles.post' className='post leader-page--with-bar' abilities={['posts.create']}>
      {(group) => <Composer group={group} />}
    </GroupGate>
  );
}

type Phase = { kind: 'idle' } | { kind: 'uploading'; done: number; total: number } | { kind: 'publishing' };

function Composer({ group }: { group: GroupDetail }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [images, setImages] = useState<PickedPhoto[]>([]);
  const form = useFormErrors<PostField>(['text', 'images']);
  const setTextError = (message: string | null) => form.set('text', message);
  const [general, setGeneral] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind !== 'idle';

  /** Uploads what is not uploaded yet, one at a time (2 cores, slow phones), and returns the file ids. */
  const uploadAll = async (): Promise<string[]> => {
    const ids: string[] = [];
    const list = [...images];
    for (let i = 0; i < list.length; i += 1) {
      setPhase({ kind: 'uploading', done: i, total: list.length });
      const image = list[i]!;
      const fileId = image.fileId ?? (await uploadImage(image.path, 'posts'));
      list[i] = { ...image, fileId };
      setImages([...list]);
      ids.push(fileId);
    }
    return ids;
  };

  const publish = async () => {
    setGeneral(null);
    const body = text.trim();
    // PostsCreateInput judges the text (images are checked once uploaded).
    const input = { groupId: group.id, text, images: [] };
    const problems = schemaFieldErrors(PostsCreateInput, input, (path) => (path === 'text' ? 'text' : null), (issue) =>
      issue.code === 'too_big' ? issueMessage(t, issue, input) : t('registry.post.textRequired'),
    );
    if (form.refuse(problems)) return;
    try {
      const fileIds = await uploadAll();
      setPhase({ kind: 'publishing' });
      await call('posts.create', { groupId: group.id, text: body, images: fileIds });
      groupChanged(group.id);
      Taro.showToast({ title: t('registry.post.published'), icon: 'success' }).catch(() => undefined);
      await Taro.navigateBack().catch(() => undefined);
    } catch (error) {
      // The content check speaks about the text: say it next to the text box.
      if (isClientError(error) && error.code === 'CONTENT_REVIEW') setTextError(t('registry.post.contentReview'));
      else if (isClientError(error) && error.code === 'CONTENT_REJECTED') setTextError(t('registry.post.contentRejected'));
      else setGeneral(errorMessage(error));
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const label =
    phase.kind === 'uploading'
      ? t('registry.post.uploading', { done: phase.done + 1, total: phase.total })
      : phase.kind === 'publishing'
        ? t('registry.post.publishing')
        : t('registry.post.publish');

  return (
    <View className='post__form'>
      <View className='linli-section'>
        <Text className='linli-section__title'>{group.name}</Text>
        <View className='linli-card leader-form__card'>
          <LongTextField
            name='text'
            label={t('registry.post.text')}
            required
            error={form.errors.text}
            value={text}
            limit={TEXT_LIMIT}
            inputClassName='leader-textarea post__text'
            placeholder={t('registry.post.textPlaceholder')}
            onChange={(value) => {
              setText(value);
              setTextError(null);
            }}
          />
          <FormField name='images' label={t('registry.post.images')} hint={t('registry.post.imagesHint')}>
            <PhotoPick className='post__images' max={IMAGES_MAX} value={images} onChange={setImages} disabled={busy} />
          </FormField>
        </View>
      </View>

      <View className='leader-bar'>
        <SubmitBar
          label={label}
          onSubmit={() => void publish()}
          busy={busy}
          buttonClassName='post__publish'
          problems={form.problems}
          labels={{ text: t('registry.post.text') }}
          general={general}
          summaryClassName='post__general'
        />
      </View>
    </View>
  );
}
