import '../locale';
import '../actions';
import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { RollCallsCreateInput, type RollCallsGetOutput, type RollCallView, Skill } from '../../shared/schemas/volunteers';
import type { MessageKey, Translate } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { FormField } from '../../components/FormField';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit, type TextLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateTimeField } from '../../components/DateField';
import { GridAreaPicker } from '../../components/GridAreaPicker';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { chinaClock, chinaDay, chinaInstant, chinaIso, formatDateTime } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { JOB_POLL_MS, JobProgress } from '../components/JobProgress';
import { needsRegionTree, rollCallCommunities } from '../components/rollCallCommunities';
import { LongTextField } from '../../components/LongText';
import '../components/staff.scss';
import './index.scss';
import { colors } from '../../styles/colors';

const SKILLS = ['elderly', 'children', 'medical', 'teaching', 'legal', 'repair', 'driving', 'photo', 'culture', 'sign'] as const;
/** Text limits of the contract (RollCallsCreateInput), for counters and messages. */
const shape = RollCallsCreateInput.shape;
const LIMITS = {
  title: textLimit(shape.title),
  description: textLimit(shape.description),
  meetingPlace: textLimit(shape.meetingPlace),
  gridArea: textLimit(shape.gridArea.unwrap()),
  skill: textLimit(Skill),
} as const;

const toast = (title: string) => {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
};

/**
 * Emergency roll-call for staff. Without `id`: the form that calls a community's volunteers by
 * skill and grid area. With `id` (after sending, or from the console): the live tally, who is
 * coming and when, pull-to-refresh, and closing it.
 */
export default function RollCallPage() {
  const { t } = useI18n();
  const params = useRouter().params;
  const [id, setId] = useState<string | null>(params.id ?? null);
  return (
    <PageRoot titleKey='moderation.rollcall.title' className='staff-page rollcall'>
      <View className='staff-frame'>{id ? <Tally key={id} id={id} /> : <CreateForm preferred={params.communityId ?? null} onCreated={(view) => {
        toast(view.tally?.capped ? t('moderation.rollcall.capped', { count: view.tally.notified }) : t('moderation.rollcall.sent', { count: view.tally?.notified ?? 0 }));
        setId(view.id);
      }} />}</View>
    </PageRoot>
  );
}

interface Draft {
  title: string;
  description: string;
  skills: string[];
  customSkill: string;
  gridArea: string;
  meetingPlace: string;
  day: string;
  clock: string;
  needed: string;
}

type Field = 'title' | 'description' | 'skills' | 'gridArea' | 'meetingPlace' | 'meetAt' | 'needed';
const FIELD_ORDER: readonly Field[] = ['title', 'description', 'skills', 'gridArea', 'meetingPlace', 'meetAt', 'needed'];
const PROBLEM: Record<Field, MessageKey> = {
  title: 'moderation.rollcall.problems.title',
  description: 'moderation.rollcall.problems.description',
  skills: 'moderation.rollcall.problems.skillsMax',
  gridArea: 'moderation.rollcall.problems.gridArea',
  meetingPlace: 'moderation.rollcall.problems.meetingPlace',
  meetAt: 'moderation.rollcall.problems.meetAt',
  needed: 'moderation.rollcall.problems.needed',
};
const LIMIT_OF: Partial<Record<Field, TextLimit>> = { title: LIMITS.title, description: LIMITS.description, gridArea: LIMITS.gridArea, meetingPlace: LIMITS.meetingPlace };

function initialDraft(): Draft {
  // Half an hour from now, on the quarter hour: a sensible default for "as soon as possible".
  const soon = Math.ceil((Date.now() + 30 * 60_000) / (15 * 60_000)) * 15 * 60_000;
  return { title: '', description: '', skills: [], customSkill: '', gridArea: '', meetingPlace: '', day: chinaDay(soon), clock: chinaClock(soon), needed: '10' };
}

/** What the form would send for `communityId` (untrimmed: the schema trims, and judges the lengths it measures). */
function inputOf(draft: Draft, communityId: string) {
  return {
    communityId,
    title: draft.title,
    description: draft.description,
    skills: draft.skills,
    ...(draft.gridArea.trim() ? { gridArea: draft.gridArea } : {}),
    meetingPlace: draft.meetingPlace,
    meetAt: chinaIso(draft.day, draft.clock),
    needed: /^\d+$/.test(draft.needed.trim()) ? Number(draft.needed) : Number.NaN,
  };
}

