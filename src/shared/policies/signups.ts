/**
 * Who may sign up for an activity, run its roster and show its check-in code: the abilities of
 * the cloud function `signups` (src/shared/api/signups.ts). They judge the activity, so the
 * activity's page lists them after its own (ActivityDetail.abilities = activities + signups).
 * Also who may register a resident without a smartphone, and who may see or change what is done
 * for her (issue 18 item 3; the proxies.* actions the signups function serves).
 */
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import { leadsActivity, type ActivityResource } from './activities';
import type { PolicySet } from './authorize';

/** What a user may do with an activity's sign-ups. */
export const signupPolicies = {
  'signups.create': (_actor, r) => r.status === 'published' && !r.ended && r.group.status === 'active',
  'signups.manage': (_actor, r) => leadsActivity(r),
  'checkin.show': (_actor, r) => r.status === 'published' && leadsActivity(r),
} satisfies PolicySet<ActivityResource>;

/** Staff over her community, or its grid worker (网格员): the people who witness consent on paper. */
const COMMUNITY_CARERS = ['committee', 'street', 'county', 'grid'] as const;

/** The community a no-account resident is registered in. */
export const proxyCommunityPolicies = {
  'proxies.createResident': (actor, community) => hasStaffRoleOver(actor, COMMUNITY_CARERS, community),
} satisfies PolicySet<RegionScope>;

/** A resident as proxy rules see her, with the caller's own active consent to act for her. */
export interface ResidentResource {
  userId: string;
  hasOwnAccount: boolean;
  /** Her home community's place in the region tree; null when she has none. */
  community: RegionScope | null;
  /** The relation of the caller's active consent to act for her; null when he has none. */
  actorConsent: string | null;
}

const isHer = (actor: PolicyActor, r: ResidentResource) => actor.userId === r.userId;
const caresForHer = (actor: PolicyActor, r: ResidentResource) => r.community !== null && hasStaffRoleOver(actor, COMMUNITY_CARERS, r.community);

/** What the caller may do about a resident's proxies. */
export const residentProxyPolicies = {
  /** Her 代办记录 and consent history. */
  'proxies.view': (actor, r) => isHer(actor, r) || r.actorConsent !== null || caresForHer(actor, r),
  /** Ending a consent at once (the proxy giving one up is the command's own case). */
  'proxies.withdraw': (actor, r) => isHer(actor, r) || r.actorConsent === 'guardian' || caresForHer(actor, r),
  /** Another consent witnessed on paper, while she has no account of her own (with one she consents in the app). */
  'proxies.addConsent': (actor, r) => !r.hasOwnAccount && caresForHer(actor, r),
  /** A claim code while she has no account of her own. */
  'proxies.claimCode': (actor, r) => !r.hasOwnAccount && (r.actorConsent !== null || caresForHer(actor, r)),
} satisfies PolicySet<ResidentResource>;
