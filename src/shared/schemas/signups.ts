/**
 * Sign-ups (served by the cloud function `signups`): signing up and cancelling, waitlist offers,
 * the leader's roster, check-in codes and proxy consent. A sign-up's status and "my sign-up"
 * stay in activities.ts: every activity card carries them.
 */
import * as z from '../zod';
import { ActivityCard, MySignup, SignupStatus } from './activities';
import { BirthYear } from './account';
import { FileRef, Id, Page, paged, text } from './common';

/** Sign up myself, or (proxy) an elderly resident who consented to me. */
export const SignupsCreateInput = z.object({ activityId: Id, forUserId: Id.optional(), guardianConsent: z.boolean().optional() }).strict();
export type SignupsCreateInput = z.infer<typeof SignupsCreateInput>;
export const SignupsCancelInput = z.object({ activityId: Id, forUserId: Id.optional() }).strict();
export const SignupsConfirmOfferInput = z.object({ activityId: Id, forUserId: Id.optional() }).strict();
/** The answer to a sign-up change: my sign-up and the seats as they are now. */
export const SignupOutput = z.object({ activityId: Id, mySignup: MySignup.nullable(), seatsLeft: z.number().int(), seatsOnOffer: z.number().int().optional(), waitlistLength: z.number().int() });
export type SignupOutput = z.infer<typeof SignupOutput>;

export const SignupsMineInput = Page.extend({ scope: z.enum(['upcoming', 'past']).default('upcoming') }).strict();
export const SignupsMineOutput = paged(ActivityCard);

/** A sign-up as the leader sees it. */
export const RosterEntry = z.object({
  signupId: Id,
  userId: Id,
  nickname: z.string(),
  status: SignupStatus,
  waitSeq: z.number().int().nullable(),
  proxy: z.object({ nickname: z.string(), relation: z.string() }).nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  /** Checked in but never checked out: the stay is capped at the scheduled end. */
  missingCheckOut: z.boolean(),
});
/** The roster's sections, in the order a leader works through them on the day. */
export const RosterSection = z.enum(['pending', 'confirmed', 'waiting', 'other']);
export type RosterSection = z.infer<typeof RosterSection>;
export const ROSTER_SECTIONS: Record<RosterSection, readonly SignupStatus[]> = {
  pending: ['pending_approval'],
  confirmed: ['confirmed'],
  waiting: ['offered', 'waitlisted'],
  other: ['no_show', 'late_cancelled', 'cancelled', 'expired', 'rejected', 'removed'],
};
/** One page of one section of the roster (a large activity has thousands of sign-ups). */
export const SignupsRosterInput = z
  .object({ activityId: Id, section: RosterSection.default('confirmed'), offset: z.number().int().min(0).max(100_000).default(0), limit: z.number().int().min(1).max(200).default(100) })
  .strict();
/** Counts by status come from the sign-up documents themselves, over the whole activity. */
export const RosterCounts = z.record(SignupStatus, z.number().int());
export const SignupsRosterOutput = z.object({ items: z.array(RosterEntry), total: z.number().int(), hasMore: z.boolean(), counts: RosterCounts });
export const SignupsRosterExportInput = z.object({ activityId: Id }).strict();
export const SignupsRosterExportOutput = z.object({ fileId: z.string(), url: z.string(), rows: z.number().int() });
export const SignupsRemoveInput = z.object({ activityId: Id, userId: Id, reason: text(2, 200) }).strict();

export const SignupsDecideInput = z.object({ activityId: Id, userId: Id, decision: z.enum(['approve', 'reject']) }).strict();
export const SignupsMarkInput = z.object({ activityId: Id, userId: Id, mark: z.enum(['check_in', 'check_out', 'no_show']) }).strict();
export const RosterChangeOutput = z.object({ entry: RosterEntry });

/** The leader's rotating check-in code (6 digits) and its QR image. */
export const CheckinCodeInput = z.object({ activityId: Id }).strict();
export const CheckinCodeOutput = z.object({ code: z.string(), qr: z.string(), payload: z.string(), expiresAt: z.string() });
export const CheckinScanInput = z.object({ activityId: Id, code: z.string().regex(/^\d{6}$/, '请输入 6 位签到码'), direction: z.enum(['in', 'out']), forUserId: Id.optional() }).strict();

