import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Checkbox, Input } from '@nutui/nutui-react-taro';
import { CareCategory, CareConsentInput, CareRegisterInput } from '../../shared/schemas/care';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { LongTextField } from '../../components/LongText';
import { SubmitBar } from '../../components/SubmitBar';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { textLimit } from '../../utils/formLimits';
import { schemaFieldErrors } from '../../utils/schemaErrors';
import { requestSubscriptions } from '../../utils/subscribe';
import { PhotoPick, uploadedOnce, type PickedPhoto } from '../../components/PhotoPick';
import '../components/care.scss';
import './index.scss';

type Field = 'category' | 'name' | 'phone' | 'address' | 'frequency' | 'notes' | 'guardianName' | 'reference' | 'witnessed';
const FIELD_ORDER: readonly Field[] = ['category', 'name', 'phone', 'address', 'frequency', 'notes', 'guardianName', 'reference', 'witnessed'];
/** The contract's fields (CareRegisterInput) on the form's. */
const FIELD_OF: Record<string, Field> = {
  category: 'category',
  name: 'name',
  phone: 'phone',
  address: 'address',
  frequencyDays: 'frequency',
  notes: 'notes',
  consent: 'reference',
  'consent.guardianName': 'guardianName',
  'consent.reference': 'reference',
  'consent.witnessed': 'witnessed',
};
const PROBLEM: Record<Field, MessageKey> = {
  category: 'care.form.problems.category',
  name: 'care.form.problems.name',
  phone: 'care.form.problems.phone',
  address: 'care.form.problems.address',
  frequency: 'care.form.problems.frequency',
  notes: 'care.form.problems.notes',
  guardianName: 'care.form.problems.guardianName',
  reference: 'care.form.problems.reference',
  witnessed: 'care.form.problems.witnessed',
};
// Every text field's counter reads its limit from the contract (issue 16 item 1: shown as she types, never cut).
const NOTES_LIMIT = textLimit(CareRegisterInput.shape.notes.unwrap());
const NAME_LIMIT = textLimit(CareRegisterInput.shape.name);
const ADDRESS_LIMIT = textLimit(CareRegisterInput.shape.address);
const GUARDIAN_LIMIT = textLimit(CareConsentInput.shape.guardianName.unwrap());
/** The paper form's number: the text side of the reference (the other side is the photo's file id). */
const PAPER_LIMIT = textLimit(CareConsentInput.shape.reference.options[1]);
/** A stand-in file id while the photo is not uploaded yet, so the schema judges the rest of the form. */
const PENDING_UPLOAD = 'cloud://pending-upload';

/**
 * Registering a resident who needs regular care — only with consent: who agreed (herself or her
 * guardian), the signed form (a photo or the paper form's number), and the staff member's
 * confirmation that she witnessed it. The form checks with the contract's own schema.
 */
