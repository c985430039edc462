// long-file: the activity page is one screen with every sign-up state's action and its questions (guardian consent, birth year); what stands alone is in ./ProxySignup, ./SignupStatus and ./BirthYearPrompt.
import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { Copy, Share, Tips } from '@nutui/icons-react-taro';
import type { ActivityDetail } from '../../shared/schemas/activities';
import type { SignupOutput } from '../../shared/schemas/signups';
import type { MessageKey, Translate } from '../../locales';
import { call, ClientError } from '../../services/cloud';
import { shareImageOf } from '../../utils/share';
import { PageRoot } from '../../components/PageRoot';
import { ActivityMap } from '../../components/ActivityMap';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ReportLink } from '../../components/ReportLink';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useReloadOnActivityChange } from '../../hooks/useReloadOnActivityChange';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { useNow } from '../../hooks/useNow';
import { activitiesChanged } from '../../stores/events';
import { hasEnded, seatsHeld, seatsText, volunteerText } from '../../utils/activityText';
import { formatDateTime, formatRange, hoursBetween } from '../../utils/chinaTime';
import { activityPath, cancelActivityPath, checkinPath, codePath, editActivityPath, rosterPath } from '../../utils/eventRoutes';
import { confirmHoursPath, volunteerRoutes } from '../../utils/volunteerRoutes';
import { groupPath } from '../../utils/routes';
import { requestSubscriptions } from '../../utils/subscribe';
import { actionsFor, leaderTools, type CancelKind, type PrimaryAction } from './actions';
import { BirthYearPrompt } from './BirthYearPrompt';
import { ProxySignup } from './ProxySignup';
import { SignupStatus } from './SignupStatus';
import './index.scss';
import { colors } from '../../styles/colors';
import { pageIdOf, posterPath } from '../../utils/posterScene';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

// `keep` is the dismiss button: the confirm is itself a cancellation, so the dismiss says what
// stays ("keep my place"), never a second "cancel".
const CANCEL_TEXT: Record<CancelKind, { button: MessageKey; title: MessageKey; message: MessageKey; done: MessageKey; keep: MessageKey }> = {
  signup: { button: 'events.detail.cancelSignup', title: 'events.detail.cancelSignupTitle', message: 'events.detail.cancelSignupMessage', done: 'events.detail.cancelledToast', keep: 'events.detail.keepSignup' },
  waitlist: { button: 'events.detail.leaveWaitlist', title: 'events.detail.leaveWaitlistTitle', message: 'events.detail.leaveWaitlistMessage', done: 'events.detail.leftWaitlistToast', keep: 'events.detail.stayOnWaitlist' },
  offer: { button: 'events.detail.declineOffer', title: 'events.detail.declineOfferTitle', message: 'events.detail.declineOfferMessage', done: 'events.detail.declinedToast', keep: 'events.detail.keepOffer' },
  request: { button: 'events.detail.withdrawRequest', title: 'events.detail.withdrawRequestTitle', message: 'events.detail.withdrawRequestMessage', done: 'events.detail.withdrawnToast', keep: 'events.detail.keepRequest' },
};

/** The toast after my own sign-up, by where it landed. */
function signedUpText(t: Translate, result: SignupOutput): string {
  const signup = result.mySignup;
  if (signup?.status === 'waitlisted') return t('events.detail.waitlistedToast', { position: signup.waitlistPosition ?? 1 });
  if (signup?.status === 'pending_approval') return t('events.detail.pendingToast');
  return t('events.detail.signedUpToast');
}

/**
 * The activity page (?id=): everything about it, the place, seats and waitlist, my sign-up and
 * the one thing I can do next (sign up, join the waitlist, confirm an offered seat, check in),
 * cancelling with a warning after the cutoff, sign-up for someone who authorised me, sharing,
 * and the leader's tools when the server grants them.
 */
