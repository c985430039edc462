/** English twin of errors.needs.zh-CN.ts. */
import type * as zh from './errors.needs.zh-CN';

export const needsEn: typeof zh.needsZhCN = {
  not_found: 'This need does not exist.',
  no_home_community: 'Please choose your community in "Me" first.',
  resident_not_found: 'The resident you are posting for was not found.',
  not_acting_for: 'You are not authorised to post needs for this resident.',
  when_in_past: 'The date cannot be earlier than today.',
  when_too_far: 'Needs can only be posted for the next {days} days.',
  not_claimable: 'This need has already been taken on or has ended.',
  group_cannot_claim: 'Only a leader of a group of this community can take a need on for it.',
  volunteer_only: 'Register as a volunteer first to take a need on yourself.',
  own_need: 'You cannot take on your own need.',
  state_changed: 'The need has changed. Please refresh and try again.',
  helper_not_eligible: 'Helpers must be registered volunteers of the group that took the need on.',
  volunteer_helps_alone: 'When you took the need on yourself, you are the only helper.',
  photo_not_uploaded: 'Please upload a photo of the service.',
  time_bank_off: 'This community has no time bank.',
  offer_not_found: 'This offer does not exist.',
  offer_withdrawn: 'This offer was withdrawn. Please ask another neighbour or post the need on the board.',
  offer_other_community: 'You can only ask a neighbour of your own community.',
  own_offer: 'You cannot ask yourself for help.',
  not_addressed_to_you: 'This need is no longer addressed to you (taken on, withdrawn, or moved to the public board).',
};

/** The part's groups by function, as registered: errors.<function>.<case>. */
const refusals: typeof zh.default = { needs: needsEn };

export default refusals;
