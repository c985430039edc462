import '../locale';
import '../actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { GridArea, Skill, VolunteerUpdateInput, type VolunteerProfile } from '../../shared/schemas/volunteers';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { FormField } from '../../components/FormField';
import { GridAreaPicker } from '../../components/GridAreaPicker';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { formatDate } from '../../utils/chinaTime';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { ChipSelect } from '../components/ChipSelect';
import { hoursOf } from '../components/format';
import '../components/volunteer.scss';
import './index.scss';

/**
 * The volunteer's own record (unmasked for them): view, change contacts and skills, or withdraw —
 * which keeps the hour records, pseudonymised, as the regulation and the ledger need.
 */
export default function ProfilePage() {
  const { t } = useI18n();
  useAccount();
  const me = useAsync(() => call('volunteers.me', {}), []);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const render = () => {
    if (me.loading && !me.data) return <LoadingState cards={2} />;
    if (me.error || !me.data) return <ErrorState message={me.error ?? ''} onRetry={() => void me.reload()} />;
    const profile = me.data.profile;
    if (!profile) {
      return (
        <EmptyState
          title={t('volunteer.common.notRegisteredTitle')}
          description={t('volunteer.common.notRegisteredHint')}
          action={{ text: t('volunteer.common.registerNow'), onClick: () => void Taro.redirectTo({ url: volunteerRoutes.register }).catch(() => undefined) }}
        />
      );
    }
    if (profile.status === 'withdrawn') return <EmptyState title={t('volunteer.profile.withdrawnTitle')} />;
    if (editing) {
      return (
        <EditForm
          profile={profile}
          onSaved={(next) => {
            me.setData({ profile: next });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      );
    }
    const none = t('volunteer.profile.none');
    return (
      <>
        <View className='linli-section'>
          <CellGroup className='profile__facts'>
            <Cell className='profile__number' title={t('volunteer.profile.number')} extra={profile.volunteerNo} />
            <Cell title={t('volunteer.profile.name')} extra={profile.realName} />
            <Cell title={t('volunteer.profile.idType')} extra={profile.idType ? t(`volunteer.idTypes.${profile.idType}`) : none} />
            <Cell className='profile__id' title={t('volunteer.profile.idNumber')} extra={profile.idNumber ?? none} />
            <Cell title={t('volunteer.profile.phone')} extra={profile.phone ?? none} />
            <Cell title={t('volunteer.profile.skills')} extra={profile.skills.length > 0 ? profile.skills.join(t('events.detail.listSeparator')) : none} />
            <Cell className='profile__grid-area' title={t('volunteer.profile.gridArea')} extra={profile.gridArea ?? none} />
            <Cell title={t('volunteer.profile.emergency')} extra={profile.emergencyContact ? `${profile.emergencyContact.name} ${profile.emergencyContact.phone}` : none} />
            {profile.guardian ? <Cell title={t('volunteer.profile.guardian')} extra={t('volunteer.profile.guardianValue', { ...profile.guardian })} /> : null}
            <Cell title={t('volunteer.profile.hours')} extra={t('volunteer.common.hours', { hours: hoursOf(profile.totalMinutes) })} />
            <Cell title={t('volunteer.profile.registeredAt')} extra={formatDate(t, profile.registeredAt)} />
          </CellGroup>
        </View>
        <View className='linli-section profile__actions'>
          <Button className='profile__edit' type='primary' size='large' block onClick={() => setEditing(true)}>
            {t('volunteer.profile.edit')}
          </Button>
          <Button className='profile__withdraw' fill='none' size='large' block onClick={() => setWithdrawing(true)}>
            {t('volunteer.profile.withdraw')}
          </Button>
        </View>
      </>
    );
  };

  const withdraw = async () => {
    try {
      await call('volunteers.withdraw', { confirm: true });
      Taro.showToast({ title: t('volunteer.profile.withdrawn'), icon: 'none' }).catch(() => undefined);
      await me.reload();
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    }
  };

  return (
    <PageRoot titleKey='volunteer.titles.profile' className='profile' busy={me.loading}>
      {render()}
      <ConfirmDialog
        visible={withdrawing}
        title={t('volunteer.profile.withdrawTitle')}
        message={t('volunteer.profile.withdrawMessage')}
        confirmText={t('volunteer.profile.withdrawConfirm')}
        onConfirm={withdraw}
        onClose={() => setWithdrawing(false)}
      />
    </PageRoot>
  );
}

interface EditFormProps {
  profile: VolunteerProfile;
  onSaved: (profile: VolunteerProfile) => void;
  onCancel: () => void;
}

type EditField = 'phone' | 'skills' | 'gridArea' | 'emergency';
const EDIT_ORDER: readonly EditField[] = ['phone', 'skills', 'gridArea', 'emergency'];
const EDIT_PROBLEM: Record<EditField, MessageKey> = {
  phone: 'volunteer.register.problems.phone',
  skills: 'volunteer.register.problems.skillsMax',
  gridArea: 'volunteer.register.problems.gridArea',
  emergency: 'volunteer.register.problems.emergency',
};
const GRID_AREA_LIMIT = textLimit(GridArea);
const SKILL_LIMIT = textLimit(Skill);

function editFieldOf(path: string): EditField | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'emergencyContact') return 'emergency';
  return (EDIT_ORDER as readonly string[]).includes(head) ? (head as EditField) : null;
}

