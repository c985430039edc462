/** Refusals of the needs function (the needs board and the time-bank offer board). */
import { needsZhCN } from '../../locales/errors.needs.zh-CN';
import { defineErrors } from './defineErrors';

export const needErrors = /* @__PURE__ */ defineErrors('needs', needsZhCN, {
  notFound: { code: 'NOT_FOUND' },
  noHomeCommunity: { code: 'INVALID_INPUT', field: { path: 'communityId', prefix: '' } },
  residentNotFound: { code: 'NOT_FOUND' },
  notActingFor: { code: 'FORBIDDEN' },
  whenInPast: { code: 'INVALID_INPUT', field: { path: 'whenFrom' } },
  whenTooFar: { code: 'INVALID_INPUT', params: ['days'], field: { path: 'whenFrom' } },
  notClaimable: { code: 'CONFLICT' },
  groupCannotClaim: { code: 'FORBIDDEN', field: { path: 'groupId', prefix: '' } },
  volunteerOnly: { code: 'FORBIDDEN' },
  ownNeed: { code: 'FORBIDDEN' },
  stateChanged: { code: 'CONFLICT' },
  helperNotEligible: { code: 'INVALID_INPUT', field: { path: 'helpers', prefix: '' } },
  volunteerHelpsAlone: { code: 'INVALID_INPUT', field: { path: 'helpers', prefix: '' } },
  photoNotUploaded: { code: 'INVALID_INPUT', field: { path: 'photo', prefix: '' } },
  timeBankOff: { code: 'NOT_FOUND' },
  offerNotFound: { code: 'NOT_FOUND' },
  offerWithdrawn: { code: 'CONFLICT' },
  offerOtherCommunity: { code: 'INVALID_INPUT', field: { path: 'offerId', prefix: '' } },
  ownOffer: { code: 'INVALID_INPUT', field: { path: 'offerId', prefix: '' } },
  notAddressedToYou: { code: 'CONFLICT' },
});