export default function CareRegisterPage() {
  const { t } = useI18n();
  useAccount();
  const communityId = useRouter().params.communityId ?? '';
  const [category, setCategory] = useState<CareCategory | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [frequency, setFrequency] = useState('7');
  const [notes, setNotes] = useState('');
  const [by, setBy] = useState<'self' | 'guardian'>('self');
  const [guardianName, setGuardianName] = useState('');
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [paperNo, setPaperNo] = useState('');
  const [witnessed, setWitnessed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useFormErrors<Field>(FIELD_ORDER);

  const inputOf = (reference: string) => ({
    communityId,
    category: category ?? '',
    name,
    ...(phone.trim() ? { phone } : {}),
    address,
    frequencyDays: Number(frequency),
    ...(notes.trim() ? { notes } : {}),
    consent: { by, ...(by === 'guardian' ? { guardianName } : {}), reference, witnessed },
  });

  const submit = async () => {
    setGeneral(null);
    const reference = photo ? (photo.fileId ?? PENDING_UPLOAD) : paperNo.trim();
    const found = schemaFieldErrors(CareRegisterInput, inputOf(reference), (path) => FIELD_OF[path] ?? null, (_issue, field) => t(PROBLEM[field]));
    if (form.refuse(found)) return;
    // The tap where her overdue alerts are born (the committee is told when a visit is late):
    // WeChat's consent prompt, before any await (docs/wechat.md). The next page says nothing of it.
    requestSubscriptions(['careOverdue']);
    setBusy(true);
    try {
      const fileId = photo ? await uploadedOnce(photo, 'evidence', setPhoto) : null;
      const person = await call('care.register', CareRegisterInput.parse(inputOf(fileId ?? reference)));
      Taro.showToast({ title: t('care.form.saved'), icon: 'success' }).catch(() => undefined);
      await Taro.redirectTo({ url: `/package-care/person/index?id=${person.id}` }).catch(() => undefined);
    } catch (error) {
      setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageRoot titleKey='care.titles.register' className='care-page care-register'>
      <View className='linli-section'>
        <View className='linli-card care-card'>
          <FormField name='category' label={t('care.form.category')} required error={form.errors.category}>
            <ChoiceChips
              options={CareCategory.options.map((value) => ({ value, label: t(`care.categories.${value}`) }))}
              value={category}
              onChange={(value) => (setCategory(value), form.clear('category'))}
            />
          </FormField>
          <FormField name='name' label={t('care.form.name')} required error={form.errors.name} count={{ value: name, limit: NAME_LIMIT }}>
            <Input value={name} aria-label={t('care.form.name')} onChange={(v) => (setName(v), form.clear('name'))} />
          </FormField>
          <FormField name='phone' label={t('care.form.phone')} hint={t('care.form.phoneHint')} error={form.errors.phone}>
            <Input type='number' value={phone} aria-label={t('care.form.phone')} onChange={(v) => (setPhone(v), form.clear('phone'))} />
          </FormField>
          <FormField name='address' label={t('care.form.address')} required hint={t('care.form.addressHint')} error={form.errors.address} count={{ value: address, limit: ADDRESS_LIMIT }}>
            <Input value={address} aria-label={t('care.form.address')} onChange={(v) => (setAddress(v), form.clear('address'))} />
          </FormField>
          <FormField name='frequency' label={t('care.form.frequency')} required hint={t('care.form.frequencyHint')} error={form.errors.frequency}>
            <Input type='number' value={frequency} aria-label={t('care.form.frequency')} onChange={(v) => (setFrequency(v), form.clear('frequency'))} />
          </FormField>
          <LongTextField
            name='notes'
            label={t('care.form.notes')}
            hint={t('care.form.notesHint')}
            error={form.errors.notes}
            value={notes}
            limit={NOTES_LIMIT}
            onChange={(v) => (setNotes(v), form.clear('notes'))}
          />
        </View>
      </View>
      <View className='linli-section'>
        <View className='linli-section__title'>{t('care.form.consentSection')}</View>
        <View className='linli-card care-card'>
          <FormField name='consentBy' label={t('care.form.consentBy')} required>
            <ChoiceChips
              options={[
                { value: 'self' as const, label: t('care.form.self') },
                { value: 'guardian' as const, label: t('care.form.guardian') },
              ]}
              value={by}
              onChange={(value) => (setBy(value), form.clear('guardianName'))}
            />
          </FormField>
          {by === 'guardian' ? (
            <FormField name='guardianName' label={t('care.form.guardianName')} required error={form.errors.guardianName} count={{ value: guardianName, limit: GUARDIAN_LIMIT }}>
              <Input value={guardianName} aria-label={t('care.form.guardianName')} onChange={(v) => (setGuardianName(v), form.clear('guardianName'))} />
            </FormField>
          ) : null}
          <FormField name='reference' label={t('care.form.reference')} required hint={t('care.form.referenceHint')} error={form.errors.reference} count={photo ? undefined : { value: paperNo, limit: PAPER_LIMIT }}>
            <PhotoPick value={photo} onChange={(v) => (setPhoto(v), form.clear('reference'))} disabled={busy} />
            {photo ? null : <Input value={paperNo} placeholder={t('care.form.referenceNumber')} aria-label={t('care.form.referenceNumber')} onChange={(v) => (setPaperNo(v), form.clear('reference'))} />}
          </FormField>
          <FormField name='witnessed' label={t('care.form.consentSection')} required error={form.errors.witnessed}>
            <Checkbox className='care-witnessed' checked={witnessed} label={t('care.form.witnessed')} onChange={(checked) => (setWitnessed(checked), form.clear('witnessed'))} />
          </FormField>
        </View>
      </View>
      <View className='care-bar'>
        <SubmitBar
          label={t('care.form.submit')}
          onSubmit={() => void submit()}
          busy={busy}
          buttonClassName='care-register__submit'
          problems={form.problems}
          labels={{
            category: t('care.form.category'),
            name: t('care.form.name'),
            phone: t('care.form.phone'),
            address: t('care.form.address'),
            frequency: t('care.form.frequency'),
            notes: t('care.form.notes'),
            guardianName: t('care.form.guardianName'),
            reference: t('care.form.reference'),
            witnessed: t('care.form.consentSection'),
          }}
          general={general}
        />
      </View>
    </PageRoot>
  );
}
