import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { FormField } from '../../components/FormField';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { HoursSelfReportInput } from '../../shared/schemas/volunteers';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import type { MessageKey } from '../../locales';
import { chinaDay } from '../../utils/chinaTime';
import { ChipSelect } from '../components/ChipSelect';
import { DateField } from '../../components/DateField';
import { PhotoPick, uploadedOnce, type PickedPhoto } from '../../components/PhotoPick';
import { wholeNumber } from '../components/format';
import { LongTextField } from '../../components/LongText';
import '../components/volunteer.scss';
import './index.scss';

type Field = 'group' | 'date' | 'duration' | 'content' | 'evidence';
const FIELD_ORDER: readonly Field[] = ['group', 'date', 'duration', 'content', 'evidence'];
/** The contract's fields (HoursSelfReportInput) on the form's; the photo is checked once chosen, before its upload. */
const FIELD_OF: Record<string, Field> = { groupId: 'group', serviceDate: 'date', minutes: 'duration', content: 'content' };
const PROBLEM: Record<Field, MessageKey> = {
  group: 'volunteer.report.problems.group',
  date: 'volunteer.report.problems.date',
  duration: 'volunteer.report.problems.duration',
  content: 'volunteer.report.problems.content',
  evidence: 'volunteer.report.problems.evidence',
};
const CONTENT_LIMIT = textLimit(HoursSelfReportInput.shape.content);

/**
 * Self-reported hours: to one of my groups, for a past day, with what was done
 * and a photo as evidence. The group's leader (or the committee) reviews it before it counts.
 */
export default function ReportPage() {
  const { t } = useI18n();
  useAccount();
  const preset = useRouter().params.groupId ?? '';
  const mine = useAsync(() => call('memberships.mine', {}), []);
  const today = chinaDay();
  const [groupId, setGroupId] = useState(preset);
  const [date, setDate] = useState(today);
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [content, setContent] = useState('');
  const [evidence, setEvidence] = useState<PickedPhoto | null>(null);
  const form = useFormErrors<Field>(FIELD_ORDER);
  const problems = form.errors;
  const [general, setGeneral] = useState<string | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'sending'>('idle');
  const busy = phase !== 'idle';

  const submit = async () => {
    setGeneral(null);
    const h = wholeNumber(hours || '0');
    const m = wholeNumber(minutes || '0');
    const total = h !== null && m !== null && h >= 0 && m >= 0 && m < 60 ? h * 60 + m : 0;
    const text = content.trim();
    // HoursSelfReportInput judges; the form adds what only it knows (no future day, a photo chosen).
    const input = { groupId, serviceDate: date, minutes: total, content, evidence: 'cloud://evidence' };
    const found = schemaFieldErrors(HoursSelfReportInput, input, (path) => FIELD_OF[path] ?? null, (issue, field) =>
      field === 'content' && issue.code === 'too_big' ? issueMessage(t, issue, input) : t(PROBLEM[field], { ...CONTENT_LIMIT }),
    );
    if (!found.date && date > today) found.date = t('volunteer.report.problems.future');
    if (!evidence) found.evidence = t(PROBLEM.evidence);
    if (form.refuse(found) || !evidence) return;
    try {
      setPhase('uploading');
      const fileId = await uploadedOnce(evidence, 'evidence', setEvidence);
      setPhase('sending');
      await call('hours.selfReport', { groupId, serviceDate: date, minutes: total, content: text, evidence: fileId });
      Taro.showToast({ title: t('volunteer.report.sent'), icon: 'success' }).catch(() => undefined);
      await Taro.navigateBack().catch(() => undefined);
    } catch (error) {
      setGeneral(errorMessage(error));
    } finally {
      setPhase('idle');
    }
  };

  const render = () => {
    if (mine.loading && !mine.data) return <LoadingState cards={2} />;
    if (mine.error || !mine.data) return <ErrorState message={mine.error ?? ''} onRetry={() => void mine.reload()} />;
    const groups = mine.data.groups;
    if (groups.length === 0) return <EmptyState title={t('volunteer.report.noGroups')} />;
    return (
      <>
        <Text className='volunteer-intro'>{t('volunteer.report.intro')}</Text>
        <View className='linli-section'>
          <View className='linli-card'>
            <FormField name='group' label={t('volunteer.report.group')} required hint={t('volunteer.report.groupHint')} error={problems.group}>
              <ChipSelect
                name='groupChoice'
                options={groups.map((group) => ({ value: group.id, label: group.name }))}
                value={groupId ? [groupId] : []}
                onChange={([id]) => {
                  setGroupId(id ?? '');
                  form.clear('group');
                }}
              />
            </FormField>
            <FormField name='date' label={t('volunteer.report.date')} required error={problems.date}>
              <DateField value={date} max={today} label={t('volunteer.report.date')} onChange={(v) => (setDate(v), form.clear('date'))} />
            </FormField>
            <FormField name='duration' label={t('volunteer.report.duration')} required hint={t('volunteer.report.durationHint')} error={problems.duration}>
              <View className='report__duration'>
                <View className='report__duration-part' data-field='hours'>
                  <Input type='number' value={hours} aria-label={t('volunteer.report.hours')} onChange={(v) => (setHours(v), form.clear('duration'))} />
                  <Text className='report__unit'>{t('volunteer.report.hours')}</Text>
                </View>
                <View className='report__duration-part' data-field='minutes'>
                  <Input type='number' value={minutes} aria-label={t('volunteer.report.minutes')} onChange={(v) => (setMinutes(v), form.clear('duration'))} />
                  <Text className='report__unit'>{t('volunteer.report.minutes')}</Text>
                </View>
              </View>
            </FormField>
            <LongTextField
              name='content'
              label={t('volunteer.report.content')}
              required
              error={problems.content}
              value={content}
              limit={CONTENT_LIMIT}
              inputClassName='volunteer-textarea'
              placeholder={t('volunteer.report.contentPlaceholder')}
              onChange={(v) => (setContent(v), form.clear('content'))}
            />
            <FormField name='evidence' label={t('volunteer.report.evidence')} required hint={t('volunteer.report.evidenceHint')} error={problems.evidence}>
              <PhotoPick value={evidence} onChange={(v) => (setEvidence(v), form.clear('evidence'))} disabled={busy} />
            </FormField>
          </View>
        </View>
        <View className='volunteer-bar'>
          <SubmitBar
            label={phase === 'uploading' ? t('volunteer.common.uploading') : t('volunteer.report.submit')}
            onSubmit={() => void submit()}
            busy={busy}
            buttonClassName='report__submit'
            problems={form.problems}
            labels={{
              group: t('volunteer.report.group'),
              date: t('volunteer.report.date'),
              duration: t('volunteer.report.duration'),
              content: t('volunteer.report.content'),
              evidence: t('volunteer.report.evidence'),
            }}
            general={general}
          />
        </View>
      </>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.report' className='report' busy={mine.loading}>
      {render()}
    </PageRoot>
  );
}