/** Contacts, skills and grid area: what a volunteer may change themself (identity changes go through staff). */
function EditForm({ profile, onSaved, onCancel }: EditFormProps) {
  const { t } = useI18n();
  const account = useAccount();
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [skills, setSkills] = useState<string[]>(profile.skills);
  const [skill, setSkill] = useState('');
  const [gridArea, setGridArea] = useState(profile.gridArea ?? '');
  const [emergencyName, setEmergencyName] = useState(profile.emergencyContact?.name ?? '');
  const [emergencyPhone, setEmergencyPhone] = useState(profile.emergencyContact?.phone ?? '');
  const form = useFormErrors<EditField>(EDIT_ORDER);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const addSkill = () => {
    const next = skill.trim();
    if (!next) return;
    // The contract's rules for one skill and for the list (Skill, VolunteerUpdateInput.skills).
    if (!Skill.safeParse(next).success) return form.set('skills', t('volunteer.register.problems.skill', { max: SKILL_LIMIT.max }));
    const list = skills.includes(next) ? skills : [...skills, next];
    if (!VolunteerUpdateInput.shape.skills.safeParse(list).success) return form.set('skills', t('volunteer.register.problems.skillsMax'));
    setSkills(list);
    setSkill('');
    form.clear('skills');
  };

  const save = async () => {
    setGeneral(null);
    const name = emergencyName.trim();
    const ePhone = emergencyPhone.trim();
    const input = {
      phone: phone.trim() || null,
      skills,
      gridArea: gridArea.trim() || null,
      emergencyContact: name || ePhone ? { name, phone: ePhone } : null,
    };
    // The rules are VolunteerUpdateInput's; the form only picks the words.
    const problems = schemaFieldErrors(VolunteerUpdateInput, input, editFieldOf, (issue, field) =>
      field === 'gridArea' && issue.code === 'too_big' ? issueMessage(t, issue, input) : t(EDIT_PROBLEM[field], { max: GRID_AREA_LIMIT.max }),
    );
    if (form.refuse(problems)) return;
    setBusy(true);
    try {
      const next = await call('volunteers.update', input);
      Taro.showToast({ title: t('volunteer.profile.saved'), icon: 'success' }).catch(() => undefined);
      onSaved(next);
    } catch (error) {
      setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='linli-section'>
      <View className='linli-card'>
        <FormField name='phone' label={t('volunteer.register.phone')} error={form.errors.phone}>
          <Input className='volunteer-input' type='number' value={phone} placeholder={t('volunteer.register.phonePlaceholder')} onChange={(v) => (setPhone(v), form.clear('phone'))} />
        </FormField>
        <FormField name='skills' label={t('volunteer.register.skills')} error={form.errors.skills}>
          <ChipSelect name='skillChoice' multiple options={skills.map((s) => ({ value: s, label: s }))} value={skills} onChange={(v) => (setSkills(v), form.clear('skills'))} />
          <View className='profile__add-skill'>
            <Input className='volunteer-input' value={skill} placeholder={t('volunteer.register.customSkill')} onChange={setSkill} />
            <Button fill='outline' onClick={addSkill}>
              {t('volunteer.register.addSkill')}
            </Button>
          </View>
        </FormField>
        <FormField name='gridArea' label={t('volunteer.register.gridArea')} hint={t('volunteer.register.gridAreaHint')} error={form.errors.gridArea} count={{ value: gridArea, limit: GRID_AREA_LIMIT }}>
          <GridAreaPicker
            communityId={account.me?.account.homeCommunity?.id ?? null}
            value={gridArea}
            onChange={(v) => (setGridArea(v), form.clear('gridArea'))}
            noneLabel={t('volunteer.register.gridAreaNone')}
            placeholder={t('volunteer.register.gridAreaPlaceholder')}
            inputClassName='volunteer-input'
          />
        </FormField>
        <FormField name='emergency' label={t('volunteer.register.emergency')} error={form.errors.emergency}>
          <View className='volunteer-row-inputs'>
            <Input className='volunteer-input' value={emergencyName} placeholder={t('volunteer.register.emergencyName')} onChange={(v) => (setEmergencyName(v), form.clear('emergency'))} />
            <Input className='volunteer-input' type='number' value={emergencyPhone} placeholder={t('volunteer.register.emergencyPhone')} onChange={(v) => (setEmergencyPhone(v), form.clear('emergency'))} />
          </View>
        </FormField>
      </View>
      <View className='profile__actions'>
        <SubmitBar
          label={t('volunteer.common.save')}
          onSubmit={() => void save()}
          busy={busy}
          buttonClassName='profile__save'
          problems={form.problems}
          labels={{ phone: t('volunteer.register.phone'), skills: t('volunteer.register.skills'), gridArea: t('volunteer.register.gridArea'), emergency: t('volunteer.register.emergency') }}
          general={general}
        />
        <Button fill='none' size='large' block disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </View>
    </View>
  );
}
