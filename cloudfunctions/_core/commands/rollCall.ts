/**
 * Emergency roll-call (应急召集): staff over a community call its active volunteers — those with
 * any wanted skill (or all), in a grid area (or all) — to a meeting place; each is notified once,
 * answers "coming" (with an ETA) or "cannot" while it is open, and is thanked when it closes.
 * Who was called is private: to anyone else a roll-call answers like one that does not exist.
 */
import { authorize, abilities } from '../../../src/shared/policies/authorize';
import { rollCallCommunityPolicies, rollCallPolicies, type RollCallResource } from '../../../src/shared/policies/volunteers';
import type { RegionScope } from '../../../src/shared/policies/actor';
import { gridAreaAllowed } from '../../../src/shared/schemas/regions';
import {
  ROLLCALL_RECIPIENT_CAP,
  type RollCallComer,
  type RollCallsCreateInput,
  type RollCallsGetOutput,
  type RollCallsListOutput,
  type RollCallsRespondInput,
  type RollCallTally,
  type RollCallView,
} from '../../../src/shared/schemas/volunteers';
import type { JobProgress } from '../../../src/shared/schemas/common';
import { assertContentAllowed } from '../ports/contentCheck';
import { notifier, type Notice, type Notifier } from '../ports/notify';
import { noticeLocaleOf } from '../ports/noticeTexts';
import { recordAudit } from '../repositories/auditLog';
import { Collections } from '../repositories/collections';
import { pageAfter } from '../repositories/idPages';
import { createJob, findJob, progressOf, type JobDoc } from '../repositories/jobs';
import { newestFirstPage } from '../repositories/newestFirstPage';
import { findRegion, regionDirectory, type RegionDoc } from '../repositories/regions';
import {
  answerCounts,
  answerIdOf,
  closeAnswers,
  comingAnswers,
  findAnswer,
  findRollCall,
  insertAnswers,
  recordAnswer,
  rollCalls,
  rollCallsByIds,
  type RollCallAnswerDoc,
  type RollCallDoc,
} from '../repositories/rollCalls';
import { nicknamesOf, recipientsOf } from '../repositories/users';
import { matchingVolunteers, volunteersOf } from '../repositories/volunteers';
import type { Actor } from '../runtime/actor';
import { digest } from '../runtime/hash';
import { advanceJob, type JobHandlers, type SliceStep } from '../runtime/jobRunner';
import { regionErrors, rollCallErrors } from '../../../src/shared/domainErrors';

/** A meet-at time a minute old is still "now" (clocks of phones and servers differ a little). */
const PAST_GRACE_MS = 60_000;
const MAX_AHEAD_MS = 30 * 24 * 3600_000;
/** Notices sent at once: enough to reach 2,000 people in seconds without flooding the database. */
const NOTIFY_WIDTH = 16;

const notFound = () => rollCallErrors.notFound();
const closed = () => rollCallErrors.closed();
const scopeOf = (region: RegionDoc): RegionScope => ({ regionId: region._id, ancestorIds: region.ancestorIds });
const linkOf = (rollCallId: string) => `package-volunteer/rollcall/index?id=${rollCallId}`;

async function communityOf(communityId: string): Promise<RegionDoc> {
  const region = (await regionDirectory()).get(communityId);
  if (!region || region.level !== 'community') throw regionErrors.communityNotFound();
  return region;
}

/**
 * Runs `work` over the items, `width` at a time. After a failure no lane takes another item, and
 * the failure is thrown only once every lane has stopped: a failed slice leaves nothing running
 * behind it (its next run would race it).
 */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(width, items.length) }, lane));
  const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Sends one notice to each user, with her openid and language for the subscribe message (one lookup for all). */
async function notifyEach(userIds: string[], notice: (userId: string) => Notice, via: Notifier = notifier()): Promise<void> {
  const recipients = await recipientsOf(userIds);
  await inParallel(userIds, NOTIFY_WIDTH, (userId) => {
    const user = recipients.get(userId);
    const recipient = user?.openid ? { openid: user.openid, locale: noticeLocaleOf(user), communityId: user.homeCommunityId ?? null } : undefined;
    return via.notify(notice(userId), recipient);
  });
}

function resourceOf(doc: RollCallDoc, region: RegionDoc, answer: RollCallAnswerDoc | null): RollCallResource {
  return { ...scopeOf(region), status: doc.status, called: answer !== null };
}

