import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { NeedsDoneInput, NeedsThankInput, type NeedView } from '../../shared/schemas/needs';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { LongTextField } from '../../components/LongText';
import { PhotoPick, uploadedOnce, type PickedPhoto } from '../../components/PhotoPick';
import { ErrorState, LoadingState } from '../../components/StateView';
import { SubmitBar } from '../../components/SubmitBar';
import { SubscribeNote } from '../../components/SubscribeNote';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { useSubscriptionPrompt } from '../../hooks/useSubscriptionPrompt';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { needWhenText } from '../../utils/needRoutes';
import { HelperMinutes, helpersWithMinutes } from './HelperMinutes';
import './index.scss';

const RATINGS = ['1', '2', '3', '4', '5'] as const;
type Rating = (typeof RATINGS)[number];
/** The contract's limit of the thanks (NeedsThankInput.words), for the counter and the message. */
const WORDS_LIMIT = textLimit(NeedsThankInput.shape.words.unwrap());
/** The done form's fields and the thank form's, top to bottom. */
type DoneField = 'photo' | 'minutes';
const DONE_ORDER: readonly DoneField[] = ['photo', 'minutes'];
type ThankField = 'rating' | 'words';
const THANK_ORDER: readonly ThankField[] = ['rating', 'words'];

/**
 * One need with what the viewer may do to it (its `abilities` from the server): take it on
 * (herself or for a group she leads), accept or decline the helper, withdraw it, mark it done
 * with a photo and the time served, or thank and rate it. The address and phone show only to
 * the need's audience; everyone else sees that they appear once it is taken on.
 */
