import '../locale';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CheckChecked } from '@nutui/icons-react-taro';
import type { InputOf } from '../../shared/api/contract';
import type { IdType } from '../../shared/identity/idNumber';
import type { VolunteerProfile } from '../../shared/schemas/volunteer';
import type { MessageKey } from '../../locales';
import { call, isClientError } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { SubscribeNote } from '../../components/SubscribeNote';
import { useSubscriptionPrompt } from '../../hooks/useSubscriptionPrompt';
import type { SubscribeOutcome, SubscribeTopic } from '../../utils/subscribe';
import { FormField } from '../../components/FormField';
import { ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { chinaDay } from '../../utils/chinaTime';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { ChipSelect } from '../components/ChipSelect';
import { DateField } from '../components/DateField';
import { Tick } from '../components/Tick';
import { idProblemKey, isMinor, knownBirthDate, PHONE } from '../components/format';
import '../components/volunteer.scss';
import './index.scss';

const ID_TYPES: readonly IdType[] = ['mainland_id', 'hk_macao_permit', 'taiwan_permit', 'passport'];
const SKILLS = ['elderly', 'children', 'medical', 'teaching', 'legal', 'repair', 'driving', 'photo', 'culture', 'sign'] as const;
const SKILLS_MAX = 10;
const SKILL_MAX_LENGTH = 20;
const GRID_AREA_MAX_LENGTH = 20;

interface Values {
  realName: string;
  idType: IdType;
  idNumber: string;
  birthDate: string;
  phone: string;
  skills: string[];
  customSkill: string;
  gridArea: string;
  emergencyName: string;
  emergencyPhone: string;
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
  guardianConsent: boolean;
  sensitiveConsent: boolean;
}

const EMPTY: Values = {
  realName: '',
  idType: 'mainland_id',
  idNumber: '',
  birthDate: '',
  phone: '',
  skills: [],
  customSkill: '',
  gridArea: '',
  emergencyName: '',
  emergencyPhone: '',
  guardianName: '',
  guardianRelation: '',
  guardianPhone: '',
  guardianConsent: false,
  sensitiveConsent: false,
};

type Field = 'realName' | 'idNumber' | 'birthDate' | 'phone' | 'skills' | 'gridArea' | 'emergency' | 'guardian' | 'guardianConsent' | 'sensitiveConsent';
type Problems = Partial<Record<Field, string>>;

/** What the form would send, or the problems (locale keys) that stop it; same rules as VolunteerRegisterInput. */
function check(values: Values, minor: boolean): { problems: Partial<Record<Field, MessageKey>>; input: InputOf<'volunteers.register'> | null } {
  const problems: Partial<Record<Field, MessageKey>> = {};
  const realName = values.realName.trim();
  if (realName.length < 2 || realName.length > 30 || /[\d@#$%^&*<>]/.test(realName)) problems.realName = 'volunteer.register.problems.realName';
  const idKey = idProblemKey(values.idType, values.idNumber);
  if (idKey) problems.idNumber = idKey;
  const needsBirthDate = values.idType !== 'mainland_id';
  if (needsBirthDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.birthDate)) problems.birthDate = 'volunteer.register.problems.birthDate';
  const phone = values.phone.trim();
  if (phone && !PHONE.test(phone)) problems.phone = 'volunteer.register.problems.phone';
  if (values.skills.length > SKILLS_MAX) problems.skills = 'volunteer.register.problems.skillsMax';
  const gridArea = values.gridArea.trim();
  if (gridArea.length > GRID_AREA_MAX_LENGTH) problems.gridArea = 'volunteer.register.problems.gridArea';
  const emergencyName = values.emergencyName.trim();
  const emergencyPhone = values.emergencyPhone.trim();
  const hasEmergency = emergencyName !== '' || emergencyPhone !== '';
  if (hasEmergency && (emergencyName === '' || emergencyName.length > 30 || !PHONE.test(emergencyPhone))) problems.emergency = 'volunteer.register.problems.emergency';
  const guardian = { name: values.guardianName.trim(), relation: values.guardianRelation.trim(), phone: values.guardianPhone.trim() };
  if (minor) {
    if (guardian.name.length < 2 || guardian.name.length > 30 || guardian.relation === '' || guardian.relation.length > 10 || !PHONE.test(guardian.phone)) {
      problems.guardian = 'volunteer.register.problems.guardian';
    }
    if (!values.guardianConsent) problems.guardianConsent = 'volunteer.register.problems.guardianConsent';
  }
  if (!values.sensitiveConsent) problems.sensitiveConsent = 'volunteer.register.problems.consent';
  if (Object.keys(problems).length > 0) return { problems, input: null };
  return {
    problems,
    input: {
      realName,
      idType: values.idType,
      idNumber: values.idNumber.trim().toUpperCase(),
      ...(needsBirthDate ? { birthDate: values.birthDate } : {}),
      ...(phone ? { phone } : {}),
      skills: values.skills,
      ...(gridArea ? { gridArea } : {}),
      ...(hasEmergency ? { emergencyContact: { name: emergencyName, phone: emergencyPhone } } : {}),
      ...(minor ? { guardian: { ...guardian, consent: true as const } } : {}),
      sensitiveConsent: true,
    },
  };
}

/** The server's field paths (INVALID_INPUT issues) on the form's fields. */
function fieldOfPath(path: string): Field | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'emergencyContact') return 'emergency';
  if (head === 'guardian') return path.endsWith('consent') ? 'guardianConsent' : 'guardian';
  return (['realName', 'idNumber', 'birthDate', 'phone', 'skills', 'gridArea', 'sensitiveConsent'] as const).find((field) => field === head) ?? null;
}