/** The roll-call as the actor may see it; staff over it get the tally (counted unless given). */
async function present(
  actor: Actor,
  doc: RollCallDoc,
  region: RegionDoc,
  answer: RollCallAnswerDoc | null,
  known?: { coming: number; cannot: number },
  dispatch?: JobProgress | null,
): Promise<RollCallView> {
  const resource = resourceOf(doc, region, answer);
  let tally: RollCallTally | null = null;
  if (rollCallPolicies['rollcalls.tally']!(actor, resource)) {
    const counts = known ?? (await answerCounts(doc._id));
    tally = { notified: doc.notified, ...counts, pending: Math.max(0, doc.notified - counts.coming - counts.cannot), capped: doc.capped, ...(dispatch === undefined ? {} : { dispatch }) };
  }
  return {
    id: doc._id,
    communityId: doc.communityId,
    communityName: region.name,
    title: doc.title,
    description: doc.description,
    skills: doc.skills,
    gridArea: doc.gridArea,
    meetingPlace: doc.meetingPlace,
    meetAt: doc.meetAt.toISOString(),
    needed: doc.needed,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    closedAt: doc.closedAt ? doc.closedAt.toISOString() : null,
    tally,
    myAnswer: answer ? { answer: answer.answer, etaMinutes: answer.etaMinutes, answeredAt: answer.answeredAt ? answer.answeredAt.toISOString() : null } : null,
    abilities: abilities(rollCallPolicies, actor, resource),
  };
}

/** The roll-call, its community and the actor's answer, or NOT_FOUND for whoever may not see it. */
async function visibleRollCall(actor: Actor, rollCallId: string) {
  const doc = await findRollCall(rollCallId);
  if (!doc) throw notFound();
  const [region, answer] = await Promise.all([communityOf(doc.communityId), findAnswer(rollCallId, actor.userId)]);
  authorize(rollCallPolicies, 'rollcalls.view', actor, resourceOf(doc, region, answer), notFound());
  return { doc, region, answer };
}

/**
 * Creates a roll-call and notifies every matching active volunteer of the community, once each:
 * the notices are a background job (up to 2,000 do not fit one call), begun here within `budgetMs`.
 */
export async function createRollCall(actor: Actor, input: RollCallsCreateInput, requestId: string, now: Date, budgetMs: number): Promise<RollCallView> {
  const region = await communityOf(input.communityId);
  authorize(rollCallCommunityPolicies, 'rollcalls.create', actor, scopeOf(region));
  if (input.meetAt.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw rollCallErrors.meetInPast();
  }
  if (input.meetAt.getTime() > now.getTime() + MAX_AHEAD_MS) {
    throw rollCallErrors.meetTooFarAhead();
  }
  const skills = [...new Set(input.skills)];
  const gridArea = input.gridArea ?? null;
  // Once the community's grid areas are imported, the target is one of them (read fresh: a just-made import counts).
  if (gridArea && !gridAreaAllowed((await findRegion(region._id))?.gridAreas ?? [], gridArea)) {
    throw regionErrors.gridAreaNotOffered();
  }
  await assertContentAllowed(
    { title: input.title, description: input.description, meetingPlace: input.meetingPlace, gridArea: gridArea ?? undefined, skills: skills.join('，') },
    3,
    actor.openid,
  );

  // The id comes from the request, so a retry after a crash finds the same roll-call and the
  // notices' dedupe keys (derived from it) reach nobody twice.
  const id = `rc${digest('rollcall', actor.userId, requestId).slice(0, 30)}`;
  const { volunteers, more } = await matchingVolunteers({ communityId: region._id, skills, gridArea }, ROLLCALL_RECIPIENT_CAP);
  const doc: RollCallDoc = {
    _id: id,
    communityId: region._id,
    title: input.title,
    description: input.description,
    skills,
    gridArea,
    meetingPlace: input.meetingPlace,
    meetAt: input.meetAt,
    needed: input.needed,
    status: 'open',
    notified: volunteers.length,
    capped: more,
    createdBy: actor.userId,
    createdAt: now,
    closedAt: null,
    closedBy: null,
  };
  const { _id: _ignored, ...fields } = doc;
  await insertAnswers(
    volunteers.map((v) => ({ _id: answerIdOf(id, v.userId), rollCallId: id, communityId: region._id, userId: v.userId, answer: 'none', etaMinutes: null, answeredAt: null, notifiedAt: now })),
  );
  // Written after the answers: a roll-call never shows a tally its answers do not back.
  await rollCalls().doc(id).set(fields);
  // The notices go out as a job, from the answers just written: as many as the budget allows now,
  // the rest while staff watch the tally and on the function's timer (runtime/jobRunner.ts).
  await createJob({ _id: dispatchJobIdOf(id), fn: 'volunteers', kind: ROLLCALL_NOTIFY_JOB, params: { rollCallId: id }, total: volunteers.length, createdBy: actor.userId, regionId: region._id }, now);
  const dispatch = await advanceJob(dispatchJobIdOf(id), rollCallJobs, { now: () => now, budgetMs });
  await recordAudit(
    {
      actorId: actor.userId,
      action: 'rollcall.create',
      targetType: 'rollcall',
      targetId: id,
      regionId: region._id,
      reason: null,
      details: { title: input.title, skills, gridArea, needed: input.needed, notified: volunteers.length, capped: more },
    },
    `rollcall-${actor.userId}-${requestId}`,
    now,
  );
  return present(actor, doc, region, null, { coming: 0, cannot: 0 }, dispatch ? progressOf(dispatch) : null);
}