export default function NeedDetailPage() {
  const { t } = useI18n();
  const account = useAccount();
  const id = useRouter().params.id ?? '';
  const need = useAsync(() => call('needs.get', { needId: id }), [id]);
  const mine = useAsync(() => call('memberships.mine', {}), []);
  const claimedBy = need.data?.claimer?.kind === 'group' && need.data.abilities.includes('needs.done') ? need.data.claimer.id : null;
  const members = useAsync(() => call('members.list', { groupId: claimedBy ?? '', limit: 50 }), [claimedBy], { enabled: claimedBy !== null });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  // Minutes per helper; the one marking it done starts at an hour, everyone else blank.
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [rating, setRating] = useState<Rating>('5');
  const [words, setWords] = useState('');
  const doneForm = useFormErrors<DoneField>(DONE_ORDER);
  const thankForm = useFormErrors<ThankField>(THANK_ORDER);
  const subscription = useSubscriptionPrompt();

  /**
   * Takes the need on. In the tap, before any await (WeChat shows the prompt only there): consent
   * for the message that the resident accepted the helper (one consent, one message).
   */
  const claim = (needId: string, groupId?: string) => {
    void subscription.ask(['needAccepted']);
    void act(() => call('needs.claim', { needId, ...(groupId ? { groupId } : {}) }));
  };

  const act = async (run: () => Promise<NeedView>) => {
    setProblem(null);
    setBusy(true);
    try {
      need.setData(await run());
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  /** What stops "done": no photo, or minutes the contract refuses (NeedsDoneInput.helpers), in the reader's words. */
  const doneProblems = (helpers: Array<{ userId: string; minutes: number }>) => {
    const found = schemaFieldErrors(NeedsDoneInput.shape.helpers, helpers, () => 'minutes' as const, (issue) => issueMessage(t, issue, helpers));
    return { ...(photo ? {} : { photo: t('needs.detail.done.problems.photo') }), ...found };
  };
  const thankInput = (needId: string) => ({ needId, rating: Number(rating), ...(words.trim() ? { words } : {}) });
  const thankProblems = (needId: string) => {
    const input = thankInput(needId);
    return schemaFieldErrors(NeedsThankInput, input, (path) => (path === 'rating' || path === 'words' ? path : null), (issue) => issueMessage(t, issue, input));
  };

  const render = (n: NeedView) => {
    const can = (ability: string) => n.abilities.includes(ability);
    const ledGroups = (mine.data?.groups ?? []).filter((g) => g.communityId === n.communityId && (g.myMembership?.role === 'leader' || g.myMembership?.role === 'co_leader'));
    const me = account.me?.account.id ?? '';
    return (
      <>
        <View className={`linli-card need-detail__card need-detail__card--${n.state}`}>
          <View className='need-detail__head'>
            <Tag type='primary' plain>
              {t(`needs.categories.${n.category}`)}
            </Tag>
            <Text className='need-detail__state'>{t(`needs.states.${n.state}`)}</Text>
          </View>
          <Text className='need-detail__what'>{n.what}</Text>
          <Text className='need-detail__meta'>{t('needs.board.when', { when: needWhenText(t, n) })}</Text>
          <Text className='need-detail__meta'>{t('needs.board.by', { name: n.residentName })}</Text>
          <Text className='need-detail__meta need-detail__place'>
            {t('needs.detail.line', { label: t('needs.detail.place'), value: n.place ?? t('needs.detail.hidden') })}
          </Text>
          <Text className='need-detail__meta need-detail__phone'>
            {t('needs.detail.line', { label: t('needs.detail.phone'), value: n.phone ?? t('needs.detail.hidden') })}
          </Text>
          {n.addressedTo ? <Text className='need-detail__meta need-detail__addressed'>{t('needs.board.addressedTo', { name: n.addressedTo.name })}</Text> : null}
          {n.claimer ? <Text className='need-detail__meta need-detail__claimer'>{t('needs.board.claimer', { name: n.claimer.name })}</Text> : null}
          {n.helpers.length > 0 ? (
            <Text className='need-detail__meta'>
              {t('needs.detail.line', { label: t('needs.detail.helpers'), value: n.helpers.map((h) => `${h.name} ${t('needs.detail.minutes', { minutes: h.minutes })}`).join(' · ') })}
            </Text>
          ) : null}
          {n.photo ? <Image className='need-detail__photo' src={n.photo} mode='aspectFill' ariaLabel={t('needs.detail.done.photo')} nativeProps={{ alt: t('needs.detail.done.photo') }} /> : null}
          {n.rating !== null ? <Text className='need-detail__meta need-detail__rating'>{t('needs.detail.rating', { rating: n.rating })}</Text> : null}
          {n.thanks ? <Text className='need-detail__thanks'>{n.thanks}</Text> : null}
        </View>

        <View className='need-detail__actions'>
          {can('needs.claim') ? (
            <>
              <Button className='need-detail__claim' type='primary' size='large' block loading={busy} onClick={() => claim(n.id)}>
                {t('needs.detail.actions.claim')}
              </Button>
              {/* The groups she leads (to take it on for one) could not be fetched: say so, with a retry. */}
              {mine.error ? <ErrorState message={mine.error} onRetry={() => void mine.reload()} /> : null}
              {ledGroups.map((g) => (
                <Button key={g.id} className='need-detail__claim-group' fill='outline' size='large' block disabled={busy} onClick={() => claim(n.id, g.id)}>
                  {t('needs.detail.actions.claimForGroup', { group: g.name })}
                </Button>
              ))}
            </>
          ) : null}
          {can('needs.declineAddressed') ? (
            <Button
              className='need-detail__decline-addressed'
              fill='outline'
              size='large'
              block
              disabled={busy}
              onClick={() =>
                void Taro.showModal({ content: t('needs.detail.confirmDeclineAddressed') })
                  .then((answer) => (answer.confirm ? act(() => call('needs.declineAddressed', { needId: n.id })) : undefined))
                  .catch(() => undefined)
              }
            >
              {t('needs.detail.actions.declineAddressed')}
            </Button>
          ) : null}
          {can('needs.confirm') ? (
            <>
              <Button className='need-detail__accept' type='primary' size='large' block loading={busy} onClick={() => void act(() => call('needs.confirm', { needId: n.id, accept: true }))}>
                {t('needs.detail.actions.accept')}
              </Button>
              <Button className='need-detail__decline' fill='outline' size='large' block disabled={busy} onClick={() => void act(() => call('needs.confirm', { needId: n.id, accept: false }))}>
                {t('needs.detail.actions.decline')}
              </Button>
            </>
          ) : null}
          {can('needs.done') ? (
            <View className='linli-card need-detail__form need-detail__done'>
              <FormField name='photo' label={t('needs.detail.done.photo')} required error={doneForm.errors.photo}>
                <PhotoPick value={photo} onChange={(picked) => (setPhoto(picked), doneForm.clear('photo'))} disabled={busy} />
              </FormField>
              <FormField name='minutes' label={t('needs.detail.done.minutes')} required error={doneForm.errors.minutes} hint={n.claimer?.kind === 'group' ? t('needs.detail.done.helpersHint') : undefined}>
                {n.claimer?.kind === 'group' && members.error ? (
                  <ErrorState message={members.error} onRetry={() => void members.reload()} />
                ) : n.claimer?.kind === 'group' && !members.data ? (
                  <LoadingState cards={1} />
                ) : (
                  <HelperMinutes
                    helpers={n.claimer?.kind === 'group' ? (members.data?.items ?? []).map((m) => ({ userId: m.userId, name: m.nickname })) : [{ userId: me, name: account.me?.account.nickname ?? '' }]}
                    minutes={{ [me]: '60', ...minutes }}
                    onChange={(userId, value) => (setMinutes((current) => ({ ...current, [userId]: value })), doneForm.clear('minutes'))}
                  />
                )}
              </FormField>
              <SubmitBar
                label={t('needs.detail.done.submit')}
                busy={busy}
                buttonClassName='need-detail__done-submit'
                problems={doneForm.problems}
                labels={{ photo: t('needs.detail.done.photo'), minutes: t('needs.detail.done.minutes') }}
                onSubmit={() => {
                  const helpers = helpersWithMinutes({ [me]: '60', ...minutes });
                  if (doneForm.refuse(doneProblems(helpers)) || !photo) return;
                  void act(async () => {
                    const fileId = await uploadedOnce(photo, 'evidence', setPhoto);
                    return call('needs.done', { needId: n.id, photo: fileId, helpers });
                  });
                }}
              />
            </View>
          ) : null}
          {can('needs.thank') ? (
            <View className='linli-card need-detail__form need-detail__thank'>
              <FormField name='rating' label={t('needs.detail.thank.rating')} required error={thankForm.errors.rating}>
                <ChoiceChips<Rating>
                  options={RATINGS.map((r) => ({ value: r, label: '★'.repeat(Number(r)), ariaLabel: t('needs.detail.rating', { rating: Number(r) }) }))}
                  value={rating}
                  onChange={(v) => (setRating(v), thankForm.clear('rating'))}
                />
              </FormField>
              <LongTextField name='words' label={t('needs.detail.thank.words')} error={thankForm.errors.words} value={words} limit={WORDS_LIMIT} onChange={(v) => (setWords(v), thankForm.clear('words'))} />
              <SubmitBar
                label={t('needs.detail.thank.submit')}
                busy={busy}
                buttonClassName='need-detail__thank-submit'
                problems={thankForm.problems}
                labels={{ rating: t('needs.detail.thank.rating'), words: t('needs.detail.thank.words') }}
                onSubmit={() => {
                  if (thankForm.refuse(thankProblems(n.id))) return;
                  void act(() => call('needs.thank', thankInput(n.id)));
                }}
              />
            </View>
          ) : null}
          {can('needs.withdraw') ? (
            <Button
              className='need-detail__withdraw'
              fill='none'
              size='large'
              block
              disabled={busy}
              onClick={() =>
                void Taro.showModal({ content: t('needs.detail.confirmWithdraw') })
                  .then((answer) => (answer.confirm ? act(() => call('needs.withdraw', { needId: n.id })) : undefined))
                  .catch(() => undefined)
              }
            >
              {t('needs.detail.actions.withdraw')}
            </Button>
          ) : null}
          {problem ? (
            <View className='need-detail__problem' role='alert'>
              {problem}
            </View>
          ) : null}
          <SubscribeNote outcome={subscription.outcome} />
        </View>
      </>
    );
  };

  return (
    <PageRoot titleKey='needs.titles.detail' className='need-detail' busy={need.loading}>
      <View className='linli-section'>
        {need.loading && !need.data ? <LoadingState cards={1} /> : need.error || !need.data ? <ErrorState message={need.error ?? ''} onRetry={() => void need.reload()} /> : render(need.data)}
      </View>
    </PageRoot>
  );
}
