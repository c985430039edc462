import '../locale';
import '../actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CheckChecked } from '@nutui/icons-react-taro';
import type { InputOf } from '../../shared/api/contract';
import type { IdType } from '../../shared/identity/idNumber';
import { GridArea, Skill, VolunteerIdentity, VolunteerRegisterInput, type VolunteerProfile } from '../../shared/schemas/volunteers';
import type { MessageKey, Translate } from '../../locales';
import { call, isClientError } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { SubscribeNote } from '../../components/SubscribeNote';
import { useSubscriptionPrompt } from '../../hooks/useSubscriptionPrompt';
import type { SubscribeOutcome, SubscribeTopic } from '../../utils/subscribe';
import { FormField } from '../../components/FormField';
import { GridAreaPicker } from '../../components/GridAreaPicker';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { chinaDay } from '../../utils/chinaTime';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { ChipSelect } from '../components/ChipSelect';
import { DateField } from '../../components/DateField';
import { Tick } from '../components/Tick';
import { idProblemKey, isMinor, knownBirthDate } from '../components/format';
import '../components/volunteer.scss';
import './index.scss';
import { colors } from '../../styles/colors';

const ID_TYPES: readonly IdType[] = ['mainland_id', 'hk_macao_permit', 'taiwan_permit', 'passport'];
const SKILLS = ['elderly', 'children', 'medical', 'teaching', 'legal', 'repair', 'driving', 'photo', 'culture', 'sign'] as const;

/** Limits of the contract (src/shared/schemas/volunteers.ts), for the counters and messages. */
const LIMITS = {
  realName: textLimit(VolunteerRegisterInput.shape.realName),
  skill: textLimit(Skill),
  gridArea: textLimit(GridArea),
} as const;

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
/** Top to bottom: a refused submit scrolls to the first with a problem. */
const FIELD_ORDER: readonly Field[] = ['realName', 'idNumber', 'birthDate', 'phone', 'skills', 'gridArea', 'emergency', 'guardian', 'guardianConsent', 'sensitiveConsent'];

/** Our wording of each field's problem, naming what to enter (the ID number's own problems come from the schema, see idProblemKey). */
const PROBLEM: Record<Field, MessageKey> = {
  realName: 'volunteer.register.problems.realName',
  idNumber: 'volunteer.register.problems.idInvalid',
  birthDate: 'volunteer.register.problems.birthDate',
  phone: 'volunteer.register.problems.phone',
  skills: 'volunteer.register.problems.skillsMax',
  gridArea: 'volunteer.register.problems.gridArea',
  emergency: 'volunteer.register.problems.emergency',
  guardian: 'volunteer.register.problems.guardian',
  guardianConsent: 'volunteer.register.problems.guardianConsent',
  sensitiveConsent: 'volunteer.register.problems.consent',
};

/**
 * What the form would send, or the problems that stop it. The rules are VolunteerRegisterInput's
 * (the form only picks the words), plus the one the server applies from the birth date: a
 * minor's guardian and their consent.
 */
