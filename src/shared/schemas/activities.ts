/**
 * Activities (served by the cloud function `activities`): posting, editing, discovery, posters and
 * the seat check. `DateTime`, `Location` and `NearPoint` also serve groups and roll-calls; the
 * sign-up status and "my sign-up" live here because every activity card carries them.
 */
import * as z from '../zod';
import { FileRef, Id, Page, Poster, paged, text } from './common';

export const ActivityCategory = z.enum(['culture', 'sports', 'elderly_care', 'children', 'environment', 'safety', 'learning', 'volunteer', 'other']);
export type ActivityCategory = z.infer<typeof ActivityCategory>;

/** ISO 8601 date-time with an offset (as the client sends it), parsed to a Date. */
export const DateTime = z.iso.datetime({ offset: true, error: '请输入有效的时间' }).transform((value) => new Date(value));

export const Location = z
  .object({
    name: text(1, 50),
    address: text(1, 120),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
  })
  .strict();

const ActivityFields = {
  title: text(2, 40),
  description: text(10, 2000),
  category: ActivityCategory,
  coverImage: FileRef.nullable().default(null),
  startAt: DateTime,
  endAt: DateTime,
  location: Location,
  capacity: z.number().int().min(1, '至少 1 个名额').max(5000, '名额最多 5000'),
  signupOpenAt: DateTime.optional(),
  signupCloseAt: DateTime.optional(),
  cancelCutoffHours: z.number().int().min(0).max(168).optional(),
  skills: z.array(text(1, 10)).max(10).default([]),
  minAge: z.number().int().min(0).max(100).nullable().default(null),
  volunteer: z
    .object({ plannedHours: z.number().min(0.5).max(24), creditsPerHour: z.number().int().min(0).max(100) })
    .strict()
    .nullable()
    .default(null),
  approvalRequired: z.boolean().default(false),
  /** Hours a waitlisted resident has to confirm a freed seat. */
  offerWindowHours: z.number().int().min(1).max(72).default(12),
};

type Times = { startAt: Date; endAt: Date; signupOpenAt?: Date; signupCloseAt?: Date };
function checkTimes(v: Times, ctx: z.RefinementCtx): void {
  if (v.endAt.getTime() <= v.startAt.getTime()) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间必须晚于开始时间' });
  if (v.endAt.getTime() - v.startAt.getTime() > 24 * 3600_000) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '单次活动不能超过 24 小时' });
  if (v.signupCloseAt && v.signupCloseAt.getTime() > v.startAt.getTime()) ctx.addIssue({ code: 'custom', path: ['signupCloseAt'], message: '报名截止不能晚于活动开始' });
  if (v.signupOpenAt && v.signupCloseAt && v.signupOpenAt.getTime() >= v.signupCloseAt.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['signupOpenAt'], message: '报名开始必须早于报名截止' });
  }
}

export const ActivitiesCreateInput = z
  .object({ groupId: Id, ...ActivityFields, repeatWeeks: z.number().int().min(1).max(12).default(1) })
  .strict()
  .superRefine(checkTimes);
export type ActivitiesCreateInput = z.infer<typeof ActivitiesCreateInput>;

export const ActivitiesUpdateInput = z
  .object({ activityId: Id, ...ActivityFields })
  .strict()
  .superRefine(checkTimes);
export type ActivitiesUpdateInput = z.infer<typeof ActivitiesUpdateInput>;

/** The fields both actions share, checked as they check them: the activity form judges its input with it. */
export const ActivityFieldsInput = z.object(ActivityFields).strict().superRefine(checkTimes);
/** The time rules alone, for a form that checks them whatever its other fields hold (zod skips an object's refinements while a field fails). */
export const ActivityTimes = z
  .object({ startAt: DateTime, endAt: DateTime, signupOpenAt: DateTime.optional(), signupCloseAt: DateTime.optional() })
  .superRefine(checkTimes);

export const ActivitiesCancelInput = z.object({ activityId: Id, reason: text(2, 200) }).strict();

export const SignupStatus = z.enum(['pending_approval', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'late_cancelled', 'rejected', 'no_show', 'expired', 'removed']);
export type SignupStatus = z.infer<typeof SignupStatus>;

