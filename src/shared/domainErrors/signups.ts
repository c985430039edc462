/** Refusals of the signups function (signing up, cancelling, seat offers, approvals, check-in). */
import { signupsZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const signupErrors = /* @__PURE__ */ defineErrors('signups', signupsZhCN, {
  blockedForNoShows: { code: 'SIGNUP_CLOSED', params: ['count', 'until'] },
  missingSkills: { code: 'FORBIDDEN', params: ['skills'] },
  birthYearNeeded: { code: 'INVALID_INPUT', field: { path: 'birthYear' } },
  tooYoung: { code: 'FORBIDDEN', params: ['minAge'] },
  guardianConsentRequired: { code: 'INVALID_INPUT', field: { path: 'guardianConsent' } },
  adultsOnly: { code: 'INVALID_INPUT', field: { path: 'guardianConsent' } },
  notOpenYet: { code: 'SIGNUP_CLOSED' },
  closed: { code: 'SIGNUP_CLOSED' },
  noProxyFor: { code: 'NOT_FOUND' },
  stateChanged: { code: 'CONFLICT' },
  alreadyNoShow: { code: 'CONFLICT' },
  alreadySignedUp: { code: 'CONFLICT' },
  stillSettling: { code: 'CONFLICT' },
  notFound: { code: 'NOT_FOUND' },
  alreadyCancelled: { code: 'CONFLICT' },
  endedCannotCancel: { code: 'CONFLICT' },
  noSeatOffer: { code: 'CONFLICT' },
  seatOfferExpired: { code: 'CONFLICT' },
  residentHasNoSignup: { code: 'NOT_FOUND' },
  endedCannotRemove: { code: 'CONFLICT' },
  noPendingApproval: { code: 'NOT_FOUND' },
  residentNotConfirmed: { code: 'NOT_FOUND' },
  checkInTooEarly: { code: 'CONFLICT' },
  checkedInCannotBeAbsent: { code: 'CONFLICT' },
  notCheckedIn: { code: 'CONFLICT' },
  checkInCodeInvalid: { code: 'INVALID_INPUT', field: { path: 'code' } },
  outsideCheckInTime: { code: 'CONFLICT' },
  noConfirmedSignup: { code: 'NOT_FOUND' },
});