/** The problems that stop the form: RollCallsCreateInput's verdict in our words, and no meeting in the past. */
function check(draft: Draft, communityId: string, t: Translate): Partial<Record<Field, string>> {
  const input = inputOf(draft, communityId);
  const problems = schemaFieldErrors(RollCallsCreateInput, input, (path) => FIELD_ORDER.find((field) => field === path.split('.')[0]) ?? null, (issue, field) =>
    issue.code === 'too_big' && issue.origin === 'string' ? issueMessage(t, issue, input) : t(PROBLEM[field], { ...(LIMIT_OF[field] ?? {}) }),
  );
  if (!problems.meetAt && !(chinaInstant(draft.day, draft.clock) >= Date.now() - 60_000)) problems.meetAt = t(PROBLEM.meetAt);
  return problems;
}

function CreateForm({ preferred, onCreated }: { preferred: string | null; onCreated: (view: RollCallView) => void }) {
  const { t } = useI18n();
  const account = useAccount();
  // Street and county staff choose among the communities below them: those come from the region tree.
  const wantsTree = account.me ? needsRegionTree(account.me.account) : false;
  const tree = useAsync(() => call('regions.tree', {}), [wantsTree], { enabled: wantsTree });
  const communities = account.me ? rollCallCommunities(account.me.account, tree.data?.roots ?? []) : [];
  const [chosen, setChosen] = useState<string | null>(preferred);
  const communityId = chosen ?? communities[0]?.id ?? null;
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const form = useFormErrors<Field>(FIELD_ORDER);
  const problems = form.errors;
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!account.me) return account.status === 'error' ? <ErrorState message={account.error ?? ''} onRetry={account.retry} /> : <LoadingState cards={2} />;
  if (wantsTree && tree.error) return <ErrorState message={tree.error} onRetry={() => void tree.reload()} />;
  if (wantsTree && !tree.data) return <LoadingState cards={2} />;
  if (!communityId) return <EmptyState title={t('moderation.rollcall.noCommunity')} description={t('moderation.rollcall.noCommunityHint')} />;

  const set = <K extends keyof Draft>(key: K, value: Draft[K], clears?: Field) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (clears) form.clear(clears);
  };
  const presets = SKILLS.map((key) => t(`moderation.rollcall.skillOptions.${key}`));
  const skillOptions = [...presets, ...draft.skills.filter((skill) => !presets.includes(skill))];
  const toggleSkill = (skill: string) => set('skills', draft.skills.includes(skill) ? draft.skills.filter((s) => s !== skill) : [...draft.skills, skill], 'skills');
  const addSkill = () => {
    const skill = draft.customSkill.trim();
    if (!skill) return;
    // The contract's rules for one skill and for the list (Skill, RollCallsCreateInput.skills).
    if (!Skill.safeParse(skill).success) return form.set('skills', t('moderation.rollcall.problems.skill', { max: LIMITS.skill.max }));
    const skills = draft.skills.includes(skill) ? draft.skills : [...draft.skills, skill];
    if (!shape.skills.safeParse(skills).success) return form.set('skills', t('moderation.rollcall.problems.skillsMax'));
    setDraft((current) => ({ ...current, skills, customSkill: '' }));
    form.clear('skills');
  };

  const submit = async () => {
    setFailure(null);
    if (form.refuse(check(draft, communityId, t))) return;
    setBusy(true);
    try {
      const gridArea = draft.gridArea.trim();
      const view = await call('rollcalls.create', {
        communityId,
        title: draft.title.trim(),
        description: draft.description.trim(),
        skills: draft.skills,
        ...(gridArea ? { gridArea } : {}),
        meetingPlace: draft.meetingPlace.trim(),
        meetAt: chinaIso(draft.day, draft.clock),
        needed: Number(draft.needed),
      });
      onCreated(view);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='rollcall__form'>
      <Text className='staff-intro'>{t('moderation.rollcall.intro')}</Text>
      {communities.length > 1 ? (
        <View className='linli-section'>
          <Text className='linli-section__title'>{t('moderation.rollcall.community')}</Text>
          <ChoiceChips
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            value={communityId}
            onChange={(id) => {
              setChosen(id);
              // Grid areas belong to one community: a target chosen for another does not carry over.
              set('gridArea', '', 'gridArea');
            }}
          />
        </View>
      ) : null}
      <View className='linli-card rollcall__card'>
        <FormField name='title' label={t('moderation.rollcall.form.title')} required error={problems.title} count={{ value: draft.title, limit: LIMITS.title }}>
          <Input className='rollcall__input' value={draft.title} placeholder={t('moderation.rollcall.form.titlePlaceholder')} onChange={(v) => set('title', v, 'title')} />
        </FormField>
        <LongTextField name='description' label={t('moderation.rollcall.form.description')} required error={problems.description} value={draft.description} limit={LIMITS.description} autoSize={false} inputClassName='rollcall__textarea' placeholder={t('moderation.rollcall.form.descriptionPlaceholder')} onChange={(v) => set('description', v, 'description')} />
        <FormField name='skills' label={t('moderation.rollcall.form.skills')} hint={t('moderation.rollcall.form.skillsHint')} error={problems.skills}>
          <View className='rollcall__chips' role='group'>
            {skillOptions.map((skill) => (
              <View key={skill} className={cx('rollcall__chip', draft.skills.includes(skill) && 'rollcall__chip--on')} role='checkbox' aria-checked={draft.skills.includes(skill)} data-value={skill} onClick={() => toggleSkill(skill)}>
                <Text>{skill}</Text>
              </View>
            ))}
          </View>
          <View className='rollcall__custom-skill'>
            <Input className='rollcall__input' value={draft.customSkill} placeholder={t('moderation.rollcall.form.customSkill')} onChange={(v) => set('customSkill', v)} />
            <Button className='rollcall__add-skill' fill='outline' onClick={addSkill}>
              {t('moderation.rollcall.form.addSkill')}
            </Button>
          </View>
        </FormField>
        <FormField name='gridArea' label={t('moderation.rollcall.form.gridArea')} hint={t('moderation.rollcall.form.gridAreaHint')} error={problems.gridArea} count={{ value: draft.gridArea, limit: LIMITS.gridArea }}>
          <GridAreaPicker
            key={communityId}
            communityId={communityId}
            value={draft.gridArea}
            onChange={(v) => set('gridArea', v, 'gridArea')}
            noneLabel={t('moderation.rollcall.gridAny')}
            placeholder={t('moderation.rollcall.form.gridAreaPlaceholder')}
            inputClassName='rollcall__input'
          />
        </FormField>
        <FormField name='meetingPlace' label={t('moderation.rollcall.form.meetingPlace')} required error={problems.meetingPlace} count={{ value: draft.meetingPlace, limit: LIMITS.meetingPlace }}>
          <Input className='rollcall__input' value={draft.meetingPlace} placeholder={t('moderation.rollcall.form.meetingPlacePlaceholder')} onChange={(v) => set('meetingPlace', v, 'meetingPlace')} />
        </FormField>
        <FormField name='meetAt' label={t('moderation.rollcall.form.meetClock')} required error={problems.meetAt}>
          <DateTimeField
            day={draft.day}
            clock={draft.clock}
            minDay={chinaDay()}
            dayLabel={t('moderation.rollcall.form.meetDay')}
            clockLabel={t('moderation.rollcall.form.meetClock')}
            onChange={(day, clock) => {
              setDraft((current) => ({ ...current, day, clock }));
              form.clear('meetAt');
            }}
          />
        </FormField>
        <FormField name='needed' label={t('moderation.rollcall.form.needed')} required error={problems.needed}>
          <Input className='rollcall__input' type='number' value={draft.needed} onChange={(v) => set('needed', v, 'needed')} />
        </FormField>
      </View>
      <View className='linli-section'>
        <SubmitBar
          label={t('moderation.rollcall.form.submit')}
          onSubmit={() => void submit()}
          busy={busy}
          buttonClassName='rollcall__submit'
          problems={form.problems}
          labels={{
            title: t('moderation.rollcall.form.title'),
            description: t('moderation.rollcall.form.description'),
            skills: t('moderation.rollcall.form.skills'),
            gridArea: t('moderation.rollcall.form.gridArea'),
            meetingPlace: t('moderation.rollcall.form.meetingPlace'),
            meetAt: t('moderation.rollcall.form.meetClock'),
            needed: t('moderation.rollcall.form.needed'),
          }}
          general={failure}
          summaryClassName='rollcall__failure'
        />
      </View>
    </View>
  );
}

