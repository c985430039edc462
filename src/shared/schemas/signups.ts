/**
 * Sign-ups (served by the cloud function `signups`): signing up and cancelling, waitlist offers,
 * the leader's roster, check-in codes and proxy consent. A sign-up's status and "my sign-up"
 * stay in activities.ts: every activity card carries them.
 */
import * as z from '../zod';
import { ActivityCard, MySignup, SignupStatus } from './activities';
import { Id, Page, paged, text } from './common';

/** Sign up myself, or (proxy) an elderly resident who consented to me. */
export const SignupsCreateInput = z.object({ activityId: Id, forUserId: Id.optional(), guardianConsent: z.boolean().optional() }).strict();
export type SignupsCreateInput = z.infer<typeof SignupsCreateInput>;
export const SignupsCancelInput = z.object({ activityId: Id, forUserId: Id.optional() }).strict();
export const SignupsConfirmOfferInput = z.object({ activityId: Id }).strict();
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
export const CheckinScanInput = z.object({ activityId: Id, code: z.string().regex(/^\d{6}$/, '请输入 6 位签到码'), direction: z.enum(['in', 'out']) }).strict();

export const ProxyRequestInput = z.object({ relation: z.enum(['family', 'grid_worker', 'neighbour']) }).strict();
export const ProxyRequestOutput = z.object({ code: z.string(), expiresAt: z.string() });
export const ProxyAcceptInput = z.object({ code: z.string().regex(/^\d{6}$/, '请输入 6 位授权码') }).strict();
export const ProxyView = z.object({ userId: Id, nickname: z.string(), relation: z.string(), since: z.string() });
export const ProxyListOutput = z.object({ canActFor: z.array(ProxyView), actingForMe: z.array(ProxyView) });
