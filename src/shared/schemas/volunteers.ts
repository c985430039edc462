/**
 * Volunteers (served by the cloud function `volunteers`): registration, hour records and
 * emergency roll-calls; inputs, outputs and their exact messages.
 */
import { idNumberProblem } from '../identity/idNumber';
import * as z from '../zod';
import { DateTime } from './activities';
import { FileRef, Id, JobProgress, Page, paged, text } from './common';

export const IdType = z.enum(['mainland_id', 'hk_macao_permit', 'taiwan_permit', 'passport']);
export type IdType = z.infer<typeof IdType>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day, YYYY-MM-DD (China time is meant; the server checks ranges). */
export const Day = z.string().regex(DAY, '日期格式应为 YYYY-MM-DD');
export const Phone = z.string().trim().regex(/^1\d{10}$/, '请输入 11 位手机号');
export const VolunteerNo = z.string().trim().regex(/^V\d{10}$/, '志愿者编号格式不正确');
/** One skill as volunteers write it (preset labels or their own words). */
export const Skill = text(1, 20);
/** A grid area (网格) of the community, e.g. "3号网格": where a volunteer can be gathered quickly. */
export const GridArea = text(1, 20);

/** The ID number's own check, and a birth date for documents that do not carry one. */
function checkIdentity(v: { idType: IdType; idNumber: string; birthDate?: string }, ctx: z.RefinementCtx): void {
  const problem = idNumberProblem(v.idType, v.idNumber);
  if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem });
  if (v.idType !== 'mainland_id' && !v.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '请填写出生日期' });
}

