/** English twin of errors.zh-CN.ts (the refusals' texts, keyed by reason). */
import type * as zh from './errors.zh-CN';

export const accountEn: typeof zh.accountZhCN = {
  home_community_required: 'Please choose a community or village.',
};
export const activitiesEn: typeof zh.activitiesZhCN = {
  not_found: 'This activity does not exist or was removed.',
  start_in_past: 'The start time must be in the future.',
  capacity_below_signups: '{total} people have signed up, so there must be at least {total} places.',
  capacity_just_changed: 'Sign-ups just changed: there must be at least {least} places. Please refresh and try again.',
  already_cancelled: 'This activity has been cancelled.',
  poster_id_too_long: 'The number is too long for a mini-program code.',
};
export const consoleEn: typeof zh.consoleZhCN = {
  region_out_of_scope: 'This region does not exist or is outside your area.',
  export_not_found: 'This export does not exist.',
};
export const contentEn: typeof zh.contentZhCN = {
  rejected: 'This text contains content that cannot be published.',
  needs_rewording: 'This text may be unfriendly or look like an advert. Please change it and submit again.',
};
export const creditsEn: typeof zh.creditsZhCN = {
  time_bank_closed: 'Your community has no time bank, so credits cannot be given.',
  cannot_transfer_to_self: 'You cannot give credits to yourself.',
  insufficient: 'Not enough credits.',
};
export const groupsEn: typeof zh.groupsZhCN = {
  not_found: 'This group does not exist or was dissolved.',
  organization_not_found: 'This organization does not exist.',
  application_changed: 'The application changed meanwhile. Please refresh and try again.',
  applicant_missing: 'This application has no applicant, so it cannot be approved.',
  already_member: 'You are already a member of this group.',
  application_pending: "You have applied already. Please wait for the leader's review.",
  removed_cannot_rejoin: 'You were removed from this group and cannot join again.',
  invite_only: 'This group is invitation only.',
  not_joinable: 'This group is not taking new members right now.',
  not_member: 'You are not a member of this group.',
  leader_must_hand_over: 'As leader, please hand the leadership to another member before leaving.',
  street_unknown: 'This street does not exist.',
  registration_number_required: 'Please enter the registration certificate number.',
  filing_number_required: 'Please enter the filing number.',
  status_changed: 'The group changed meanwhile. Please refresh and try again.',
};
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
export const hubsEn: typeof zh.hubsZhCN = {
  hubs_cannot_join_hubs: 'Hub organizations cannot join each other.',
  same_street_only: 'Only groups of your own street (township) can be invited.',
  in_another_hub: 'This group has already joined another hub organization.',
  already_invited: 'This group has already been invited.',
  invite_not_found: 'This invitation does not exist.',
  invite_handled: 'This invitation has already been answered.',
  not_a_hub: 'This group is not a hub organization.',
};
export const membersEn: typeof zh.membersZhCN = {
  request_not_found: 'There is no such request to join.',
  cannot_remove_self: 'You cannot remove yourself. Please use "Leave group".',
  not_a_member: 'This person is not a member of the group.',
  cannot_remove_leader: 'The leader cannot be removed.',
  only_leader_removes_deputy: 'Only the leader can remove a deputy leader.',
  use_hand_over: 'To change the leader, please use "Hand over leadership".',
  already_leader: 'You are already the leader.',
  hand_over_to_members_only: 'Leadership can only be handed to a group member.',
  invite_link_invalid: 'This invitation link is invalid or has expired.',
};
export const moderationEn: typeof zh.moderationZhCN = {
  content_not_found: 'This content does not exist or was removed.',
  cannot_report_own: 'You cannot report what you posted yourself.',
  already_reported: 'You have already reported this. We will look at it soon.',
  case_not_found: 'This moderation record does not exist.',
  nothing_to_restore: 'This content is already shown, so there is nothing to restore.',
  no_pending_reports: 'There are no open reports about this content.',
  appeal_once: 'Each decision can be appealed only once.',
};
export const postsEn: typeof zh.postsZhCN = {
  not_found: 'This announcement does not exist or was removed.',
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
export const proxiesEn: typeof zh.proxiesZhCN = {
  code_invalid: 'The authorization code is wrong or has expired.',
  cannot_authorize_self: 'You cannot authorize yourself.',
  grant_not_found: 'There is no such sign-up authorization.',
  resident_not_found: 'This resident was not found.',
  community_out_of_scope: 'This community was not found, or you are not its staff or grid worker.',
  proxy_user_not_found: 'This proxy was not found. Ask them to open the mini-program once first.',
  proxy_needs_own_account: 'A proxy must have a WeChat account of their own.',
  claim_code_invalid: 'The claim code is wrong or has expired.',
  already_claimed: 'This WeChat account has already claimed a resident.',
  staff_cannot_claim: 'A staff account cannot claim a resident\'s account; use her own WeChat.',
  already_proxy: 'This person already acts for this resident.',
  has_own_account: 'This resident already has an account of her own.',
};
export const regionsEn: typeof zh.regionsZhCN = {
  community_not_found: 'This community does not exist.',
  community_unknown: 'This community does not exist.',
  community_required: 'Please choose your community first.',
  grid_area_not_offered: "Please choose one of your community's grid areas.",
  import_county_staff_only: 'Only county staff can import regions.',
  import_file_too_large: 'The file must not be larger than 2 MB.',
  import_county_missing: 'This county has not been set up yet. The first import is done by an administrator on the command line (npm run admin -- regions import).',
  import_file_foreign: 'This file was not uploaded from the import page.',
  import_file_missing: 'The uploaded file cannot be found. Please choose it again.',
};
export const requestEn: typeof zh.requestZhCN = {
  malformed: 'The request was not understood.',
  unknown_action: 'Unknown action: {action}',
  sign_in_required: 'Please sign in first.',
  request_id_required: 'This change needs a valid request number.',
  account_suspended: 'Your account is suspended. See the reason and appeal under "Me".',
  request_id_reused: 'The same request number was used for a different action.',
  still_processing: 'This request is still being processed. Please try again shortly.',
  too_frequent: 'Too many attempts. Please wait a moment and try again.',
  too_busy: 'Too many people are doing this at once. Please try again shortly.',
  forbidden: 'You are not allowed to do this.',
};
export const rolesEn: typeof zh.rolesZhCN = {
  region_not_found: 'This region does not exist.',
  cannot_grant: 'You are not allowed to grant this role.',
  user_not_found: 'This user does not exist.',
  grant_not_found: 'This grant does not exist.',
};
export const rollcallsEn: typeof zh.rollcallsZhCN = {
  not_found: 'This call-out does not exist or is over.',
  closed: 'This call-out is over.',
  meet_in_past: 'The meeting time cannot be in the past.',
  meet_too_far_ahead: 'The meeting time must be within the next 30 days.',
};
export const signupsEn: typeof zh.signupsZhCN = {
  blocked_for_no_shows: "You missed this group's activities {count} times, so you cannot sign up before {until}.",
  too_young: 'This activity is for people aged {minAge} or older.',
  guardian_consent_required: 'Under 18: signing up needs a guardian’s consent.',
  adults_only: 'This activity is for adults only.',
  not_open_yet: 'Sign-up has not opened yet.',
  closed: 'Sign-up has closed.',
  no_proxy_for: 'No resident has authorized you to sign up for them.',
  state_changed: 'The sign-up changed meanwhile. Please refresh and try again.',
  already_no_show: 'You were marked absent from this activity.',
  already_signed_up: 'You have already signed up for this activity.',
  still_settling: 'Your sign-up is still being processed. Please refresh in a moment.',
  not_found: 'Your sign-up was not found.',
  already_cancelled: 'This sign-up has been cancelled.',
  ended_cannot_cancel: 'The activity is over and can no longer be cancelled.',
  no_seat_offer: 'There is no place waiting for you to confirm.',
  seat_offer_expired: 'The time to confirm the place has passed; it went to the next person.',
  resident_has_no_signup: 'This resident has no current sign-up.',
  ended_cannot_remove: 'The activity is over; no one can be removed now.',
  no_pending_approval: 'There is no sign-up waiting for approval.',
  resident_not_confirmed: 'This resident has no confirmed sign-up.',
  check_in_too_early: 'Check-in opens one hour before the activity starts.',
  checked_in_cannot_be_absent: 'A resident who has checked in cannot be marked absent.',
  not_checked_in: 'Not checked in yet, so cannot check out.',
  check_in_code_invalid: 'The check-in code is wrong or has expired.',
  outside_check_in_time: 'It is not check-in time.',
  no_confirmed_signup: 'You have no confirmed sign-up for this activity.',
  missing_skills: 'This activity needs these skills: {skills}.',
  birth_year_needed: 'This activity has an age requirement: please give the birth year first.',
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
export const volunteersEn: typeof zh.volunteersZhCN = {
  registration_required: 'Please register as a volunteer first.',
  not_registered: 'You have not registered as a volunteer.',
  unknown_volunteer_no: 'There is no volunteer with this number.',
  community_required: 'Please choose your community under "Me" first.',
  birth_date_after_today: 'The date of birth cannot be later than today.',
  guardian_required: 'Under 18: a guardian’s consent is needed.',
  id_already_registered: 'This ID number is already registered as a volunteer.',
  already_registered: 'You are already registered as a volunteer.',
};
export const noticesEn: typeof zh.noticesZhCN = {
  not_found: 'This notice does not exist or was withdrawn.',
  not_draft: 'This notice is already published and cannot be changed; withdraw it and post it again.',
  not_published: 'Only a published notice can be withdrawn.',
  valid_in_past: 'The notice must be valid until a time after now.',
  valid_too_long: 'A notice can be valid for 90 days at most.',
  too_many_live: 'This community already has {cap} notices in force; withdraw some that are no longer needed first.',
  no_community: 'Please choose your community first.',
};
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
export const careEn: typeof zh.careZhCN = {
  not_found: 'This person is not on the register.',
  pair_not_found: 'This pairing does not exist.',
  closed: 'Care for this person has ended.',
  user_not_found: 'The linked resident account does not exist.',
  volunteer_not_found: 'No active volunteer has this number.',
  group_not_eligible: 'Only active groups of this community or its street can be paired.',
  already_paired: 'They are already paired with this person.',
  pair_ended: 'This pairing has already ended.',
  visit_date_after_today: 'The visit date cannot be later than today.',
  visit_date_too_old: 'Only visits within the last {days} days can be logged.',
  visit_before_registered: 'The visit date cannot be before the person was registered.',
};

const errorsEn: typeof zh.default = {
  care: careEn,
  needs: needsEn,
  notices: noticesEn,
  account: accountEn,
  activities: activitiesEn,
  console: consoleEn,
  content: contentEn,
  credits: creditsEn,
  groups: groupsEn,
  hours: hoursEn,
  hubs: hubsEn,
  members: membersEn,
  moderation: moderationEn,
  posts: postsEn,
  proofs: proofsEn,
  proxies: proxiesEn,
  regions: regionsEn,
  request: requestEn,
  roles: rolesEn,
  rollcalls: rollcallsEn,
  signups: signupsEn,
  store: storeEn,
  volunteers: volunteersEn,
};

export default errorsEn;

/** English twin of errorIssuesZhCN. */
export const errorIssuesEn: typeof zh.errorIssuesZhCN = {
  volunteers: {
    community_required: 'Please choose your community first.',
  },
};
