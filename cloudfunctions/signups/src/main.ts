/** Cloud function `signups`: signing up, waitlist offers, rosters, check-in and proxy consent. */
import { mySignups } from '../../_core/commands/signups/mine';
import { acceptProxyCode } from '../../_core/commands/signups/proxyAccept';
import { endProxy } from '../../_core/commands/signups/proxyEnd';
import { listProxies } from '../../_core/commands/signups/proxyList';
import { requestProxyCode } from '../../_core/commands/signups/proxyRequest';
import { addWitnessedProxy } from '../../_core/commands/signups/proxyAddConsent';
import { claimAccount, issueClaimCode } from '../../_core/commands/signups/proxyClaim';
import { consentHistory } from '../../_core/commands/signups/proxyHistory';
import { proxyRecords } from '../../_core/commands/signups/proxyRecords';
import { createResidentWithoutAccount } from '../../_core/commands/signups/proxyResident';
import { withdrawConsent } from '../../_core/commands/signups/proxyWithdraw';
import { cancelSignup } from '../../_core/commands/signups/cancel';
import { showCheckinCode } from '../../_core/commands/signups/checkinCode';
import { scanCheckin } from '../../_core/commands/signups/checkinScan';
import type { SignupOutcome } from '../../_core/commands/signups/claims';
import { confirmOffer } from '../../_core/commands/signups/confirmOffer';
import { createSignup, keptSignupResult } from '../../_core/commands/signups/create';
import { decideSignup } from '../../_core/commands/signups/decide';
import { startWaitlistHeadStart, WaitlistHeadStart } from '../../_core/commands/signups/headStart';
import { markSignup } from '../../_core/commands/signups/mark';
import { removeSignup } from '../../_core/commands/signups/remove';
import { signupResult } from '../../_core/commands/signups/result';
import { roster } from '../../_core/commands/signups/roster';
import { exportRoster } from '../../_core/commands/signups/rosterExport';
import { presentRosterEntry, presentSignupOutcome } from '../../_core/presenters/signups';
import { findActivity } from '../../_core/repositories/activities';
import { findUser } from '../../_core/repositories/users';
import { createHandler } from '../../_core/pipeline/createHandler';
import { signupsActions } from '../../../src/shared/api/signups';
import type { SignupDoc } from '../../_core/repositories/signups';

async function rosterChange(signup: SignupDoc, now: Date) {
  const activity = await findActivity(signup.activityId);
  const ids = [signup.userId, ...(signup.proxy ? [signup.proxy.userId] : [])];
  const users = new Map((await Promise.all(ids.map((id) => findUser(id)))).flatMap((u) => (u ? [[u._id, u] as const] : [])));
  return { entry: presentRosterEntry(signup, users, activity!, now) };
}


export const main = createHandler({
  fn: 'signups',
  contract: signupsActions,
  actions: {
    'signups.create': async ({ actor, input, now, request, headStart }) => {
      // The answer comes from the sign-up's own writes; only an approval request reads again. A
      // newcomer queued behind others keeps it on her sign-up (commands/signups/create.ts, SignupRequest).
      const keep = request && { key: request.key, inputHash: request.inputHash, answerOf: (outcome: SignupOutcome) => request.envelopeOf(presentSignupOutcome(outcome)), kept: request.kept };
      const outcome = await createSignup(actor, input, now, keep, headStart instanceof WaitlistHeadStart ? headStart : undefined);
      return outcome.signup.status === 'pending_approval' ? signupResult(actor, input.activityId, input.forUserId) : presentSignupOutcome(outcome);
    },
    'signups.cancel': async ({ actor, input, now }) => {
      await cancelSignup(actor, input.activityId, input.forUserId, now);
      return signupResult(actor, input.activityId, input.forUserId);
    },
    'signups.confirmOffer': async ({ actor, input, now }) => {
      await confirmOffer(actor, input.activityId, now, input.forUserId);
      return signupResult(actor, input.activityId, input.forUserId);
    },
    'signups.mine': async ({ actor, input, now }) => mySignups(actor, input.scope, input.offset, input.limit, now),
    'signups.roster': async ({ actor, input, now }) => roster(actor, input, now),
    'signups.rosterExport': async ({ actor, input, now }) => exportRoster(actor, input.activityId, now),
    'signups.remove': async ({ actor, input, now }) => rosterChange(await removeSignup(actor, input.activityId, input.userId, input.reason, now), now),
    'signups.decide': async ({ actor, input, now }) => rosterChange(await decideSignup(actor, input.activityId, input.userId, input.decision, now), now),
    'signups.mark': async ({ actor, input, now }) => rosterChange(await markSignup(actor, input.activityId, input.userId, input.mark, now), now),
    'checkin.code': async ({ actor, input, now }) => showCheckinCode(actor, input.activityId, now),
    'checkin.scan': async ({ actor, input, now }) => {
      await scanCheckin(actor, input.activityId, input.code, input.direction, now, input.forUserId);
      return signupResult(actor, input.activityId, input.forUserId);
    },
    'proxies.request': async ({ actor, input, now }) => requestProxyCode(actor, input.relation, now),
    'proxies.accept': async ({ actor, input, now }) => acceptProxyCode(actor, input.code, now),
    'proxies.end': async ({ actor, input, now }) => endProxy(actor, input.userId, now),
    'proxies.list': async ({ actor }) => listProxies(actor),
    'proxies.createResident': async ({ actor, input, requestId, now }) => createResidentWithoutAccount(actor, input, requestId!, now),
    'proxies.addConsent': async ({ actor, input, requestId, now }) => addWitnessedProxy(actor, input, requestId!, now),
    'proxies.claimCode': async ({ actor, input, now }) => issueClaimCode(actor, input.residentUserId, now),
    'proxies.claim': async ({ actor, input, now }) => claimAccount(actor, input.code, now),
    'proxies.withdraw': async ({ actor, input, requestId, now }) => withdrawConsent(actor, input, `${actor.userId}-${requestId!}`, now),
    'proxies.records': async ({ actor, input }) => proxyRecords(actor, input.residentUserId, input.offset, input.limit),
    'proxies.history': async ({ actor, input }) => consentHistory(actor, input.residentUserId),
  },
  keptResults: {
    'signups.create': ({ userId, input, key }) => keptSignupResult(userId, input, key),
  },
  headStarts: {
    'signups.create': ({ userId, input }) => startWaitlistHeadStart(userId, input),
  },
});