export const VolunteerRegisterInput = z
  .object({
    realName: text(2, 30).refine((v) => !/[\d@#$%^&*<>]/.test(v), '请填写真实姓名'),
    idType: IdType,
    idNumber: z.string().trim().max(32, '过长').transform((v) => v.toUpperCase()),
    /** Needed only when the document does not carry a birth date (every type but the mainland ID). */
    birthDate: Day.optional(),
    phone: Phone.optional(),
    skills: z.array(Skill).max(10, '最多 10 项').default([]),
    gridArea: GridArea.optional(),
    emergencyContact: z.object({ name: text(1, 30), phone: Phone }).strict().optional(),
    guardian: z
      .object({ name: text(2, 30), relation: text(1, 10), phone: Phone, consent: z.literal(true, { error: '需要监护人同意' }) })
      .strict()
      .optional(),
    sensitiveConsent: z.literal(true, { error: '请阅读并同意个人敏感信息处理规则' }),
  })
  .strict()
  .superRefine(checkIdentity);
export type VolunteerRegisterInput = z.infer<typeof VolunteerRegisterInput>;

/** The identity rules alone, for a form that checks them whatever its other fields hold (zod skips an object's refinements while a field fails). */
export const VolunteerIdentity = z
  .object({ idType: IdType, idNumber: VolunteerRegisterInput.shape.idNumber, birthDate: Day.optional() })
  .superRefine(checkIdentity);

export const VolunteerUpdateInput = z
  .object({
    phone: Phone.nullable().optional(),
    skills: z.array(Skill).max(10, '最多 10 项').optional(),
    /** null clears it. */
    gridArea: GridArea.nullable().optional(),
    emergencyContact: z.object({ name: text(1, 30), phone: Phone }).strict().nullable().optional(),
  })
  .strict();
export type VolunteerUpdateInput = z.infer<typeof VolunteerUpdateInput>;

export const VolunteerWithdrawInput = z.object({ confirm: z.literal(true, { error: '请确认注销' }) }).strict();
export const VolunteerGetInput = z.object({ volunteerNo: VolunteerNo }).strict();

/** A volunteer as one reader may see them: `masked` says whether ID and phone are hidden. */
export const VolunteerProfile = z.object({
  volunteerNo: z.string(),
  realName: z.string(),
  idType: IdType.nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  /** Null when not given, or when the reader sees the masked record. */
  gridArea: z.string().nullable(),
  emergencyContact: z.object({ name: z.string(), phone: z.string() }).nullable(),
  guardian: z.object({ name: z.string(), relation: z.string(), phone: z.string() }).nullable(),
  isMinor: z.boolean(),
  status: z.enum(['active', 'withdrawn']),
  registeredAt: z.string(),
  masked: z.boolean(),
  totalMinutes: z.number().int(),
  stars: z.number().int().min(0).max(5),
  /** Hours the next star needs in total, or null at five stars. */
  nextStarHours: z.number().nullable(),
});
export type VolunteerProfile = z.infer<typeof VolunteerProfile>;
export const VolunteerMeOutput = z.object({ profile: VolunteerProfile.nullable() });

// ---- hour records ----

export const HourSource = z.enum(['checkin', 'leader_entry', 'self_report', 'correction', 'reversal', 'need', 'care_visit']);
export type HourSource = z.infer<typeof HourSource>;
export const HourState = z.enum(['pending', 'confirmed', 'rejected']);
export type HourState = z.infer<typeof HourState>;

export const HourRecordView = z.object({
  id: Id,
  groupId: Id,
  groupName: z.string(),
  activityId: Id.nullable(),
  content: z.string(),
  serviceDate: z.string(),
  minutes: z.number().int(),
  source: HourSource,
  state: HourState,
  recordedBy: z.string(),
  recordedAt: z.string(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  credits: z.number().int(),
  reversesId: Id.nullable(),
  evidence: z.string().nullable(),
  correctionPending: z.boolean(),
});
export type HourRecordView = z.infer<typeof HourRecordView>;

export const HoursMineInput = Page.strict();
export const HoursMineOutput = z.object({
  totalMinutes: z.number().int(),
  stars: z.number().int(),
  starThresholds: z.array(z.number()),
  nextStarHours: z.number().nullable(),
  byYear: z.array(z.object({ year: z.number().int(), minutes: z.number().int() })),
  byGroup: z.array(z.object({ groupId: Id, groupName: z.string(), minutes: z.number().int() })),
  /** Checked-in volunteer activities the leader has not confirmed yet. */
  awaiting: z.array(z.object({ activityId: Id, title: z.string(), startAt: z.string(), checkedInAt: z.string(), checkedOutAt: z.string().nullable() })),
  records: paged(HourRecordView),
});

export const HoursActivityInput = z.object({ activityId: Id }).strict();
export const HoursActivityRow = z.object({
  signupId: Id,
  nickname: z.string(),
  volunteerNo: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  /** No check-out: the time is capped at the scheduled end and the leader should look. */
  missingCheckout: z.boolean(),
  proposedMinutes: z.number().int(),
  recordId: Id.nullable(),
  recordMinutes: z.number().int().nullable(),
});
export const HoursActivityOutput = z.object({
  activity: z.object({ id: Id, title: z.string(), startAt: z.string(), endAt: z.string(), creditsPerHour: z.number(), plannedHours: z.number() }),
  rows: z.array(HoursActivityRow),
  canConfirm: z.boolean(),
});

export const HoursConfirmInput = z
  .object({
    activityId: Id,
    items: z
      .array(z.object({ signupId: Id, minutes: z.number().int().min(1, '时长至少 1 分钟').max(1440, '一天最多 24 小时').optional() }).strict())
      .min(1, '请至少选择一人')
      .max(200, '一次最多 200 人'),
  })
  .strict();
export type HoursConfirmInput = z.infer<typeof HoursConfirmInput>;
export const HoursConfirmOutput = z.object({
  confirmed: z.number().int(),
  already: z.number().int(),
  skipped: z.array(z.object({ signupId: Id, reason: z.enum(['not_volunteer', 'not_checked_in', 'in_progress', 'not_found']) })),
  credits: z.number().int(),
});

export const HoursSelfReportInput = z
  .object({
    groupId: Id,
    serviceDate: Day,
    minutes: z.number({ error: '请填写时长' }).int('时长以分钟计').min(1, '时长至少 1 分钟').max(1440, '一天最多 24 小时'),
    content: text(5, 200),
    evidence: FileRef,
  })
  .strict();
export type HoursSelfReportInput = z.infer<typeof HoursSelfReportInput>;

export const HoursReviewInput = z
  .object({ recordId: Id, approve: z.boolean(), reason: text(2, 200).optional() })
  .strict()
  .refine((v) => v.approve || v.reason !== undefined, { path: ['reason'], message: '驳回时请说明理由' });
export const HoursCorrectionInput = z
  .object({ recordId: Id, minutes: z.number().int('时长以分钟计').min(0, '时长不能为负').max(1440, '一天最多 24 小时'), reason: text(5, 200) })
  .strict();
export const HoursReviewCorrectionInput = z
  .object({ correctionId: Id, approve: z.boolean(), reason: text(2, 200).optional() })
  .strict()
  .refine((v) => v.approve || v.reason !== undefined, { path: ['reason'], message: '驳回时请说明理由' });
export const HoursDecisionOutput = z.object({ state: z.enum(['confirmed', 'rejected', 'applied']) });

export const HoursQueueItem = z.object({
  kind: z.enum(['self_report', 'correction']),
  /** What a pending record is (a self-report, a need's help, a care visit); null for a correction. */
  source: z.enum(['self_report', 'need', 'care_visit']).nullable(),
  id: Id,
  recordId: Id,
  nickname: z.string(),
  groupName: z.string(),
  serviceDate: z.string(),
  minutes: z.number().int(),
  requestedMinutes: z.number().int().nullable(),
  content: z.string(),
  reason: z.string().nullable(),
  evidence: z.string().nullable(),
  createdAt: z.string(),
  /** Waiting longer than the review deadline (3 days). */
  overdue: z.boolean(),
});
export const HoursQueueInput = Page.strict();
export const HoursQueueOutput = paged(HoursQueueItem);

// ---- roll-calls ----
// Emergency roll-call (应急召集): a committee or street gathers the registered volunteers of a
// community — by skill and grid area — for an urgent need; inputs, outputs and their messages.

/** How many volunteers one roll-call notifies at most (the rest are told to staff as `capped`). */
export const ROLLCALL_RECIPIENT_CAP = 2000;

export const RollCallStatus = z.enum(['open', 'closed']);
export type RollCallStatus = z.infer<typeof RollCallStatus>;
/** A volunteer's answer; 'none' until she answers. */
export const RollCallAnswer = z.enum(['none', 'coming', 'cannot']);
export type RollCallAnswer = z.infer<typeof RollCallAnswer>;

export const RollCallsCreateInput = z
  .object({
    communityId: Id,
    title: text(2, 30),
    /** What is needed, e.g. "北门低洼处装沙袋，请带手套". */
    description: text(2, 500),
    /** Any one of them qualifies a volunteer; empty = every volunteer. */
    skills: z.array(Skill).max(10, '最多 10 项').default([]),
    /** Only volunteers of this grid area; omitted = the whole community. */
    gridArea: GridArea.optional(),
    meetingPlace: text(2, 60),
    meetAt: DateTime,
    needed: z.number({ error: '请填写需要的人数' }).int('人数应为整数').min(1, '至少 1 人').max(500, '最多 500 人'),
  })
  .strict();
export type RollCallsCreateInput = z.infer<typeof RollCallsCreateInput>;

export const RollCallsRespondInput = z
  .object({
    rollCallId: Id,
    answer: z.enum(['coming', 'cannot'], { error: '请选择能否到场' }),
    /** Minutes until she can be there; only with 'coming'. */
    etaMinutes: z.number().int('以分钟计').min(0, '不能为负').max(600, '最多 600 分钟').optional(),
  })
  .strict();
export type RollCallsRespondInput = z.infer<typeof RollCallsRespondInput>;

export const RollCallsGetInput = z.object({ rollCallId: Id }).strict();
export const RollCallsCloseInput = z.object({ rollCallId: Id }).strict();
/** Staff name a community; without one, the roll-calls the caller was called to. */
export const RollCallsListInput = Page.extend({ communityId: Id.optional() }).strict();

/** The numbers staff watch while people answer. `pending` = notified but not answered yet. */
export const RollCallTally = z.object({
  notified: z.number().int(),
  coming: z.number().int(),
  cannot: z.number().int(),
  pending: z.number().int(),
  /** More volunteers matched than one roll-call notifies (ROLLCALL_RECIPIENT_CAP). */
  capped: z.boolean(),
  /**
   * Sending the notices, a background job for a big call-out: how many have been notified so
   * far (`notified` is how many will be). Null once no job is behind it (older roll-calls).
   */
  dispatch: JobProgress.nullable().optional(),
});
export type RollCallTally = z.infer<typeof RollCallTally>;

export const MyRollCallAnswer = z.object({
  answer: RollCallAnswer,
  etaMinutes: z.number().int().nullable(),
  answeredAt: z.string().nullable(),
});

/** A roll-call as one reader may see it: staff get the tally, a called volunteer her answer. */
export const RollCallView = z.object({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  title: z.string(),
  description: z.string(),
  skills: z.array(z.string()),
  gridArea: z.string().nullable(),
  meetingPlace: z.string(),
  meetAt: z.string(),
  needed: z.number().int(),
  status: RollCallStatus,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  tally: RollCallTally.nullable(),
  myAnswer: MyRollCallAnswer.nullable(),
  abilities: z.array(z.string()),
});
export type RollCallView = z.infer<typeof RollCallView>;

/** One volunteer on her way: what staff need to plan, never her phone or ID number. */
export const RollCallComer = z.object({
  nickname: z.string(),
  skills: z.array(z.string()),
  gridArea: z.string().nullable(),
  etaMinutes: z.number().int().nullable(),
  answeredAt: z.string(),
});
export type RollCallComer = z.infer<typeof RollCallComer>;

export const RollCallsGetOutput = z.object({
  rollCall: RollCallView,
  /** Staff only (null for a called volunteer): those coming, soonest first. */
  coming: z.array(RollCallComer).nullable(),
});
export type RollCallsGetOutput = z.infer<typeof RollCallsGetOutput>;
export const RollCallsListOutput = paged(RollCallView);
export type RollCallsListOutput = z.infer<typeof RollCallsListOutput>;
