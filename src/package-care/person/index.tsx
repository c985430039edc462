import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CarePairInput, type CareCloseReason, type CarePairView, type CareRecipientView } from '../../shared/schemas/care';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { pressable } from '../../components/Pressable';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { ErrorState, LoadingState } from '../../components/StateView';
import { SubscribeNote } from '../../components/SubscribeNote';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { useSubscriptionPrompt } from '../../hooks/useSubscriptionPrompt';
import { DANGER_BUTTON } from '../../styles/buttons';
import { chinaDay, formatDay } from '../../utils/chinaTime';
import { schemaFieldErrors } from '../../utils/schemaErrors';
import { cx } from '../../utils/cx';
import { dueText } from '../components/dueText';
import '../components/care.scss';
import './index.scss';

const toast = (title: string) => {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
};

/**
 * One person in care. The committee sees her details, the consent on record, her pairings (pair
 * a volunteer by number, unpair) and can end care; a paired volunteer sees what a visit needs
 * and logs one. Both see the visit log with each visit's hour state.
 */
export default function CarePersonPage() {
  const { t } = useI18n();
  useAccount();
  const id = useRouter().params.id ?? '';
  const person = useAsync(() => call('care.get', { recipientId: id }), [id]);
  const visits = useAsync(() => call('care.visits', { recipientId: id, limit: 20 }), [id]);
  useDidShow(() => {
    // Back from logging a visit: the log and the due day changed.
    if (person.data) void Promise.all([person.reload(), visits.reload()]);
  });

  if (person.loading && !person.data) return <PageRoot titleKey='care.titles.person' className='care-page care-person' busy><LoadingState cards={2} /></PageRoot>;
  if (person.error || !person.data) {
    return (
      <PageRoot titleKey='care.titles.person' className='care-page care-person'>
        <ErrorState message={person.error ?? ''} code={person.errorCode ?? undefined} onRetry={() => void person.reload()} />
      </PageRoot>
    );
  }
  const view = person.data;
  const can = (ability: string) => view.abilities.includes(ability);
  return (
    <PageRoot titleKey='care.titles.person' className='care-page care-person' busy={person.loading}>
      <Details view={view} />
      {can('care.pair') || view.pairs.length > 0 ? <Pairs view={view} onChanged={(next) => person.setData(next)} /> : null}
      <View className='linli-section care-visits'>
        <View className='linli-section__title'>{t('care.person.visits')}</View>
        {/* The visit log loads on its own: its own loading and error states, never a blank section. */}
        {visits.loading && !visits.data ? <LoadingState cards={1} /> : null}
        {visits.error ? <ErrorState message={visits.error} onRetry={() => void visits.reload()} /> : null}
        {visits.data && visits.data.items.length === 0 ? <Text className='care-intro'>{t('care.person.noVisits')}</Text> : null}
        <View className='care-list'>
          {(visits.data?.items ?? []).map((visit) => (
            <View key={visit.id} className='linli-card care-card' data-visit={visit.id}>
              <Text className='care-card__line'>{t('care.person.visitLine', { date: formatDay(t, visit.visitDate), minutes: visit.minutes, visitor: visit.visitorName })}</Text>
              <Text className='care-card__line'>{visit.notes}</Text>
              <Text className={cx('care-due', !visit.onTime && 'care-due--overdue')}>
                {visit.onTime ? t(`care.person.hourStates.${visit.hourState}`) : t('care.mine.line', { category: t('care.person.late'), due: t(`care.person.hourStates.${visit.hourState}`) })}
              </Text>
            </View>
          ))}
        </View>
      </View>
      {can('care.logVisit') ? (
        <View className='care-bar'>
          <Button type='primary' block className='care-log' onClick={() => void Taro.navigateTo({ url: `/package-care/visit/index?id=${view.id}` })}>
            {t('care.person.logVisit')}
          </Button>
        </View>
      ) : null}
      {can('care.close') ? <CloseCare view={view} onClosed={(next) => person.setData(next)} /> : null}
    </PageRoot>
  );
}