function Tally({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useAsync(() => call('rollcalls.get', { rollCallId: id }), [id]);
  const [confirming, setConfirming] = useState(false);

  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const dispatch = state.data?.rollCall.tally?.dispatch ?? null;
  const sending = dispatch !== null && (dispatch.state === 'queued' || dispatch.state === 'running');
  useEffect(() => {
    if (!sending) return undefined;
    // While a big call-out's notices are still going out, ask again (each ask also moves them on).
    const timer = setTimeout(() => void state.reload(), JOB_POLL_MS);
    return () => clearTimeout(timer);
    // Each answer (a new data object, even with the same count) schedules the next ask.
  }, [sending, state.data, state.reload]);

  if (state.loading && !state.data) return <LoadingState cards={3} />;
  if (state.error || !state.data) return <ErrorState message={state.error ?? ''} onRetry={() => void state.reload()} />;
  const { rollCall, coming } = state.data;
  const close = async () => {
    try {
      const next = await call('rollcalls.close', { rollCallId: id });
      state.setData({ ...state.data!, rollCall: next } satisfies RollCallsGetOutput);
      toast(t('moderation.rollcall.closed'));
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setConfirming(false);
    }
  };

  return (
    <View className='rollcall__tally'>
      <RollCallSummary rollCall={rollCall} />
      {rollCall.tally ? (
        <View className='linli-card rollcall__numbers'>
          {(['notified', 'coming', 'cannot', 'pending'] as const).map((key) => (
            <View key={key} className={`rollcall__number rollcall__number--${key}`}>
              <Text className='rollcall__number-value'>{rollCall.tally![key]}</Text>
              <Text className='rollcall__number-label'>{t(`moderation.rollcall.tally.${key}`)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {rollCall.tally?.dispatch && rollCall.tally.dispatch.state !== 'done' ? (
        <View className='linli-card rollcall__dispatch'>
          <JobProgress job={rollCall.tally.dispatch} unit='people' />
        </View>
      ) : null}
      {rollCall.tally?.capped ? <Text className='staff-intro'>{t('moderation.rollcall.capped', { count: rollCall.tally.notified })}</Text> : null}
      {rollCall.status === 'open' ? <Text className='staff-intro'>{t('moderation.rollcall.refreshHint')}</Text> : null}
      <View className='linli-section'>
        <Text className='linli-section__title'>{t('moderation.rollcall.coming')}</Text>
        {!coming || coming.length === 0 ? (
          <EmptyState title={t('moderation.rollcall.comingEmpty')} />
        ) : (
          <View className='linli-card rollcall__coming'>
            {coming.map((person, index) => (
              <View key={`${person.nickname}-${index}`} className='rollcall__comer'>
                <View className='rollcall__comer-main'>
                  <Text className='rollcall__comer-name'>{person.nickname}</Text>
                  <Text className='rollcall__comer-eta'>{person.etaMinutes === null ? t('moderation.rollcall.etaUnknown') : t('moderation.rollcall.eta', { minutes: person.etaMinutes })}</Text>
                </View>
                <Text className='rollcall__comer-meta'>{[person.gridArea, ...person.skills].filter(Boolean).join(t('common.separator'))}</Text>
              </View>
            ))}
          </View>
        )}
      </View>
      {rollCall.abilities.includes('rollcalls.close') ? (
        <View className='linli-section'>
          <Button className='rollcall__close' type='danger' size='large' block onClick={() => setConfirming(true)}>
            {t('moderation.rollcall.close')}
          </Button>
        </View>
      ) : null}
      <ConfirmDialog
        className='rollcall__confirm'
        visible={confirming}
        title={t('moderation.rollcall.closeTitle')}
        message={t('moderation.rollcall.closeMessage')}
        confirmText={t('moderation.rollcall.close')}
        onConfirm={close}
        onClose={() => setConfirming(false)}
      />
    </View>
  );
}

/** What, where, when, for whom: the head of a roll-call. */
function RollCallSummary({ rollCall }: { rollCall: RollCallView }) {
  const { t } = useI18n();
  return (
    <View className='linli-card rollcall__summary'>
      <View className='rollcall__summary-head'>
        <Text className='rollcall__summary-title'>{rollCall.title}</Text>
        <Tag className={`rollcall__status rollcall__status--${rollCall.status}`} background={rollCall.status === 'open' ? colors.primarySoft : colors.fill} color={rollCall.status === 'open' ? colors.primary : colors.ink2}>
          {t(`moderation.rollcall.status.${rollCall.status}`)}
        </Tag>
      </View>
      <Text className='rollcall__summary-line'>{rollCall.description}</Text>
      <Text className='rollcall__summary-line'>{`${formatDateTime(t, rollCall.meetAt)}${t('common.separator')}${rollCall.meetingPlace}`}</Text>
      <Text className='rollcall__summary-line'>
        {[
          rollCall.communityName,
          rollCall.gridArea ?? t('moderation.rollcall.gridAny'),
          rollCall.skills.length > 0 ? rollCall.skills.join(t('events.detail.listSeparator')) : t('moderation.rollcall.skillsAny'),
          t('moderation.rollcall.needed', { count: rollCall.needed }),
        ].join(t('common.separator'))}
      </Text>
    </View>
  );
}
