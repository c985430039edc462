/** English twin of errors.volunteer.zh-CN.ts. */
import type * as zh from './errors.volunteer.zh-CN';

export const hoursEn: typeof zh.hoursZhCN = {
  record_not_found: 'This record does not exist.',
  not_volunteer_activity: 'This is not a volunteer activity, so no service hours are recorded.',
  own_organizations_only: 'You can only report service for organizations you belong to.',
  service_date_after_today: 'The service date cannot be later than today.',
  service_date_too_old: 'Only service within the last {days} days can be reported.',
  cannot_review_own: 'You cannot review your own service hours.',
  report_handled: 'This report has already been handled.',
  only_confirmed_correctable: 'Only confirmed records can be corrected.',
  correct_newer_record: 'This record was corrected already. Please correct the new record.',
  same_minutes: 'The corrected time is the same as the original.',
  correction_pending: 'This record already has a correction waiting for review.',
  correction_handled: 'This correction has already been handled.',
  already_corrected: 'This record has already been corrected.',
};
export const storeEn: typeof zh.storeZhCN = {
  item_not_found: 'This item does not exist or was taken down.',
  pickup_code_busy: 'Please try again shortly.',
  residents_only: "Only this community's residents can redeem this item.",
  out_of_stock: 'This item has run out.',
  per_person_limit: 'Each person can redeem at most {limit} of this item.',
  pickup_code_wrong: 'This pickup code is not correct.',
  pickup_code_used: 'This pickup code has already been collected.',
  redemption_cancelled: 'This redemption was cancelled.',
  redemption_not_found: 'This redemption does not exist.',
  only_uncollected_cancellable: 'Only redemptions not yet collected can be cancelled.',
};
export const creditsEn: typeof zh.creditsZhCN = {
  time_bank_closed: 'Your community has no time bank, so credits cannot be given.',
  cannot_transfer_to_self: 'You cannot give credits to yourself.',
  insufficient: 'Not enough credits.',
};
export const proofsEn: typeof zh.proofsZhCN = {
  not_found: 'This proof request does not exist.',
  end_after_today: 'The end date cannot be later than today.',
  no_confirmed_service: 'There is no confirmed service with this organization in this period.',
  already_handled: 'This proof has already been handled.',
  volunteer_closed: 'The volunteer has closed their registration, so no proof can be issued.',
  not_issued: 'This proof has not been issued yet.',
  download_unavailable: 'The file cannot be downloaded right now. Please try again later.',
  render_failed: 'The file could not be created.',
};
export const rollcallsEn: typeof zh.rollcallsZhCN = {
  not_found: 'This call-out does not exist or is over.',
  closed: 'This call-out is over.',
  meet_in_past: 'The meeting time cannot be in the past.',
  meet_too_far_ahead: 'The meeting time must be within the next 30 days.',
};

/** The part's groups by function, as registered: errors.<function>.<case>. */
const refusals: typeof zh.default = { hours: hoursEn, store: storeEn, credits: creditsEn, proofs: proofsEn, rollcalls: rollcallsEn };

export default refusals;