function check(values: Values, minor: boolean, t: Translate): { problems: Partial<Record<Field, string>>; input: InputOf<'volunteers.register'> | null } {
  const realName = values.realName.trim();
  const needsBirthDate = values.idType !== 'mainland_id';
  const phone = values.phone.trim();
  const gridArea = values.gridArea.trim();
  const emergencyName = values.emergencyName.trim();
  const emergencyPhone = values.emergencyPhone.trim();
  const hasEmergency = emergencyName !== '' || emergencyPhone !== '';
  const guardian = { name: values.guardianName.trim(), relation: values.guardianRelation.trim(), phone: values.guardianPhone.trim() };
  const base = {
    realName,
    idType: values.idType,
    idNumber: values.idNumber.trim().toUpperCase(),
    ...(needsBirthDate ? { birthDate: values.birthDate } : {}),
    ...(phone ? { phone } : {}),
    skills: values.skills,
    ...(values.gridArea !== '' ? { gridArea } : {}),
    ...(hasEmergency ? { emergencyContact: { name: emergencyName, phone: emergencyPhone } } : {}),
  };
  const input = { ...base, ...(minor ? { guardian: { ...guardian, consent: values.guardianConsent } } : {}), sensitiveConsent: values.sensitiveConsent };
  const problems = schemaFieldErrors(VolunteerRegisterInput, input, fieldOfPath, (issue, field) => {
    if (issue.code === 'too_big' && issue.origin === 'string' && (field === 'realName' || field === 'gridArea')) return issueMessage(t, issue, input);
    if (field === 'idNumber') return t(idProblemKey(values.idType, values.idNumber) ?? PROBLEM.idNumber);
    return t(PROBLEM[field], { ...(field === 'gridArea' ? LIMITS.gridArea : LIMITS.realName) });
  });
  // The schema's superRefine runs only once every field passes: its identity rules (ID check, a birth date where the document has none) are asked alone.
  const identity = { idType: values.idType, idNumber: values.idNumber, ...(needsBirthDate && values.birthDate ? { birthDate: values.birthDate } : {}) };
  const identityProblems = schemaFieldErrors(VolunteerIdentity, identity, (path) => (path === 'idNumber' || path === 'birthDate' ? path : null), (_issue, field) =>
    field === 'idNumber' ? t(idProblemKey(values.idType, values.idNumber) ?? PROBLEM.idNumber) : t(PROBLEM.birthDate),
  );
  for (const [field, message] of Object.entries(identityProblems) as Array<['idNumber' | 'birthDate', string]>) problems[field] ??= message;
  if (minor && !values.guardianConsent) problems.guardianConsent ??= t(PROBLEM.guardianConsent);
  if (Object.keys(problems).length > 0) return { problems, input: null };
  return { problems, input: { ...base, ...(minor ? { guardian: { ...guardian, consent: true as const } } : {}), sensitiveConsent: true } };
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
        <CheckChecked size={48} color={colors.success} />
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
  const account = useAccount();
  const [values, setValues] = useState<Values>(EMPTY);
  const form = useFormErrors<Field>(FIELD_ORDER);
  const problems = form.errors;
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = chinaDay();

  const birthDate = knownBirthDate(values.idType, values.idNumber, values.birthDate);
  const minor = isMinor(birthDate, today);
  const set = <K extends keyof Values>(key: K, value: Values[K], clears?: Field) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (clears) form.clear(clears);
  };

  // Instant feedback once the number is long enough to judge (a half-typed number is not "wrong").
  const idTyped = values.idNumber.trim();
  const idKey = idTyped.length >= (values.idType === 'mainland_id' ? 18 : 5) ? idProblemKey(values.idType, idTyped) : null;
  const idError = problems.idNumber ?? (idKey ? t(idKey) : null);
  const idOk = idTyped !== '' && idProblemKey(values.idType, idTyped) === null;

  const addSkill = () => {
    const skill = values.customSkill.trim();
    if (!skill) return;
    // The contract's rules for one skill and for the list (Skill, VolunteerRegisterInput.skills).
    if (!Skill.safeParse(skill).success) return form.set('skills', t('volunteer.register.problems.skill', { max: LIMITS.skill.max }));
    const skills = values.skills.includes(skill) ? values.skills : [...values.skills, skill];
    if (!VolunteerRegisterInput.shape.skills.safeParse(skills).success) return form.set('skills', t('volunteer.register.problems.skillsMax'));
    setValues((current) => ({ ...current, skills, customSkill: '' }));
    form.clear('skills');
  };

  const submit = async () => {
    setGeneral(null);
    const checked = check(values, minor, t);
    if (form.refuse(checked.problems) || !checked.input) return;
    // Registered volunteers are called out and paired with people in care (docs/care.md): both consents here.
    onAsk(['rollcall', 'carePaired']);
    setBusy(true);
    try {
      const profile = await call('volunteers.register', checked.input);
      onDone(profile);
    } catch (error) {
      const fieldIssues = isClientError(error) ? error.issues.filter((issue) => fieldOfPath(issue.path) !== null) : [];
      if (fieldIssues.length > 0) {
        form.refuse(Object.fromEntries(fieldIssues.map((issue) => [fieldOfPath(issue.path), issue.message])) as Partial<Record<Field, string>>);
      } else setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<Field, string> = {
    realName: t('volunteer.register.realName'),
    idNumber: t('volunteer.register.idNumber'),
    birthDate: t('volunteer.register.birthDate'),
    phone: t('volunteer.register.phone'),
    skills: t('volunteer.register.skills'),
    gridArea: t('volunteer.register.gridArea'),
    emergency: t('volunteer.register.emergency'),
    guardian: t('volunteer.register.guardianTitle'),
    guardianConsent: t('volunteer.register.guardianTitle'),
    sensitiveConsent: t('volunteer.register.consentTitle'),
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
          <FormField name='realName' label={t('volunteer.register.realName')} required error={problems.realName} count={{ value: values.realName, limit: LIMITS.realName }}>
            <Input className='volunteer-input' value={values.realName} placeholder={t('volunteer.register.realNamePlaceholder')} onChange={(v) => set('realName', v, 'realName')} />
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
            <Input className='volunteer-input' type='number' value={values.phone} placeholder={t('volunteer.register.phonePlaceholder')} onChange={(v) => set('phone', v, 'phone')} />
          </FormField>
          <FormField name='skills' label={t('volunteer.register.skills')} hint={t('volunteer.register.skillsHint')} error={problems.skills}>
            <ChipSelect name='skillChoice' multiple options={skillOptions} value={values.skills} onChange={(skills) => set('skills', skills, 'skills')} />
            <View className='register__custom-skill'>
              <Input className='volunteer-input' value={values.customSkill} placeholder={t('volunteer.register.customSkill')} onChange={(v) => set('customSkill', v)} />
              <Button className='register__add-skill' fill='outline' onClick={addSkill}>
                {t('volunteer.register.addSkill')}
              </Button>
            </View>
          </FormField>
          <FormField name='gridArea' label={t('volunteer.register.gridArea')} hint={t('volunteer.register.gridAreaHint')} error={problems.gridArea} count={{ value: values.gridArea, limit: LIMITS.gridArea }}>
            <GridAreaPicker
              communityId={account.me?.account.homeCommunity?.id ?? null}
              value={values.gridArea}
              onChange={(v) => set('gridArea', v, 'gridArea')}
              noneLabel={t('volunteer.register.gridAreaNone')}
              placeholder={t('volunteer.register.gridAreaPlaceholder')}
              inputClassName='volunteer-input'
            />
          </FormField>
          <FormField name='emergency' label={t('volunteer.register.emergency')} error={problems.emergency}>
            <View className='volunteer-row-inputs'>
              <Input className='volunteer-input' value={values.emergencyName} placeholder={t('volunteer.register.emergencyName')} onChange={(v) => set('emergencyName', v, 'emergency')} />
              <Input className='volunteer-input' type='number' value={values.emergencyPhone} placeholder={t('volunteer.register.emergencyPhone')} onChange={(v) => set('emergencyPhone', v, 'emergency')} />
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
              <Input className='volunteer-input' value={values.guardianName} placeholder={t('volunteer.register.guardianName')} onChange={(v) => set('guardianName', v, 'guardian')} />
            </FormField>
            <FormField name='guardianRelation' label={t('volunteer.register.guardianRelation')} required>
              <Input className='volunteer-input' value={values.guardianRelation} placeholder={t('volunteer.register.guardianRelationPlaceholder')} onChange={(v) => set('guardianRelation', v, 'guardian')} />
            </FormField>
            <FormField name='guardianPhone' label={t('volunteer.register.guardianPhone')} required>
              <Input className='volunteer-input' type='number' value={values.guardianPhone} placeholder={t('volunteer.register.phonePlaceholder')} onChange={(v) => set('guardianPhone', v, 'guardian')} />
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
        <SubmitBar problems={form.problems} labels={labels} general={general} label={busy ? t('volunteer.register.submitting') : t('volunteer.register.submit')} busy={busy} onSubmit={() => void submit()} buttonClassName='register__submit' />
      </View>
    </View>
  );
}
