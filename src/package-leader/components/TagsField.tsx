import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Close } from '@nutui/icons-react-taro';
import { FormField } from '../../components/FormField';
import { useI18n } from '../../hooks/useI18n';
import { TAG_MAX, TAGS_MAX } from './groupForm';
import { colors } from '../../styles/colors';

export interface TagsFieldProps {
  tags: string[];
  error?: string | null;
  onChange: (tags: string[]) => void;
}

/** Up to 8 short tags: type one, add it, tap × to remove. */
export function TagsField({ tags, error, onChange }: TagsFieldProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const tag = draft.trim();
    if (!tag) return;
    const issue =
      tag.length > TAG_MAX
        ? t('registry.errors.tagTooLong', { max: TAG_MAX })
        : tags.includes(tag)
          ? t('registry.errors.tagDuplicate')
          : tags.length >= TAGS_MAX
            ? t('registry.errors.tooManyTags')
            : null;
    setProblem(issue);
    if (issue) return;
    onChange([...tags, tag]);
    setDraft('');
  };

  return (
    <FormField name='tags' label={t('registry.form.tags')} hint={t('registry.form.tagsHint')} error={problem ?? error}>
      {tags.length > 0 ? (
        <View className='leader-tags'>
          {tags.map((tag) => (
            <View key={tag} className='leader-tags__tag' role='button' aria-label={t('registry.form.removeTag', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))}>
              <Text>{tag}</Text>
              <Close size={12} color={colors.ink3} />
            </View>
          ))}
        </View>
      ) : null}
      <View className='leader-tags__add'>
        <Input
          className='leader-tags__input'
          value={draft}
          placeholder={t('registry.form.tagPlaceholder')}
          onChange={(value) => setDraft(value)}
          onConfirm={add}
        />
        <Button className='leader-tags__button' size='small' disabled={tags.length >= TAGS_MAX} onClick={add}>
          {t('registry.form.addTag')}
        </Button>
      </View>
    </FormField>
  );
}
