/**
 * The staff form of a committee notice: a new one (published at once or kept as a draft) or a
 * draft being edited. It validates with the contract's own schema (NoticesPostInput) and says
 * each problem in the reader's words; the server checks the same again, and its content check.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { NOTICE_KINDS, NoticesPostInput, type NoticeKind, type NoticeView } from '../../shared/schemas/notices';
import type { MessageKey, Translate } from '../../locales';
import { call, uploadImage } from '../../services/cloud';
import { ChoiceChips } from '../../components/ChoiceChips';
import { DateTimeField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { PhotoPick, type PickedPhoto } from '../../components/PhotoPick';
import { LongTextField } from '../../components/LongText';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { chinaClock, chinaDay, chinaInstant, chinaIso } from '../../utils/chinaTime';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';

const shape = NoticesPostInput.shape;
const LIMITS = { title: textLimit(shape.title), body: textLimit(shape.body) } as const;
const DAY_MS = 24 * 3600_000;
const MAX_VALID_MS = 90 * DAY_MS;

interface Draft {
  title: string;
  body: string;
  kind: NoticeKind | null;
  urgent: boolean;
  day: string;
  clock: string;
  /** The chosen image: a local path until uploaded, then its file id too (null: none). */
  image: PickedPhoto | null;
}

type Field = 'title' | 'body' | 'kind' | 'validUntil';
const FIELD_ORDER: readonly Field[] = ['title', 'body', 'kind', 'validUntil'];
const PROBLEM: Record<Field, MessageKey> = {
  title: 'communityNotices.staff.problems.title',
  body: 'communityNotices.staff.problems.body',
  kind: 'communityNotices.staff.problems.kind',
  validUntil: 'communityNotices.staff.problems.validUntil',
};

function draftOf(notice: NoticeView | null): Draft {
  // A draft's image is kept as it is unless staff change it (its file id is not sent back to the app).
  if (notice) return { title: notice.title, body: notice.body, kind: notice.kind, urgent: notice.urgent, day: chinaDay(notice.validUntil), clock: chinaClock(notice.validUntil), image: null };
  // By default valid until the end of tomorrow: most notices (water or power cuts) are about a day or two.
  const tomorrow = chinaDay(Date.now() + DAY_MS);
  return { title: '', body: '', kind: null, urgent: false, day: tomorrow, clock: '22:00', image: null };
}

/** What the form would send (untrimmed: the schema trims and judges the lengths it measures). */
function inputOf(draft: Draft, communityId: string) {
  return { communityId, title: draft.title, body: draft.body, kind: draft.kind ?? '', urgent: draft.urgent, validUntil: chinaIso(draft.day, draft.clock) };
}

/** The problems that stop the form: the schema's verdict in our words, and a validity between now and 90 days. */
function check(draft: Draft, communityId: string, t: Translate): Partial<Record<Field, string>> {
  const input = inputOf(draft, communityId);
  const problems = schemaFieldErrors(NoticesPostInput, input, (path) => FIELD_ORDER.find((field) => field === path.split('.')[0]) ?? null, (issue, field) =>
    issue.code === 'too_big' && issue.origin === 'string' ? issueMessage(t, issue, input) : t(PROBLEM[field], { ...(field === 'title' ? LIMITS.title : field === 'body' ? LIMITS.body : {}) }),
  );
  const until = chinaInstant(draft.day, draft.clock);
  if (!problems.validUntil && !(until > Date.now() && until <= Date.now() + MAX_VALID_MS)) problems.validUntil = t(PROBLEM.validUntil);
  return problems;
}

export interface NoticeFormProps {
  communityId: string;
  /** A draft to edit; null for a new notice. */
  editing: NoticeView | null;
  onSaved: (notice: NoticeView) => void;
  onCancelEdit: () => void;
}