export default function ActivityPage() {
  const { t } = useI18n();
  // Opened from a link (id) or by scanning a poster's mini-program code (scene).
  const activityId = pageIdOf(useRouter().params);
  useAccount();
  const detail = useAsync(() => call('activities.get', { activityId }), [activityId], { enabled: activityId !== '' });
  const activity = detail.data;
  const [busy, setBusy] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  // A minor's sign-up waits for the guardian's consent to this activity (asked by the server).
  const [askingGuardian, setAskingGuardian] = useState<{ waitlist: boolean } | null>(null);
  const [askingBirthYear, setAskingBirthYear] = useState<{ waitlist: boolean } | null>(null); // an age rule needs her birth year
  // Re-decide the buttons each minute: the sign-up window, cutoff and check-in window move with time.
  const now = useNow(60_000);

  const reload = useCallback(() => {
    void detail.reload();
  }, [detail.reload]);

  useReloadOnActivityChange(reload);
  usePullDownRefresh(() => {
    void detail.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  useShareAppMessage(() => ({
    title: activity ? t('events.detail.shareTitle', { title: activity.title, time: formatDateTime(t, activity.startAt) }) : t('share.defaultTitle'),
    path: activityPath(activityId),
    imageUrl: shareImageOf(activity?.coverImage),
  }));

  /** Shows a sign-up answer on the page without another round trip. */
  const applyResult = (current: ActivityDetail, result: SignupOutput) => {
    detail.setData({ ...current, mySignup: result.mySignup, seatsLeft: result.seatsLeft, seatsOnOffer: result.seatsOnOffer, waitlistLength: result.waitlistLength });
    activitiesChanged();
  };

  const run = async (
    current: ActivityDetail,
    action: () => Promise<SignupOutput>,
    done: (result: SignupOutput) => string,
    needsGuardian?: (error: unknown) => boolean,
  ) => {
    setBusy(true);
    try {
      const result = await action();
      applyResult(current, result);
      Taro.showToast({ title: done(result), icon: 'none', duration: 2500 }).catch(() => undefined);
    } catch (error) {
      if (needsGuardian?.(error)) return;
      // The page may be stale (seats taken, offer expired): say why and show it as it is now.
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
      void detail.reload();
    } finally {
      setBusy(false);
    }
  };

  const copyLink = () => {
    const url = process.env.TARO_ENV === 'h5' ? window.location.href : activityPath(activityId);
    Taro.setClipboardData({ data: url })
      .then(() => Taro.showToast({ title: t('common.copied'), icon: 'none' }))
      .catch(() => undefined);
  };

  if (!activityId) {
    return (
      <PageRoot titleKey='events.titles.activity'>
        <EmptyState title={t('events.detail.missingId')} />
      </PageRoot>
    );
  }
  if (detail.loading && !activity) {
    return (
      <PageRoot titleKey='events.titles.activity'>
        <LoadingState cards={3} />
      </PageRoot>
    );
  }
  if (detail.error || !activity) {
    return (
      <PageRoot titleKey='events.titles.activity'>
        <ErrorState message={detail.error ?? ''} code={detail.errorCode} goneTitle={t('events.detail.gone')} onRetry={reload} />
      </PageRoot>
    );
  }

  const { primary, cancel } = actionsFor(activity, now);
  const tools = leaderTools(activity);
  const hasTools = tools.edit || tools.roster || tools.code || tools.cancel;
  const volunteer = volunteerText(t, activity.volunteer);
  const cutoffHours = hoursBetween(activity.cancelCutoffAt, activity.startAt);
  const signupOpensLater = new Date(activity.signupOpenAt).getTime() > now;
  const ended = hasEnded(activity, now);
  // A seat offered to someone on the waitlist is hers until she answers: not one to sign up for.
  const held = ended ? 0 : seatsHeld(activity);

  const signUp = (current: ActivityDetail, waitlist: boolean, guardianConsent = false) => {
    setAskingBirthYear(null);
    // Before any await: WeChat shows the subscribe prompt only inside the tap.
    requestSubscriptions(waitlist ? ['reminder', 'offer'] : ['reminder']);
    void run(
      current,
      () => call('signups.create', { activityId: current.id, ...(guardianConsent ? { guardianConsent: true } : {}) }),
      (result) => signedUpText(t, result),
      (error) => {
        const blamed = (path: string) => error instanceof ClientError && error.issues.some((issue) => issue.path === path);
        const asked = !guardianConsent && blamed('guardianConsent');
        if (asked) setAskingGuardian({ waitlist });
        if (blamed('birthYear')) setAskingBirthYear({ waitlist });
        return asked || blamed('birthYear');
      },
    );
  };

  const onPrimary = (action: PrimaryAction) => {
    if (action.kind === 'signup') signUp(activity, action.waitlist);
    else if (action.kind === 'confirmOffer') void run(activity, () => call('signups.confirmOffer', { activityId: activity.id }), () => t('events.detail.offerConfirmedToast'));
    else if (action.kind === 'checkin') go(checkinPath(activity.id));
  };

  const cancelSignup = async () => {
    if (!cancel) return;
    await run(activity, () => call('signups.cancel', { activityId: activity.id }), () => t(CANCEL_TEXT[cancel.kind].done));
  };

  return (
    <PageRoot titleKey='events.titles.activity' className='activity' busy={detail.loading}>
      <View className='activity__hero'>
        <View className='activity__hero-card linli-card'>
          <View className='activity__tags'>
            <Tag background={colors.primarySoft} color={colors.primary}>
              {t(`events.categories.${activity.category}`)}
            </Tag>
            {activity.volunteer ? (
              <Tag background={colors.infoSoft} color={colors.info}>
                {t('events.detail.volunteerTag')}
              </Tag>
            ) : null}
            {activity.seriesId ? (
              <Tag plain color={colors.ink2}>
                {t('events.detail.seriesTag')}
              </Tag>
            ) : null}
          </View>
          <Text className='activity__title'>{activity.title}</Text>
          <View className='activity__byline'>
            <Text className='activity__group' onClick={() => go(groupPath(activity.groupId))}>
              {activity.groupName}
            </Text>
            {/* Organisers (who have the leader tools) manage it; residents may report it. */}
            {activity.status === 'published' && !hasTools ? <ReportLink className='activity__report' type='activity' id={activity.id} title={activity.title} /> : null}
          </View>
          {/* Once it has ended, seats left and the waitlist mean nothing: only its size stays. */}
          <View className='activity__seats'>
            {ended ? null : (
              <View className='activity__seat activity__seat--left'>
                <Text className='activity__seat-value'>{activity.seatsLeft}</Text>
                <Text className='activity__seat-label'>{t('events.detail.seatsLeft')}</Text>
              </View>
            )}
            <View className='activity__seat'>
              <Text className='activity__seat-value'>{activity.capacity}</Text>
              <Text className='activity__seat-label'>{t('events.detail.capacity')}</Text>
            </View>
            {ended ? null : (
              <View className='activity__seat'>
                <Text className='activity__seat-value'>{activity.waitlistLength}</Text>
                <Text className='activity__seat-label'>{t('events.detail.waitlist')}</Text>
              </View>
            )}
          </View>
          {held > 0 ? <Text className='activity__held'>{t('events.card.held', { count: held })}</Text> : null}
          {ended ? <Text className='activity__ended'>{t('events.card.ended')}</Text> : null}
        </View>
      </View>

      {activity.status === 'hidden' ? (
        <View className='activity__notice activity__notice--hidden' role='status'>
          <Tips size={20} color={colors.ink2} />
          <Text className='activity__notice-text'>{t('events.detail.hidden')}</Text>
        </View>
      ) : null}
      {activity.status === 'cancelled' ? (
        <View className='activity__notice activity__notice--cancelled' role='status'>
          <Tips size={20} color={colors.danger} />
          <Text className='activity__notice-text'>
            {activity.cancelReason ? t('events.detail.cancelledReason', { reason: activity.cancelReason }) : t('events.detail.cancelled')}
          </Text>
        </View>
      ) : null}

      {activity.mySignup ? (
        <View className='linli-section'>
          <SignupStatus activity={activity} signup={activity.mySignup} onOfferExpired={reload} />
        </View>
      ) : null}

      <View className='linli-section'>
        <CellGroup className='activity__facts'>
          <Cell className='activity__time' title={t('events.detail.time')} description={formatRange(t, activity.startAt, activity.endAt)} />
          <Cell className='activity__seats-fact' title={t('events.detail.seats')} description={seatsText(t, activity, now)} />
          <Cell
            title={t('events.detail.signupWindow')}
            description={
              signupOpensLater
                ? t('events.detail.signupFromTo', { from: formatDateTime(t, activity.signupOpenAt), to: formatDateTime(t, activity.signupCloseAt) })
                : t('events.detail.signupUntil', { to: formatDateTime(t, activity.signupCloseAt) })
            }
          />
          <Cell title={t('events.detail.cancelRule')} description={cutoffHours > 0 ? t('events.detail.cutoffRule', { hours: cutoffHours }) : t('events.detail.noCutoff')} />
          {volunteer ? (
            <Cell
              className='activity__volunteer'
              title={t('events.detail.volunteer')}
              description={volunteer}
              // A participant's hours from this activity show up on their hours page.
              extra={activity.mySignup ? t('volunteer.activityLink') : undefined}
              clickable={activity.mySignup !== null}
              onClick={() => activity.mySignup && go(volunteerRoutes.hours)}
            />
          ) : null}
          {activity.approvalRequired ? <Cell title={t('events.detail.approval')} description={t('events.detail.approvalHint')} /> : null}
          {activity.skills.length > 0 ? <Cell title={t('events.detail.skills')} description={activity.skills.join(t('events.detail.listSeparator'))} /> : null}
          {activity.minAge !== null ? <Cell title={t('events.detail.minAge')} description={t('events.detail.minAgeValue', { age: activity.minAge })} /> : null}
        </CellGroup>
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('events.detail.place')}</Text>
        <ActivityMap location={activity.location} />
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('events.detail.about')}</Text>
        <View className='linli-card activity__about'>
          <Text className='activity__description'>{activity.description}</Text>
        </View>
      </View>

      {askingBirthYear ? <BirthYearPrompt onSaved={() => signUp(activity, askingBirthYear.waitlist)} /> : null}
      {activity.status === 'published' && activity.abilities.includes('signups.create') ? <ProxySignup activity={activity} onSeats={(seats) => detail.setData({ ...activity, ...seats })} /> : null}

      {hasTools ? (
        <View className='linli-section activity__tools'>
          <Text className='linli-section__title'>{t('events.detail.leaderTools')}</Text>
          <CellGroup>
            {tools.code ? <Cell className='activity__tool-code' title={t('events.detail.toolCode')} clickable onClick={() => go(codePath(activity.id))} /> : null}
            {tools.roster ? <Cell className='activity__tool-roster' title={t('events.detail.toolRoster')} clickable onClick={() => go(rosterPath(activity.id))} /> : null}
            {tools.roster && activity.volunteer ? (
              <Cell className='activity__tool-hours' title={t('volunteer.rosterConfirm')} clickable onClick={() => go(confirmHoursPath(activity.id))} />
            ) : null}
            {tools.edit ? <Cell className='activity__tool-edit' title={t('events.detail.toolEdit')} clickable onClick={() => go(editActivityPath(activity.id))} /> : null}
            {tools.edit ? <Cell className='activity__tool-poster' title={t('poster.make')} clickable onClick={() => go(posterPath('activity', activity.id))} /> : null}
            {tools.cancel ? <Cell className='activity__tool-cancel' title={t('events.detail.toolCancel')} clickable onClick={() => go(cancelActivityPath(activity.id))} /> : null}
          </CellGroup>
        </View>
      ) : null}

      <View className='activity__bar'>
        {process.env.TARO_ENV === 'weapp' ? (
          <NativeButton className='activity__share' openType='share'>
            <Share size={18} color={colors.ink2} />
            <Text>{t('events.detail.share')}</Text>
          </NativeButton>
        ) : (
          <View className='activity__share' role='button' onClick={copyLink}>
            <Copy size={18} color={colors.ink2} />
            <Text>{t('events.detail.copyLink')}</Text>
          </View>
        )}
        {cancel ? (
          <Button className='activity__cancel' fill='outline' size='large' disabled={busy} onClick={() => setConfirmingCancel(true)}>
            {t(CANCEL_TEXT[cancel.kind].button)}
          </Button>
        ) : null}
        {primary ? <PrimaryButton action={primary} busy={busy} onPress={onPrimary} /> : null}
      </View>

      <ConfirmDialog
        visible={confirmingCancel && cancel !== null}
        title={cancel ? t(cancel.late ? 'events.detail.lateTitle' : CANCEL_TEXT[cancel.kind].title) : ''}
        message={cancel ? (cancel.late ? t('events.detail.lateWarning', { hours: cutoffHours }) : t(CANCEL_TEXT[cancel.kind].message, { title: activity.title })) : ''}
        confirmText={cancel ? t(cancel.late ? 'events.detail.lateConfirm' : CANCEL_TEXT[cancel.kind].button) : undefined}
        cancelText={cancel ? t(CANCEL_TEXT[cancel.kind].keep) : undefined}
        onConfirm={cancelSignup}
        onClose={() => setConfirmingCancel(false)}
      />
      <ConfirmDialog
        className='activity__guardian'
        visible={askingGuardian !== null}
        title={t('events.detail.guardianTitle')}
        message={t('events.detail.guardianMessage', { title: activity.title })}
        confirmText={t('events.detail.guardianConfirm')}
        cancelText={t('events.detail.guardianDismiss')}
        onConfirm={async () => {
          const waitlist = askingGuardian?.waitlist ?? false;
          setAskingGuardian(null);
          signUp(activity, waitlist, true);
        }}
        onClose={() => setAskingGuardian(null)}
      />
    </PageRoot>
  );
}