export const MySignup = z.object({
  id: Id,
  status: SignupStatus,
  /** Position in the waitlist (1 = next), while waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  byProxy: z.object({ nickname: z.string() }).nullable(),
});
export type MySignup = z.infer<typeof MySignup>;

export const ActivityCard = z.object({
  id: Id,
  groupId: Id,
  groupName: z.string(),
  title: z.string(),
  category: ActivityCategory,
  coverImage: z.string().nullable(),
  startAt: z.string(),
  endAt: z.string(),
  locationName: z.string(),
  regionName: z.string(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  /** Seats offered to people from the waitlist, waiting for their confirmation: not free. */
  seatsOnOffer: z.number().int().optional(),
  waitlistLength: z.number().int(),
  volunteer: z.object({ plannedHours: z.number(), creditsPerHour: z.number() }).nullable(),
  status: z.enum(['published', 'cancelled', 'hidden']),
  mySignup: MySignup.nullable(),
  /**
   * Great-circle metres from the place the list was sorted by (`near`); null when the activity
   * has no coordinates; absent when the list was not asked for distances.
   */
  distanceMeters: z.number().nullable().optional(),
});
export type ActivityCard = z.infer<typeof ActivityCard>;

export const ActivityDetail = ActivityCard.extend({
  description: z.string(),
  location: z.object({ name: z.string(), address: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() }),
  signupOpenAt: z.string(),
  signupCloseAt: z.string(),
  cancelCutoffAt: z.string(),
  skills: z.array(z.string()),
  minAge: z.number().int().nullable(),
  approvalRequired: z.boolean(),
  offerWindowHours: z.number().int(),
  seriesId: Id.nullable(),
  cancelReason: z.string().nullable(),
  abilities: z.array(z.string()),
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;

/** A place chosen by the resident to sort by distance from, in degrees of the datum activity pins are stored in (GCJ-02, as WeChat's map picker gives them). */
export const NearPoint = z
  .object({
    latitude: z.number({ error: '纬度必须是数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
    longitude: z.number({ error: '经度必须是数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
  })
  .strict();
export type NearPoint = z.infer<typeof NearPoint>;

/** The number of located items a nearest-first page answered, as the next page passes it back (a paging hint, never trusted for more). */
export const NearLocated = z.number({ error: '必须是数字' }).int('必须是整数').min(0, '不能小于 0').max(100_000, '过大');

export const ActivitiesListInput = Page.extend({
  area: z.enum(['community', 'nearby']).default('nearby'),
  communityId: Id.optional(),
  groupId: Id.optional(),
  /** A day (YYYY-MM-DD, China time) or, when absent, everything from now on. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
  category: ActivityCategory.optional(),
  volunteerOnly: z.boolean().default(false),
  q: text(1, 30).optional(),
  /** Nearest first from this place (located activities first, then those without coordinates). */
  near: NearPoint.optional(),
  /** With `near`: the `located` the previous page answered, so a page reaching past the located ones costs no extra round trip. */
  located: NearLocated.optional(),
}).strict();
export type ActivitiesListInput = z.infer<typeof ActivitiesListInput>;
export const ActivitiesListOutput = paged(ActivityCard).extend({
  /** With `near`: how many of the list have a place (they come first); pass it back with the next page. */
  located: z.number().int().optional(),
});

/** A noticeboard poster of an activity, for its organisers. */
export const ActivitiesPosterInput = z.object({ activityId: Id }).strict();
export type ActivitiesPosterInput = z.infer<typeof ActivitiesPosterInput>;
export const ActivitiesPosterOutput = Poster;

export const ActivitiesGetInput = z.object({ activityId: Id }).strict();

/** Staff check an activity's seats and counters against its sign-ups; `fix` heals what drifted. */
export const ActivitiesReconcileInput = z.object({ activityId: Id, fix: z.boolean().default(false) }).strict();
export const ActivitiesReconcileOutput = z.object({
  activityId: Id,
  /** Counters as stored and as the documents say. */
  counters: z.object({
    stored: z.object({ confirmed: z.number().int(), offered: z.number().int(), waitlist: z.number().int() }),
    actual: z.object({ confirmed: z.number().int(), offered: z.number().int(), waitlist: z.number().int() }),
  }),
  capacity: z.number().int(),
  seats: z.number().int(),
  /** Each drift found, in words staff can read, with what was done about it. */
  problems: z.array(z.object({ kind: z.string(), detail: z.string(), fixed: z.boolean() })),
  fixed: z.boolean(),
});