export const ProxyRequestInput = z.object({ relation: z.enum(['family', 'grid_worker', 'neighbour']) }).strict();
export const ProxyRequestOutput = z.object({ code: z.string(), expiresAt: z.string() });
export const ProxyAcceptInput = z.object({ code: z.string().regex(/^\d{6}$/, '请输入 6 位授权码') }).strict();
export const ProxyView = z.object({
  userId: Id,
  nickname: z.string(),
  relation: z.string(),
  since: z.string(),
  /** false: a resident without a smartphone, registered by staff or a grid worker (her proxies are her phone). */
  hasOwnAccount: z.boolean().optional(),
});
export const ProxyListOutput = z.object({ canActFor: z.array(ProxyView), actingForMe: z.array(ProxyView) });

/**
 * Residents without a smartphone (issue 18 item 3): staff of her community or a grid worker
 * registers her — a real user without an openid — with a proxy consent witnessed on paper or
 * in a photo; her proxies then act for her; every act is logged; she may later claim the account.
 */
export const ProxyRelation = z.enum(['family', 'guardian', 'grid_worker', 'neighbour']);
export type ProxyRelation = z.infer<typeof ProxyRelation>;

/** How a consent given outside the app was witnessed: the signed paper form's number, or a photo of it. */
export const ProxyWitness = z.discriminatedUnion('form', [
  z.object({ form: z.literal('paper'), ref: text(1, 60) }).strict(),
  z.object({ form: z.literal('photo'), ref: FileRef }).strict(),
]);
export type ProxyWitness = z.infer<typeof ProxyWitness>;

export const ProxyCreateResidentInput = z
  .object({
    nickname: text(1, 20),
    homeCommunityId: Id,
    birthYear: BirthYear.optional(),
    /** Her proxy: a family member's own account; absent = the grid worker or staff member himself. */
    proxyUserId: Id.optional(),
    relation: ProxyRelation,
    witness: ProxyWitness,
  })
  .strict();
export type ProxyCreateResidentInput = z.infer<typeof ProxyCreateResidentInput>;
export const ProxyCreateResidentOutput = z.object({ residentUserId: Id, consentId: Id, nickname: z.string() });

/** Another witnessed consent for a resident already registered without a smartphone (a new proxy, or after one ended). */
export const ProxyAddConsentInput = z
  .object({ residentUserId: Id, proxyUserId: Id.optional(), relation: ProxyRelation, witness: ProxyWitness })
  .strict();
export type ProxyAddConsentInput = z.infer<typeof ProxyAddConsentInput>;

/** A one-time code that lets her take over her account once she has WeChat (her history and proxies stay). */
export const ProxyClaimCodeInput = z.object({ residentUserId: Id }).strict();
export const ProxyClaimCodeOutput = z.object({ code: z.string(), expiresAt: z.string() });
export const ProxyClaimInput = z.object({ code: z.string().regex(/^\d{8}$/, '请输入 8 位认领码') }).strict();
export const ProxyClaimOutput = z.object({ userId: Id, nickname: z.string() });

/** Ends one consent at once: the resident, her guardian, the proxy himself or staff of her community. */
export const ProxyWithdrawInput = z.object({ residentUserId: Id, proxyUserId: Id, reason: text(1, 100) }).strict();

/** What a proxy did for her (代办记录). */
export const ProxyActionKind = z.enum(['signup', 'cancel', 'confirm_offer', 'check_in', 'check_out', 'birth_year']);
export const ProxyActionView = z.object({
  id: z.string(),
  kind: ProxyActionKind,
  activityId: z.string().nullable(),
  activityTitle: z.string(),
  proxyUserId: Id,
  proxyNickname: z.string(),
  at: z.string(),
});
export const ProxyRecordsInput = Page.extend({ residentUserId: Id.optional() }).strict();
export const ProxyRecordsOutput = paged(ProxyActionView);

/** Every consent she gave, active or ended: given when, how witnessed, ended by whom and why. */
export const ProxyConsentView = z.object({
  consentId: z.string(),
  proxyUserId: Id,
  proxyNickname: z.string(),
  relation: z.string(),
  status: z.enum(['active', 'ended']),
  givenAt: z.string(),
  witness: z.object({ byNickname: z.string(), form: z.enum(['paper', 'photo']), ref: z.string() }).nullable(),
  endedAt: z.string().nullable(),
  endedByNickname: z.string().nullable(),
  endReason: z.string().nullable(),
});
export const ProxyHistoryInput = z.object({ residentUserId: Id.optional() }).strict();
export const ProxyHistoryOutput = z.object({
  resident: z.object({ userId: Id, nickname: z.string(), hasOwnAccount: z.boolean() }),
  items: z.array(ProxyConsentView),
  /** What the caller may do here: 'proxies.withdraw', 'proxies.addConsent', 'proxies.claimCode'. */
  abilities: z.array(z.string()),
});
export type ProxyHistoryOutput = z.infer<typeof ProxyHistoryOutput>;
