import { Id } from '../../shared/schemas/common';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Checked, Tips } from '@nutui/icons-react-taro';
import { ReportReason, ReportsCreateInput, ReportTargetType } from '../../shared/schemas/moderation';
import { call, isClientError } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { EmptyState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { activitiesChanged } from '../../stores/events';
import { groupChanged } from '../../stores/groupChanges';
import { paramText } from '../components/decode';
import { LongTextField } from '../../components/LongText';
import './index.scss';
import { colors } from '../../styles/colors';

/** The report text's limit, from the contract (ReportsCreateInput). */
const TEXT_LIMIT = textLimit(ReportsCreateInput.shape.text.unwrap());
type ReportField = 'reason' | 'text';

type Outcome = 'reported' | 'hidden' | 'already';

const back = () => {
  Taro.navigateBack().catch(() => undefined);
};

/**
 * Reporting a group, an announcement, an activity or a person (?type=&id=&title=&groupId=):
 * a reason, a few words (required for "other"), sent once. Reporting the same thing twice is
 * not an error to the resident: the page says it is already reported.
 */
export default function ReportPage() {
  const { t } = useI18n();
  useAccount();
  const params = useRouter().params;
  const type = ReportTargetType.safeParse(params.type);
  const targetId = paramText(params.id);
  const title = paramText(params.title);
  const groupId = paramText(params.groupId);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [text, setText] = useState('');
  const form = useFormErrors<ReportField>(['reason', 'text']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (!type.success || !Id.safeParse(targetId).success) {
    return (
      <PageRoot titleKey='moderation.titles.report' className='report'>
        <EmptyState title={t('moderation.report.missing')} action={{ text: t('moderation.report.back'), onClick: back }} />
      </PageRoot>
    );
  }
  const targetType = type.data;

  const submit = async () => {
    const typed = text.trim();
    setError(null);
    // ReportsCreateInput judges (a reason; a text of its length, required for "other").
    const input = { targetType, targetId, reason: reason ?? undefined, ...(typed ? { text } : {}) };
    const problems = schemaFieldErrors(ReportsCreateInput, input, (path) => (path === 'reason' || path === 'text' ? path : null), (issue, field) =>
      field === 'reason' ? t('moderation.report.pickReason') : issue.code === 'too_big' ? issueMessage(t, issue, input) : t('moderation.report.textRequired', { min: TEXT_LIMIT.min }),
    );
    if (form.refuse(problems) || !reason) return;
    setBusy(true);
    try {
      const result = await call('reports.create', { targetType, targetId, reason, ...(typed ? { text: typed } : {}) });
      // What the report hid must disappear from the pages underneath. A person is never
      // hidden (their case waits for staff, who may suspend them), whatever the case says.
      const hidden = result.hidden && targetType !== 'user';
      if (hidden && groupId) groupChanged(groupId);
      if (hidden && targetType === 'activity') activitiesChanged();
      setOutcome(hidden ? 'hidden' : 'reported');
    } catch (caught) {
      if (isClientError(caught) && caught.code === 'CONFLICT') setOutcome('already');
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (outcome) {
    const already = outcome === 'already';
    return (
      <PageRoot titleKey='moderation.titles.report' className='report'>
        <View className={`report__outcome report__outcome--${outcome}`}>
          <EmptyState
            title={t(already ? 'moderation.report.alreadyTitle' : 'moderation.report.doneTitle')}
            description={t(already ? 'moderation.report.already' : outcome === 'hidden' ? 'moderation.report.doneHidden' : 'moderation.report.done')}
            icon={already ? <Tips size={40} color={colors.primary} /> : <Checked size={40} color={colors.success} />}
            action={{ text: t('moderation.report.back'), onClick: back }}
          />
        </View>
      </PageRoot>
    );
  }

  return (
    <PageRoot titleKey='moderation.titles.report' className='report' busy={busy}>
      <View className='report__frame'>
        <View className='linli-card report__target'>
          <Text className='report__what'>{t('moderation.report.what', { type: t(`moderation.targets.${targetType}`) })}</Text>
          {title ? <Text className='report__title'>{title}</Text> : null}
        </View>
        <View className='linli-card report__form'>
          <FormField name='reason' label={t('moderation.report.reason')} required error={form.errors.reason}>
            <ChoiceChips
              className='report__reasons'
              options={ReportReason.options.map((value) => ({ value, label: t(`moderation.reasons.${value}`) }))}
              value={reason}
              onChange={(value) => {
                setReason(value);
                form.clear('reason', 'text');
              }}
            />
          </FormField>
          <LongTextField
            name='text'
            label={t('moderation.report.text')}
            required={reason === 'other'}
            hint={t('moderation.report.textHint')}
            error={form.errors.text}
            value={text}
            limit={TEXT_LIMIT}
            inputClassName='report__text'
            placeholder={t('moderation.report.textPlaceholder')}
            onChange={(value) => {
              setText(value);
              form.clear('text');
            }}
          />
        </View>
        <Text className='report__hint'>{t(targetType === 'user' ? 'moderation.report.hintUser' : 'moderation.report.hint')}</Text>
        <View className='report__bar'>
          <SubmitBar
            label={t('moderation.report.submit')}
            onSubmit={() => void submit()}
            busy={busy}
            buttonClassName='report__submit'
            problems={form.problems}
            labels={{ reason: t('moderation.report.reason'), text: t('moderation.report.text') }}
            general={error}
            summaryClassName='report__error'
          />
        </View>
      </View>
    </PageRoot>
  );
}