function Details({ view }: { view: CareRecipientView }) {
  const { t } = useI18n();
  const today = chinaDay();
  return (
    <View className='linli-section'>
      <View className='linli-card care-card'>
        <View className='care-card__head'>
          <Text className='care-card__name'>{view.name}</Text>
          {view.status === 'active' ? <Text className={cx('care-due', view.overdue && 'care-due--overdue')}>{dueText(t, today, view.dueDate)}</Text> : null}
        </View>
        <Text className='care-card__line'>{t('care.mine.line', { category: t(`care.categories.${view.category}`), due: t('care.person.frequency', { days: view.frequencyDays }) })}</Text>
        {view.status === 'closed' && view.closedReason ? <Text className='care-card__line care-closed'>{t('care.person.closed', { reason: t(`care.person.closeReasons.${view.closedReason}`) })}</Text> : null}
        {view.phone ? <Text className='care-card__line'>{t('care.person.phoneLine', { value: view.phone })}</Text> : null}
        {view.address ? <Text className='care-card__line'>{t('care.person.addressLine', { value: view.address })}</Text> : null}
        {view.notes ? <Text className='care-card__line'>{t('care.person.notesLine', { value: view.notes })}</Text> : null}
        <Text className='care-card__line'>{view.lastVisitDate ? t('care.list.lastVisit', { date: formatDay(t, view.lastVisitDate) }) : t('care.list.never')}</Text>
        {view.consent ? (
          <Text className='care-card__line care-consent'>
            {t('care.mine.line', {
              category: t('care.person.consentBy', {
                by: view.consent.by === 'guardian' ? t('care.person.consentGuardian', { name: view.consent.guardianName ?? '' }) : t('care.form.self'),
                witness: view.consent.witnessedByName,
              }),
              due: t('care.person.reference', { reference: view.consent.reference }),
            })}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function Pairs({ view, onChanged }: { view: CareRecipientView; onChanged: (next: CareRecipientView) => void }) {
  const { t } = useI18n();
  const [volunteerNo, setVolunteerNo] = useState('');
  const [busy, setBusy] = useState(false);
  // The pairing form is a form like any other (issue 16 item 1): the contract's schema judges the
  // number, a problem stands by the field and above the button, and a refusal is said there too.
  const form = useFormErrors<'volunteerNo'>(['volunteerNo']);
  const [refused, setRefused] = useState<string | null>(null);
  const subscription = useSubscriptionPrompt();
  const [ending, setEnding] = useState<CarePairView | null>(null);
  const active = view.pairs.filter((pair) => pair.status === 'active');
  // The groups of her community and its street, for pairing a group (the server checks the same).
  const groups = useAsync(() => call('groups.list', { area: 'nearby', communityId: view.communityId, limit: 50 }), [view.communityId], { enabled: view.abilities.includes('care.pair') });
  const pair = async (party: { volunteerNo: string } | { groupId: string }) => {
    // A pairing is what her overdue alerts watch: the committee's consent for the next one, asked
    // in this tap before any await (WeChat shows the prompt only there).
    void subscription.ask(['careOverdue']);
    setBusy(true);
    setRefused(null);
    try {
      onChanged(await call('care.pair', { recipientId: view.id, ...party }));
      setVolunteerNo('');
      toast(t('care.person.paired'));
    } catch (error) {
      setRefused(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const pairVolunteer = () => {
    const input = { recipientId: view.id, volunteerNo };
    const found = schemaFieldErrors(CarePairInput, input, (path) => (path === 'volunteerNo' ? 'volunteerNo' : null), () => t('care.person.problems.volunteerNo'));
    if (form.refuse(found)) return;
    void pair({ volunteerNo: volunteerNo.trim() });
  };
  const unpair = async (target: CarePairView) => {
    setEnding(null);
    try {
      onChanged(await call('care.unpair', { pairId: target.id }));
      toast(t('care.person.unpaired'));
    } catch (error) {
      toast(errorMessage(error));
    }
  };
  return (
    <View className='linli-section care-pairs'>
      <View className='linli-section__title'>{t('care.person.pairs')}</View>
      <View className='linli-card care-card'>
        {active.length === 0 ? <Text className='care-card__line'>{t('care.person.noPairs')}</Text> : null}
        {active.map((p) => (
          <View key={p.id} className='care-card__head' data-pair={p.id}>
            <Text className='care-card__line'>{p.name}</Text>
            {view.abilities.includes('care.unpair') ? (
              <Button size='small' className={cx('care-unpair', DANGER_BUTTON)} onClick={() => setEnding(p)}>
                {t('care.person.unpair')}
              </Button>
            ) : null}
          </View>
        ))}
        {view.abilities.includes('care.pair') ? (
          <View className='care-pair-form'>
            <FormField name='volunteerNo' label={t('care.person.pairVolunteer')} error={form.errors.volunteerNo}>
              <Input value={volunteerNo} placeholder={t('care.person.pairVolunteerHint')} aria-label={t('care.person.pairVolunteer')} onChange={(v) => (setVolunteerNo(v), form.clear('volunteerNo'), setRefused(null))} />
            </FormField>
            <FormErrorSummary problems={form.problems} labels={{ volunteerNo: t('care.person.pairVolunteer') }} general={refused} />
            <SubscribeNote outcome={subscription.outcome} />
            <Button type='primary' className='care-pair' loading={busy} disabled={busy} onClick={pairVolunteer}>
              {t('care.person.pair')}
            </Button>
          </View>
        ) : null}
        {/* The groups to pair load on their own: a failure says so and retries, never an empty gap. */}
        {view.abilities.includes('care.pair') && groups.error ? (
          <View role='alert'>
            <View className='care-card__line care-groups-failed linli-pressable' onClick={() => void groups.reload()} {...pressable(() => void groups.reload())}>
              {t('care.person.groupsFailed')}
            </View>
          </View>
        ) : null}
        {view.abilities.includes('care.pair') && groups.data && groups.data.items.length > 0 ? (
          <View className='care-pair-groups'>
            <Text className='care-card__line'>{t('care.person.pairGroup')}</Text>
            <ChoiceChips
              options={groups.data.items.filter((g) => !active.some((p) => p.groupId === g.id)).map((g) => ({ value: g.id, label: g.name }))}
              value={null}
              onChange={(groupId) => !busy && void pair({ groupId })}
            />
          </View>
        ) : null}
      </View>
      <ConfirmDialog
        visible={ending !== null}
        title={t('care.person.unpair')}
        message={t('care.person.unpairConfirm', { name: ending?.name ?? '' })}
        onConfirm={async () => {
          if (ending) await unpair(ending);
        }}
        onClose={() => setEnding(null)}
      />
    </View>
  );
}

function CloseCare({ view, onClosed }: { view: CareRecipientView; onClosed: (next: CareRecipientView) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<CareCloseReason | null>(null);
  const close = async (chosen: CareCloseReason) => {
    setReason(null);
    try {
      onClosed(await call('care.close', { recipientId: view.id, reason: chosen }));
      toast(t('care.person.closedToast'));
    } catch (error) {
      toast(errorMessage(error));
    }
  };
  return (
    <View className='linli-section care-close'>
      <View className='linli-section__title'>{t('care.person.closeTitle')}</View>
      <ChoiceChips
        className='care-actions'
        options={(['consent_withdrawn', 'care_ended'] as const).map((value) => ({ value, label: t(`care.person.closeReasons.${value}`) }))}
        value={reason}
        onChange={setReason}
      />
      <ConfirmDialog
        visible={reason !== null}
        title={t('care.person.close')}
        message={t('care.person.closeBody')}
        onConfirm={async () => {
          if (reason) await close(reason);
        }}
        onClose={() => setReason(null)}
      />
    </View>
  );
}