/** A called volunteer answers (or changes her answer) while the roll-call is open. */
export async function respondToRollCall(actor: Actor, input: RollCallsRespondInput, now: Date): Promise<RollCallView> {
  const doc = await findRollCall(input.rollCallId);
  const answer = doc ? await findAnswer(input.rollCallId, actor.userId) : null;
  // Only those called know it exists.
  if (!doc || !answer) throw notFound();
  if (doc.status !== 'open') throw closed();
  const region = await communityOf(doc.communityId);
  authorize(rollCallPolicies, 'rollcalls.respond', actor, resourceOf(doc, region, answer), notFound());
  const changes = { answer: input.answer, etaMinutes: input.answer === 'coming' ? (input.etaMinutes ?? null) : null, answeredAt: now };
  // An answer racing the close is refused by the answer's own flag, which the close sets.
  if (!(await recordAnswer(answer._id, changes))) throw closed();
  return present(actor, doc, region, { ...answer, ...changes });
}

/** Staff over it: the tally and who is coming (soonest first); a called volunteer: her own answer. */
export async function getRollCall(actor: Actor, rollCallId: string, now: Date, budgetMs: number): Promise<RollCallsGetOutput> {
  const { doc, region, answer } = await visibleRollCall(actor, rollCallId);
  let dispatch: JobProgress | null | undefined;
  if (rollCallPolicies['rollcalls.tally']!(actor, resourceOf(doc, region, answer))) {
    // Staff watching the tally move the notices on (slices are idempotent; a live lease means someone else is).
    const job = await findJob(dispatchJobIdOf(rollCallId));
    const moved = job && (job.state === 'queued' || job.state === 'running') ? await advanceJob(job._id, rollCallJobs, { now: () => now, budgetMs }) : job;
    dispatch = moved ? progressOf(moved) : null;
  }
  const view = await present(actor, doc, region, answer, undefined, dispatch);
  if (!view.tally) return { rollCall: view, coming: null };
  const answers = await comingAnswers(rollCallId);
  const ids = answers.map((a) => a.userId);
  const [volunteers, nicknames] = await Promise.all([inThousands(ids, volunteersOf), inThousands(ids, nicknamesOf)]);
  const coming: RollCallComer[] = answers
    .map((a) => ({
      nickname: nicknames.get(a.userId) ?? '',
      skills: volunteers.get(a.userId)?.skills ?? [],
      gridArea: volunteers.get(a.userId)?.gridArea ?? null,
      etaMinutes: a.etaMinutes,
      answeredAt: (a.answeredAt ?? a.notifiedAt).toISOString(),
    }))
    .sort((x, y) => (x.etaMinutes ?? Infinity) - (y.etaMinutes ?? Infinity) || x.answeredAt.localeCompare(y.answeredAt));
  return { rollCall: view, coming };
}