/**
 * Real-name volunteer registration (the volunteer service regulations): identity with an instant checksum, skills,
 * contacts, a guardian's consent for minors and an explicit consent to the sensitive-data rules.
 * After registering it shows the volunteer number; a registered volunteer is sent to the profile.
 */
export default function RegisterPage() {
  useAccount();
  const me = useAsync(() => call('volunteers.me', {}), []);
  const [registered, setRegistered] = useState<VolunteerProfile | null>(null);
  // Consent for call-out messages is asked in the registration tap (WeChat: one consent, one message).
  const subscription = useSubscriptionPrompt();

  const render = () => {
    if (registered) return <Done profile={registered} subscribed={subscription.outcome} />;
    if (me.loading && !me.data) return <LoadingState cards={3} />;
    if (me.error || !me.data) return <ErrorState message={me.error ?? ''} onRetry={() => void me.reload()} />;
    if (me.data.profile && me.data.profile.status === 'active') return <Already profile={me.data.profile} />;
    return <RegisterForm onDone={setRegistered} onAsk={subscription.ask} />;
  };

  return (
    <PageRoot titleKey='volunteer.titles.register' className='register' busy={me.loading}>
      {render()}
    </PageRoot>
  );
}

function Done({ profile, subscribed }: { profile: VolunteerProfile; subscribed: SubscribeOutcome | null }) {
  const { t } = useI18n();
  return (
    <View className='linli-section'>
      <View className='linli-card register__done'>
        <CheckChecked size={48} color='#237032' />
        <Text className='register__done-title'>{t('volunteer.register.doneTitle')}</Text>
        <Text className='register__done-label'>{t('volunteer.register.doneNumber')}</Text>
        <Text className='register__number'>{profile.volunteerNo}</Text>
        <Text className='register__done-hint'>{t('volunteer.register.doneHint')}</Text>
        <SubscribeNote outcome={subscribed} />
        <Button className='register__to-hours' type='primary' size='large' block onClick={() => void Taro.redirectTo({ url: volunteerRoutes.hours }).catch(() => undefined)}>
          {t('volunteer.register.toHours')}
        </Button>
      </View>
    </View>
  );
}

function Already({ profile }: { profile: VolunteerProfile }) {
  const { t } = useI18n();
  return (
    <View className='linli-section'>
      <View className='linli-card register__done'>
        <Text className='register__done-title'>{t('volunteer.register.alreadyTitle')}</Text>
        <Text className='register__number'>{profile.volunteerNo}</Text>
        <Button type='primary' size='large' block onClick={() => void Taro.redirectTo({ url: volunteerRoutes.profile }).catch(() => undefined)}>
          {t('volunteer.register.toProfile')}
        </Button>
      </View>
    </View>
  );
}