interface PrimaryButtonProps {
  action: PrimaryAction;
  busy: boolean;
  onPress: (action: PrimaryAction) => void;
}

const PRIMARY_TEXT: Record<PrimaryAction['kind'], MessageKey> = {
  signup: 'events.detail.signUp',
  confirmOffer: 'events.detail.confirmOffer',
  checkin: 'events.detail.checkIn',
  notOpen: 'events.detail.notOpen',
  closed: 'events.detail.closed',
};

/** The main button: its words follow the action (join the waitlist, apply, check out …). */
function PrimaryButton({ action, busy, onPress }: PrimaryButtonProps) {
  const { t } = useI18n();
  let text = t(PRIMARY_TEXT[action.kind]);
  if (action.kind === 'signup' && action.approval) text = t(action.waitlist ? 'events.detail.applyWaitlist' : 'events.detail.apply');
  else if (action.kind === 'signup' && action.waitlist) text = t('events.detail.joinWaitlist');
  else if (action.kind === 'checkin' && action.direction === 'out') text = t('events.detail.checkOut');
  else if (action.kind === 'notOpen') text = t('events.detail.opensAt', { time: formatDateTime(t, action.opensAt) });
  const disabled = action.kind === 'notOpen' || action.kind === 'closed';
  return (
    <Button
      className={`activity__action activity__action--${action.kind}`}
      type='primary'
      size='large'
      loading={busy}
      disabled={disabled || busy}
      onClick={() => onPress(action)}
    >
      {text}
    </Button>
  );
}
