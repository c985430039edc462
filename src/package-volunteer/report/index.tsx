import '../locale';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { call, uploadImage } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { FormField } from '../../components/FormField';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import type { MessageKey } from '../../locales';
import { chinaDay } from '../../utils/chinaTime';
import { ChipSelect } from '../components/ChipSelect';
import { DateField } from '../components/DateField';
import { ImagePick, type PickedImage } from '../components/ImagePick';
import { wholeNumber } from '../components/format';
import '../components/volunteer.scss';
import './index.scss';

type Field = 'group' | 'date' | 'duration' | 'content' | 'evidence';

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
  const [evidence, setEvidence] = useState<PickedImage | null>(null);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'sending'>('idle');
  const busy = phase !== 'idle';

  const submit = async () => {
    setGeneral(null);
    const h = wholeNumber(hours || '0');
    const m = wholeNumber(minutes || '0');
    const total = h !== null && m !== null && h >= 0 && m >= 0 && m < 60 ? h * 60 + m : 0;
    const found: Partial<Record<Field, MessageKey>> = {};
    if (!groupId) found.group = 'volunteer.report.problems.group';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = 'volunteer.report.problems.date';
    else if (date > today) found.date = 'volunteer.report.problems.future';
    if (total < 1 || total > 1440) found.duration = 'volunteer.report.problems.duration';
    const text = content.trim();
    if (text.length < 5 || text.length > 200) found.content = 'volunteer.report.problems.content';
    if (!evidence) found.evidence = 'volunteer.report.problems.evidence';
    setProblems(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    if (Object.keys(found).length > 0 || !evidence) return;
    try {
      setPhase('uploading');
      const fileId = evidence.fileId ?? (await uploadImage(evidence.path, 'evidence'));
      setEvidence({ ...evidence, fileId });
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
              <ChipSelect name='groupChoice' options={groups.map((group) => ({ value: group.id, label: group.name }))} value={groupId ? [groupId] : []} onChange={([id]) => setGroupId(id ?? '')} />
            </FormField>
            <FormField name='date' label={t('volunteer.report.date')} required error={problems.date}>
              <DateField value={date} max={today} label={t('volunteer.report.date')} onChange={setDate} />
            </FormField>
            <FormField name='duration' label={t('volunteer.report.duration')} required hint={t('volunteer.report.durationHint')} error={problems.duration}>
              <View className='report__duration'>
                <View className='report__duration-part' data-field='hours'>
                  <Input type='number' value={hours} maxLength={2} aria-label={t('volunteer.report.hours')} onChange={setHours} />
                  <Text className='report__unit'>{t('volunteer.report.hours')}</Text>
                </View>
                <View className='report__duration-part' data-field='minutes'>
                  <Input type='number' value={minutes} maxLength={2} aria-label={t('volunteer.report.minutes')} onChange={setMinutes} />
                  <Text className='report__unit'>{t('volunteer.report.minutes')}</Text>
                </View>
              </View>
            </FormField>
            <FormField name='content' label={t('volunteer.report.content')} required error={problems.content}>
              <TextArea className='volunteer-textarea' value={content} maxLength={200} showCount autoSize placeholder={t('volunteer.report.contentPlaceholder')} onChange={setContent} />
            </FormField>
            <FormField name='evidence' label={t('volunteer.report.evidence')} required hint={t('volunteer.report.evidenceHint')} error={problems.evidence}>
              <ImagePick value={evidence} onChange={setEvidence} disabled={busy} />
            </FormField>
          </View>
        </View>
        <View className='volunteer-bar'>
          {general ? (
            <View className='volunteer-error' role='alert'>
              {general}
            </View>
          ) : null}
          <Button className='report__submit' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void submit()}>
            {phase === 'uploading' ? t('volunteer.common.uploading') : t('volunteer.report.submit')}
          </Button>
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