function RegisterForm({ onDone, onAsk }: { onDone: (profile: VolunteerProfile) => void; onAsk: (topics: readonly SubscribeTopic[]) => unknown }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = chinaDay();

  const birthDate = knownBirthDate(values.idType, values.idNumber, values.birthDate);
  const minor = isMinor(birthDate, today);
  const set = <K extends keyof Values>(key: K, value: Values[K], clears?: Field) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (clears) setProblems((current) => ({ ...current, [clears]: undefined }));
  };

  // Instant feedback once the number is long enough to judge (a half-typed number is not "wrong").
  const idTyped = values.idNumber.trim();
  const idKey = idTyped.length >= (values.idType === 'mainland_id' ? 18 : 5) ? idProblemKey(values.idType, idTyped) : null;
  const idError = problems.idNumber ?? (idKey ? t(idKey) : null);
  const idOk = idTyped !== '' && idProblemKey(values.idType, idTyped) === null;

  const addSkill = () => {
    const skill = values.customSkill.trim();
    if (!skill) return;
    if (skill.length > SKILL_MAX_LENGTH) return setProblems((current) => ({ ...current, skills: t('volunteer.register.problems.skill') }));
    if (values.skills.length >= SKILLS_MAX) return setProblems((current) => ({ ...current, skills: t('volunteer.register.problems.skillsMax') }));
    setValues((current) => ({ ...current, skills: current.skills.includes(skill) ? current.skills : [...current.skills, skill], customSkill: '' }));
    setProblems((current) => ({ ...current, skills: undefined }));
  };

  const submit = async () => {
    setGeneral(null);
    const checked = check(values, minor);
    setProblems(Object.fromEntries(Object.entries(checked.problems).map(([field, key]) => [field, t(key)])) as Problems);
    if (!checked.input) return;
    onAsk(['rollcall']);
    setBusy(true);
    try {
      const profile = await call('volunteers.register', checked.input);
      onDone(profile);
    } catch (error) {
      const fieldIssues = isClientError(error) ? error.issues.filter((issue) => fieldOfPath(issue.path) !== null) : [];
      if (fieldIssues.length > 0) {
        setProblems(Object.fromEntries(fieldIssues.map((issue) => [fieldOfPath(issue.path), issue.message])) as Problems);
      } else setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const skillOptions = [
    ...SKILLS.map((key) => ({ value: t(`volunteer.register.skillOptions.${key}`), label: t(`volunteer.register.skillOptions.${key}`) })),
    ...values.skills.filter((skill) => !SKILLS.some((key) => t(`volunteer.register.skillOptions.${key}`) === skill)).map((skill) => ({ value: skill, label: skill })),
  ];

  return (
    <View className='register__form'>
      <Text className='volunteer-intro'>{t('volunteer.register.intro')}</Text>
      <View className='linli-section'>
        <View className='linli-card'>
          <FormField name='realName' label={t('volunteer.register.realName')} required error={problems.realName}>
            <Input className='volunteer-input' value={values.realName} maxLength={30} placeholder={t('volunteer.register.realNamePlaceholder')} onChange={(v) => set('realName', v, 'realName')} />
          </FormField>
          <FormField name='idType' label={t('volunteer.register.idType')} required>
            <ChipSelect
              name='idTypeChoice'
              options={ID_TYPES.map((type) => ({ value: type, label: t(`volunteer.idTypes.${type}`) }))}
              value={[values.idType]}
              onChange={([type]) => type && set('idType', type as IdType, 'idNumber')}
            />
          </FormField>
          <FormField name='idNumber' label={t('volunteer.register.idNumber')} required error={idError}>
            <Input
              className='volunteer-input'
              // WeChat's ID-card keyboard (digits and the X check character) for a mainland ID;
              // permits and passports carry letters, so they keep the full keyboard.
              type={values.idType === 'mainland_id' ? 'idcard' : 'text'}
              value={values.idNumber}
              maxLength={values.idType === 'mainland_id' ? 18 : 17}
              placeholder={t('volunteer.register.idNumberPlaceholder')}
              onChange={(v) => set('idNumber', v.toUpperCase(), 'idNumber')}
            />
            {idOk ? <Text className='register__id-ok'>{t('volunteer.register.idOk')}</Text> : null}
          </FormField>
          {values.idType !== 'mainland_id' ? (
            <FormField name='birthDate' label={t('volunteer.register.birthDate')} required hint={t('volunteer.register.birthDateHint')} error={problems.birthDate}>
              <DateField value={values.birthDate} max={today} label={t('volunteer.register.birthDate')} onChange={(v) => set('birthDate', v, 'birthDate')} />
            </FormField>
          ) : null}
          <FormField name='phone' label={t('volunteer.register.phone')} error={problems.phone}>
            <Input className='volunteer-input' type='number' value={values.phone} maxLength={11} placeholder={t('volunteer.register.phonePlaceholder')} onChange={(v) => set('phone', v, 'phone')} />
          </FormField>
          <FormField name='skills' label={t('volunteer.register.skills')} hint={t('volunteer.register.skillsHint')} error={problems.skills}>
            <ChipSelect name='skillChoice' multiple options={skillOptions} value={values.skills} onChange={(skills) => set('skills', skills, 'skills')} />
            <View className='register__custom-skill'>
              <Input className='volunteer-input' value={values.customSkill} maxLength={SKILL_MAX_LENGTH} placeholder={t('volunteer.register.customSkill')} onChange={(v) => set('customSkill', v)} />
              <Button className='register__add-skill' fill='outline' onClick={addSkill}>
                {t('volunteer.register.addSkill')}
              </Button>
            </View>
          </FormField>
          <FormField name='gridArea' label={t('volunteer.register.gridArea')} hint={t('volunteer.register.gridAreaHint')} error={problems.gridArea}>
            <Input className='volunteer-input' value={values.gridArea} maxLength={GRID_AREA_MAX_LENGTH} placeholder={t('volunteer.register.gridAreaPlaceholder')} onChange={(v) => set('gridArea', v, 'gridArea')} />
          </FormField>
          <FormField name='emergency' label={t('volunteer.register.emergency')} error={problems.emergency}>
            <View className='volunteer-row-inputs'>
              <Input className='volunteer-input' value={values.emergencyName} maxLength={30} placeholder={t('volunteer.register.emergencyName')} onChange={(v) => set('emergencyName', v, 'emergency')} />
              <Input className='volunteer-input' type='number' value={values.emergencyPhone} maxLength={11} placeholder={t('volunteer.register.emergencyPhone')} onChange={(v) => set('emergencyPhone', v, 'emergency')} />
            </View>
          </FormField>
        </View>
      </View>

      {minor ? (
        <View className='linli-section register__guardian'>
          <Text className='linli-section__title'>{t('volunteer.register.guardianTitle')}</Text>
          <View className='linli-card'>
            <Text className='register__guardian-hint'>{t('volunteer.register.guardianHint')}</Text>
            <FormField name='guardian' label={t('volunteer.register.guardianName')} required error={problems.guardian}>
              <Input className='volunteer-input' value={values.guardianName} maxLength={30} placeholder={t('volunteer.register.guardianName')} onChange={(v) => set('guardianName', v, 'guardian')} />
            </FormField>
            <FormField name='guardianRelation' label={t('volunteer.register.guardianRelation')} required>
              <Input className='volunteer-input' value={values.guardianRelation} maxLength={10} placeholder={t('volunteer.register.guardianRelationPlaceholder')} onChange={(v) => set('guardianRelation', v, 'guardian')} />
            </FormField>
            <FormField name='guardianPhone' label={t('volunteer.register.guardianPhone')} required>
              <Input className='volunteer-input' type='number' value={values.guardianPhone} maxLength={11} placeholder={t('volunteer.register.phonePlaceholder')} onChange={(v) => set('guardianPhone', v, 'guardian')} />
            </FormField>
            <View className='register__consent-card'>
              <Tick name='guardianConsent' checked={values.guardianConsent} onChange={(v) => set('guardianConsent', v, 'guardianConsent')}>
                {t('volunteer.register.guardianConsent')}
              </Tick>
              {problems.guardianConsent ? (
                <View className='linli-field__error' role='alert'>
                  {problems.guardianConsent}
                </View>
              ) : null}
            </View>
          </View>
        </View>
      ) : null}

      <View className='linli-section register__consent'>
        <Text className='linli-section__title'>{t('volunteer.register.consentTitle')}</Text>
        <View className='linli-card register__consent-card'>
          <Text className='register__consent-text'>{t('volunteer.register.consentWhy')}</Text>
          <Text className='register__consent-text'>{t('volunteer.register.consentHow')}</Text>
          <Text className='register__consent-text'>{t('volunteer.register.consentWithdraw')}</Text>
          <Tick name='sensitiveConsent' checked={values.sensitiveConsent} onChange={(v) => set('sensitiveConsent', v, 'sensitiveConsent')}>
            {t('volunteer.register.consent')}
          </Tick>
          {problems.sensitiveConsent ? (
            <View className='linli-field__error register__consent-error' role='alert'>
              {problems.sensitiveConsent}
            </View>
          ) : null}
        </View>
      </View>

      <View className='volunteer-bar'>
        {general ? (
          <View className='volunteer-error' role='alert'>
            {general}
          </View>
        ) : null}
        <Button className='register__submit' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void submit()}>
          {busy ? t('volunteer.register.submitting') : t('volunteer.register.submit')}
        </Button>
      </View>
    </View>
  );
}
