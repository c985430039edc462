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
export const contentEn: typeof zh.contentZhCN = {
  rejected: 'This text contains content that cannot be published.',
  needs_rewording: 'This text may be unfriendly or look like an advert. Please change it and submit again.',
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

const errorsEn: typeof zh.default = {
  notices: noticesEn,
  account: accountEn,
  activities: activitiesEn,
  content: contentEn,
  groups: groupsEn,
  hubs: hubsEn,
  members: membersEn,
  moderation: moderationEn,
  posts: postsEn,
  proxies: proxiesEn,
  regions: regionsEn,
  request: requestEn,
  signups: signupsEn,
  volunteers: volunteersEn,
};

export default errorsEn;

/** English twin of errorIssuesZhCN. */
export const errorIssuesEn: typeof zh.errorIssuesZhCN = {
  volunteers: {
    community_required: 'Please choose your community first.',
  },
};
