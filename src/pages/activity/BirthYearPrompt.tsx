import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { BirthYear } from '../../shared/schemas/account';
import { call } from '../../services/cloud';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { errorMessage } from '../../hooks/useAsync';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { issueMessage } from '../../utils/schemaErrors';

export interface BirthYearPromptProps {
  /** Whose birth year: herself (undefined) or the resident a proxy acts for. */
  forUserId?: string;
  /** Her name, when a proxy asks for someone else. */
  name?: string;
  /** Runs once the year is stored on her profile (the sign-up is tried again). */
  onSaved: () => void;
}

/**
 * Asked when an activity has a minimum age and the server does not know hers (signupErrors
 * birthYearNeeded): the birth year goes on her profile (account.updateProfile, for a proxy with
 * `forUserId`), checked first with the same schema the server uses.
 */
export function BirthYearPrompt({ forUserId, name, onSaved }: BirthYearPromptProps) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  // The one form mechanism (issue 16 item 1): the problem by its field and above the button, a
  // refusal of the server there too, and the page scrolled to the field.
  const form = useFormErrors<'birthYear'>(['birthYear']);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const year = Number(value);
    const checked = BirthYear.safeParse(value.trim() === '' ? undefined : year);
    if (!checked.success) {
      form.refuse({ birthYear: issueMessage(t, checked.error.issues[0]!, year) });
      return;
    }
    setBusy(true);
    setRefused(null);
    try {
      await call('account.updateProfile', { birthYear: checked.data, ...(forUserId ? { forUserId } : {}) });
      onSaved();
    } catch (caught) {
      setRefused(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='linli-card activity__birth-year' role='group' aria-label={t('proxy.birthYear.title')}>
      <Text className='activity__birth-year-title'>{t('proxy.birthYear.title')}</Text>
      <Text className='activity__birth-year-hint'>{t('proxy.birthYear.hint', { name: name ?? t('proxy.birthYear.self') })}</Text>
      <FormField name='birthYear' label={t('proxy.birthYear.label')} required error={form.errors.birthYear}>
        <Input
          className='activity__birth-year-input'
          type='number'
          maxLength={4}
          value={value}
          placeholder={t('proxy.birthYear.placeholder')}
          aria-label={t('proxy.birthYear.label')}
          onChange={(next) => {
            setValue(next.replace(/\D/g, ''));
            form.clear('birthYear');
            setRefused(null);
          }}
        />
      </FormField>
      <FormErrorSummary problems={form.problems} labels={{ birthYear: t('proxy.birthYear.label') }} general={refused} />
      <Button className='activity__birth-year-save' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void save()}>
        {t('proxy.birthYear.submit')}
      </Button>
    </View>
  );
}