export function NoticeForm({ communityId, editing, onSaved, onCancelEdit }: NoticeFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const form = useFormErrors<Field>(FIELD_ORDER);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K], clears?: Field) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (clears) form.clear(clears);
  };

  const save = async (publish: boolean) => {
    setFailure(null);
    if (form.refuse(check(draft, communityId, t))) return;
    setBusy(true);
    try {
      // The image is uploaded once (a retry after a refused save reuses its file id); WeChat checks it on the server.
      const image = draft.image ? (draft.image.fileId ?? (await uploadImage(draft.image.path, 'posts'))) : undefined;
      if (draft.image && image) setDraft((current) => ({ ...current, image: current.image ? { ...current.image, fileId: image } : null }));
      const fields = { title: draft.title.trim(), body: draft.body.trim(), kind: draft.kind!, urgent: draft.urgent, validUntil: chinaIso(draft.day, draft.clock), ...(image ? { image } : {}) };
      const saved = editing ? await call('notices.update', { noticeId: editing.id, ...fields, publish }) : await call('notices.post', { communityId, ...fields, publish });
      Taro.showToast({ title: t(publish ? 'communityNotices.staff.published' : 'communityNotices.staff.drafted'), icon: 'none', duration: 2500 }).catch(() => undefined);
      setDraft(draftOf(null));
      onSaved(saved);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='notices-staff__form'>
      {editing ? (
        <View className='notices-staff__editing'>
          <Text className='linli-section__title'>{t('communityNotices.staff.editing')}</Text>
          <Button className='notices-staff__cancel-edit' fill='none' onClick={onCancelEdit}>
            {t('communityNotices.staff.cancelEdit')}
          </Button>
        </View>
      ) : (
        <Text className='linli-section__title'>{t('communityNotices.staff.newNotice')}</Text>
      )}
      <View className='linli-card notices-staff__card'>
        <FormField name='title' label={t('communityNotices.staff.form.title')} required error={form.errors.title} count={{ value: draft.title, limit: LIMITS.title }}>
          <Input className='notices-staff__input' value={draft.title} placeholder={t('communityNotices.staff.form.titlePlaceholder')} onChange={(v) => set('title', v, 'title')} />
        </FormField>
        <LongTextField
          name='body'
          label={t('communityNotices.staff.form.body')}
          required
          error={form.errors.body}
          value={draft.body}
          limit={LIMITS.body}
          inputClassName='notices-staff__textarea'
          placeholder={t('communityNotices.staff.form.bodyPlaceholder')}
          onChange={(v) => set('body', v, 'body')}
        />
        <FormField name='kind' label={t('communityNotices.staff.form.kind')} required error={form.errors.kind}>
          <ChoiceChips className='notices-staff__kinds' options={NOTICE_KINDS.map((kind) => ({ value: kind, label: t(`communityNotices.kinds.${kind}`) }))} value={draft.kind} onChange={(kind) => set('kind', kind, 'kind')} />
        </FormField>
        <FormField name='urgent' label={t('communityNotices.staff.form.urgent')} hint={t('communityNotices.staff.form.urgentHint')}>
          <ChoiceChips
            className='notices-staff__urgent'
            options={[
              { value: 'no', label: t('communityNotices.staff.form.urgentNo') },
              { value: 'yes', label: t('communityNotices.staff.form.urgentYes') },
            ]}
            value={draft.urgent ? 'yes' : 'no'}
            onChange={(v) => set('urgent', v === 'yes')}
          />
        </FormField>
        <FormField name='image' label={t('communityNotices.staff.form.image')} hint={t('communityNotices.staff.form.imageHint')}>
          <PhotoPick className='notices-staff__image' value={draft.image} onChange={(image) => set('image', image)} disabled={busy} />
        </FormField>
        <FormField name='validUntil' label={t('communityNotices.staff.form.validClock')} required error={form.errors.validUntil}>
          <DateTimeField
            day={draft.day}
            clock={draft.clock}
            minDay={chinaDay()}
            dayLabel={t('communityNotices.staff.form.validDay')}
            clockLabel={t('communityNotices.staff.form.validClock')}
            onChange={(day, clock) => {
              setDraft((current) => ({ ...current, day, clock }));
              form.clear('validUntil');
            }}
          />
        </FormField>
      </View>
      <View className='linli-section'>
        <SubmitBar
          label={t(editing ? 'communityNotices.staff.form.publishDraft' : 'communityNotices.staff.form.publish')}
          onSubmit={() => void save(true)}
          busy={busy}
          buttonClassName='notices-staff__publish'
          problems={form.problems}
          labels={{ title: t('communityNotices.staff.form.title'), body: t('communityNotices.staff.form.body'), kind: t('communityNotices.staff.form.kind'), validUntil: t('communityNotices.staff.form.validClock') }}
          general={failure}
          summaryClassName='notices-staff__failure'
        >
          <Button className='notices-staff__draft' fill='outline' size='large' block disabled={busy} onClick={() => void save(false)}>
            {t('communityNotices.staff.form.saveDraft')}
          </Button>
        </SubmitBar>
      </View>
    </View>
  );
}