/** A lookup by id in chunks of a thousand (CloudBase caps a page there). */
async function inThousands<V>(ids: string[], lookup: (chunk: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
  const out = new Map<string, V>();
  for (let start = 0; start < ids.length; start += 1000) for (const [k, v] of await lookup(ids.slice(start, start + 1000))) out.set(k, v);
  return out;
}

/** Staff: a community's roll-calls, newest first. Anyone else: the roll-calls she was called to. */
export async function listRollCalls(actor: Actor, input: { communityId?: string; offset: number; limit: number }): Promise<RollCallsListOutput> {
  if (input.communityId) {
    const region = await communityOf(input.communityId);
    authorize(rollCallCommunityPolicies, 'rollcalls.list', actor, scopeOf(region));
    const page = await newestFirstPage<RollCallDoc>(Collections.rollCalls, { communityId: region._id }, 'createdAt', input.offset, input.limit);
    const items = await Promise.all(page.docs.map((doc) => present(actor, doc, region, null)));
    return { items, total: page.total, hasMore: page.hasMore };
  }
  const page = await newestFirstPage<RollCallAnswerDoc>(Collections.rollCallAnswers, { userId: actor.userId }, 'notifiedAt', input.offset, input.limit);
  const [docs, directory] = await Promise.all([rollCallsByIds(page.docs.map((a) => a.rollCallId)), regionDirectory()]);
  const items: RollCallView[] = [];
  for (const answer of page.docs) {
    const doc = docs.get(answer.rollCallId);
    const region = doc ? directory.get(doc.communityId) : undefined;
    if (doc && region) items.push(await present(actor, doc, region, answer));
  }
  return { items, total: page.total, hasMore: page.hasMore };
}

/** Staff close the roll-call; everyone who said "coming" is thanked. */
export async function closeRollCall(actor: Actor, rollCallId: string, requestId: string, now: Date): Promise<RollCallView> {
  const { doc, region, answer } = await visibleRollCall(actor, rollCallId);
  if (doc.status !== 'open') throw closed();
  authorize(rollCallPolicies, 'rollcalls.close', actor, resourceOf(doc, region, answer));
  const changes = { status: 'closed' as const, closedAt: now, closedBy: actor.userId };
  const { updated } = await rollCalls().where({ _id: rollCallId, status: 'open' }).update(changes);
  if (updated !== 1) throw closed();
  // Then its answers: from here no answer changes, so those thanked below are the final ones.
  await closeAnswers(rollCallId);
  const coming = await comingAnswers(rollCallId);
  await notifyEach(
    coming.map((a) => a.userId),
    (userId) => ({
      userId,
      kind: 'rollcall_closed',
      params: { title: doc.title },
      link: linkOf(rollCallId),
      dedupeKey: `rollcall-closed-${rollCallId}-${userId}`,
    }),
  );
  await recordAudit(
    { actorId: actor.userId, action: 'rollcall.close', targetType: 'rollcall', targetId: rollCallId, regionId: region._id, reason: null, details: { title: doc.title, coming: coming.length } },
    `rollcall-close-${actor.userId}-${requestId}`,
    now,
  );
  return present(actor, { ...doc, ...changes }, region, answer);
}

/** The job kind that sends a roll-call's notices (the volunteers function's jobs). */
export const ROLLCALL_NOTIFY_JOB = 'rollcall.notify';
/** Notices one slice sends: a few seconds of WeChat calls at NOTIFY_WIDTH at once. */
const NOTIFY_SLICE = 200;

/** The id of a roll-call's notice job: derived, so a retried create finds the same job. */
export function dispatchJobIdOf(rollCallId: string): string {
  return `jn${digest('rollcall-notify', rollCallId).slice(0, 30)}`;
}

function callNotice(doc: RollCallDoc, userId: string): Notice {
  return {
    userId,
    kind: 'rollcall',
    params: { title: doc.title, meetAt: doc.meetAt.toISOString(), place: doc.meetingPlace, needed: doc.needed },
    link: linkOf(doc._id),
    dedupeKey: `rollcall-${doc._id}-${userId}`,
  };
}

/**
 * One slice of a roll-call's notices: the next answers by id (everyone called has one), each
 * notified once — the dedupe key makes a slice that runs again after a crash send nothing twice
 * (the inbox keeps one notice per key, and only a new one goes to WeChat: ports/notify.ts).
 * A roll-call closed meanwhile notifies no one more.
 */
async function notifySlice(job: JobDoc, via: () => Notifier): Promise<SliceStep> {
  const rollCallId = String(job.params.rollCallId);
  const doc = await findRollCall(rollCallId);
  if (!doc || doc.status !== 'open') return { cursor: job.cursor, processed: 0, sliced: true };
  const answers = await pageAfter<RollCallAnswerDoc>(Collections.rollCallAnswers, { rollCallId }, job.cursor, NOTIFY_SLICE);
  await notifyEach(
    answers.map((a) => a.userId),
    (userId) => callNotice(doc, userId),
    via(),
  );
  return { cursor: answers.at(-1)?._id ?? job.cursor, processed: answers.length, sliced: answers.length < NOTIFY_SLICE };
}

/** The roll-call jobs, sending through `via` (tests give a notifier that fails on cue). */
export function rollCallJobsVia(via: () => Notifier): JobHandlers {
  return { [ROLLCALL_NOTIFY_JOB]: { slice: (job) => notifySlice(job, via) } };
}

/** The volunteers function's background jobs. */
export const rollCallJobs: JobHandlers = rollCallJobsVia(notifier);
