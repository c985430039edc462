// long-file: reports, decisions, appeals and hiding share the case document and its audit; it splits into commands/moderation/<verb>.ts with the layers of issue 17.
/**
 * Reports and moderation: one report per person per item; an item reported by N different
 * people (LINLI_AUTO_HIDE_REPORTS, default 3) is hidden pending review; staff over the item's
 * community (or street) hide, restore, warn or suspend with a reason; the author gets a notice
 * and may appeal once, to another staff member. Staff may also find the reports unfounded
 * (dismiss): the reports close, the item stays or comes back, the reporters are told the outcome
 * (never who decided). Every staff action goes to the audit log.
 */
import { abilities, authorize } from '../../../src/shared/policies/authorize';
import { casePolicies, type CaseResource } from '../../../src/shared/policies/moderation';
import type { CaseReportView, CaseView, ModerationAction, ReportReason, ReportTargetType, ReportsCreateInput } from '../../../src/shared/schemas/moderation';
import { assertContentAllowed } from '../ports/contentCheck';
import { notifier } from '../ports/notify';
import { maskNickname } from '../privacy/personalData';
import { recordAudit } from '../repositories/auditLog';
import { Collections } from '../repositories/collections';
import { findGroup, type GroupDoc } from '../repositories/groups';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import { findUser, nicknamesOf } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { digest } from '../runtime/hash';
import { moderationErrors } from '../../../src/shared/domainErrors';

interface Decision {
  action: ModerationAction;
  reason: string;
  by: string;
  at: Date;
}

interface CaseDoc {
  _id: string;
  targetType: ReportTargetType;
  targetId: string;
  authorId: string | null;
  title: string;
  excerpt: string;
  communityId: string | null;
  streetId: string | null;
  countyId: string | null;
  state: 'open' | 'hidden' | 'restored' | 'warned' | 'suspended' | 'dismissed';
  reportCount: number;
  reasons: Partial<Record<ReportReason, number>>;
  autoHidden: boolean;
  /** Whether the item is out of sight now (absent on cases written before it: read from `state`). */
  itemHidden?: boolean;
  /** The latest report (absent on older cases: their creation). */
  lastReportAt?: Date;
  decisions: Decision[];
  appeal: { text: string; at: Date; state: 'pending' | 'upheld' | 'overturned'; decidedBy: string | null; reason: string | null } | null;
  createdAt: Date;
  updatedAt: Date;
}

interface ReportDoc {
  _id: string;
  caseId: string;
  reporterId: string;
  reason: ReportReason;
  text: string | null;
  createdAt: Date;
}

const cases = () => database().collection(Collections.moderationCases);
const reports = () => database().collection(Collections.reports);

/** Reports shown beside a case: the newest, enough to read what people wrote. */
const REPORTS_SHOWN = 20;

/** Whether the item is out of sight because of this case (auto-hidden, hidden or suspended). */
function isItemHidden(c: Pick<CaseDoc, 'itemHidden' | 'state'>): boolean {
  return c.itemHidden ?? (c.state === 'hidden' || c.state === 'suspended');
}

/** Reports wait for staff: nobody decided yet, or someone reported again after the last decision. */
function reportsOpen(c: Pick<CaseDoc, 'decisions' | 'reportCount' | 'lastReportAt' | 'createdAt'>): boolean {
  const last = c.decisions.at(-1);
  if (!last) return c.reportCount > 0;
  return (c.lastReportAt ?? c.createdAt).getTime() > last.at.getTime();
}

/** How many different people's reports hide an item until staff look at it. */
export function autoHideThreshold(): number {
  const configured = Number(process.env.LINLI_AUTO_HIDE_REPORTS);
  return Number.isInteger(configured) && configured > 0 ? configured : 3;
}

interface Target {
  authorId: string | null;
  title: string;
  excerpt: string;
  communityId: string | null;
  streetId: string | null;
  countyId: string | null;
  collection: string | null;
}

function placeOfGroup(group: GroupDoc) {
  return { communityId: group.communityId, streetId: group.streetId, countyId: group.countyId };
}

/** The reported item: who wrote it, where it belongs, what to show the moderator. */
async function loadTarget(type: ReportTargetType, id: string): Promise<Target> {
  const notFound = moderationErrors.contentNotFound();
  const db = database();
  if (type === 'group') {
    const group = await findGroup(id);
    if (!group || group.status === 'pending' || group.status === 'rejected') throw notFound;
    return { authorId: group.leaderId, title: group.name, excerpt: group.description.slice(0, 80), ...placeOfGroup(group), collection: Collections.groups };
  }
  if (type === 'post' || type === 'activity') {
    const collection = type === 'post' ? Collections.posts : Collections.activities;
    const { data } = await db.collection(collection).doc(id).get();
    const doc = data[0] as { groupId: string; authorId?: string; createdBy?: string; text?: string; title?: string; description?: string; removedAt?: Date | null } | undefined;
    if (!doc || doc.removedAt) throw notFound;
    const group = await findGroup(doc.groupId);
    if (!group) throw notFound;
    const text = doc.text ?? doc.description ?? '';
    return { authorId: doc.authorId ?? doc.createdBy ?? null, title: doc.title ?? group.name, excerpt: text.slice(0, 80), ...placeOfGroup(group), collection };
  }
  const user = await findUser(id);
  if (!user) throw notFound;
  const regions = await regionDirectory();
  const home = user.homeCommunityId ? regions.get(user.homeCommunityId) : undefined;
  return {
    authorId: user._id,
    title: user.nickname,
    excerpt: '',
    communityId: home?._id ?? null,
    streetId: home?.parentId ?? null,
    countyId: home?.ancestorIds[0] ?? null,
    collection: Collections.users,
  };
}

function resourceOf(c: CaseDoc): CaseResource {
  const regionId = c.communityId ?? c.streetId ?? c.countyId ?? '';
  const ancestorIds = [c.countyId, c.communityId ? c.streetId : null].filter((id): id is string => !!id);
  return {
    regionId,
    ancestorIds,
    authorId: c.authorId,
    lastDecisionBy: c.decisions.at(-1)?.by ?? null,
    lastDecisionAction: c.decisions.at(-1)?.action ?? null,
    appealState: c.appeal === null ? 'none' : c.appeal.state === 'pending' ? 'pending' : 'decided',
    itemHidden: isItemHidden(c),
    reportsOpen: reportsOpen(c),
  };
}

/**
 * Hides or restores an item. Groups and activities swap their status (lists only show active
 * and published ones, so hiding costs discovery nothing); posts carry a `hidden` flag.
 */
async function setHidden(target: Target, targetId: string, hidden: boolean): Promise<void> {
  const db = database();
  if (target.collection === Collections.posts) {
    await db.collection(Collections.posts).doc(targetId).update({ hidden });
    return;
  }
  if (target.collection !== Collections.groups && target.collection !== Collections.activities) return;
  const collection = db.collection(target.collection);
  if (hidden) {
    const { data } = await collection.doc(targetId).get();
    const current = (data[0] as { status: string } | undefined)?.status;
    if (current && current !== 'hidden') await collection.where({ _id: targetId, status: current }).update({ status: 'hidden', statusBeforeHide: current });
  } else {
    const { data } = await collection.doc(targetId).get();
    const doc = data[0] as { status: string; statusBeforeHide?: string | null } | undefined;
    if (doc?.status === 'hidden') await collection.where({ _id: targetId, status: 'hidden' }).update({ status: doc.statusBeforeHide ?? (target.collection === Collections.groups ? 'active' : 'published'), statusBeforeHide: null });
  }
}

/** A resident reports an item; the Nth different reporter hides it pending review. */
export async function reportItem(actor: Actor, input: ReportsCreateInput, now: Date): Promise<{ reported: boolean; hidden: boolean }> {
  const target = await loadTarget(input.targetType, input.targetId);
  if (input.text) await assertContentAllowed({ text: input.text }, 2, actor.openid);
  if (target.authorId === actor.userId) throw moderationErrors.cannotReportOwn();
  const caseId = `mc${digest('case', input.targetType, input.targetId).slice(0, 24)}`;
  try {
    await reports().add({
      _id: `r${digest('report', actor.userId, input.targetType, input.targetId).slice(0, 24)}`,
      caseId,
      reporterId: actor.userId,
      targetType: input.targetType,
      targetId: input.targetId,
      reason: input.reason,
      text: input.text ?? null,
      createdAt: now,
    });
  } catch (error) {
    if (isDuplicateError(error)) throw moderationErrors.alreadyReported();
    throw error;
  }
  const _ = database().command;
  const fresh: CaseDoc = {
    _id: caseId,
    targetType: input.targetType,
    targetId: input.targetId,
    authorId: target.authorId,
    title: target.title,
    excerpt: target.excerpt,
    communityId: target.communityId,
    streetId: target.streetId,
    countyId: target.countyId,
    state: 'open',
    reportCount: 0,
    reasons: {},
    autoHidden: false,
    itemHidden: false,
    lastReportAt: now,
    decisions: [],
    appeal: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await cases().add(fresh);
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
  }
  const bumped = (await cases()
    .where({ _id: caseId })
    .updateAndReturn({ reportCount: _.inc(1), [`reasons.${input.reason}`]: _.inc(1), lastReportAt: now, updatedAt: now })) as { doc: CaseDoc };
  const count = bumped.doc.reportCount;
  let hidden = false;
  // Only a case nobody has decided on is hidden automatically; staff decisions stand.
  if (count >= autoHideThreshold() && bumped.doc.decisions.length === 0 && !bumped.doc.autoHidden) {
    const won = await cases().where({ _id: caseId, autoHidden: false }).update({ autoHidden: true, state: 'hidden', itemHidden: true });
    if (won.updated === 1) {
      await setHidden(target, input.targetId, true);
      hidden = true;
    }
  }
  return { reported: true, hidden: hidden || bumped.doc.autoHidden };
}

async function loadCase(actor: Actor, caseId: string, ability: string) {
  const { data } = await cases().doc(caseId).get();
  const found = data[0] as CaseDoc | undefined;
  const notFound = moderationErrors.caseNotFound();
  if (!found) throw notFound;
  const resource = resourceOf(found);
  authorize(casePolicies, 'moderation.view', actor, resource, notFound);
  authorize(casePolicies, ability, actor, resource);
  return found;
}

async function audit(actor: Actor, action: string, c: CaseDoc, reason: string, requestId: string, now: Date): Promise<void> {
  await recordAudit(
    { actorId: actor.userId, action, targetType: c.targetType === 'user' ? 'user' : c.targetType === 'group' ? 'group' : 'post', targetId: c.targetId, regionId: c.communityId ?? c.streetId, reason, details: { caseId: c._id } },
    digest('audit', actor.userId, requestId),
    now,
  );
}

/** The author's notices page (package-me), where the decision and the appeal button are. */
const noticesLink = (caseId: string) => `package-me/notices/index?id=${caseId}`;

/**
 * Brings a hidden or suspended item back: its status, a suspended group's or person's standing.
 * Used by restore, a dismissed report and an overturned appeal.
 */
async function bringBack(c: CaseDoc, now: Date): Promise<void> {
  const target = await loadTarget(c.targetType, c.targetId).catch(() => null);
  if (target) await setHidden(target, c.targetId, false);
  if (c.state !== 'suspended') return;
  if (c.targetType === 'group') await database().collection(Collections.groups).where({ _id: c.targetId, status: 'suspended' }).update({ status: 'active', updatedAt: now });
  if (c.targetType === 'user') await database().collection(Collections.users).doc(c.targetId).update({ suspendedUntil: null });
}

/** The people whose reports a decision closes: those who reported since the one before it. */
async function openReporters(c: CaseDoc): Promise<string[]> {
  const since = c.decisions.at(-1)?.at ?? new Date(0);
  const _ = database().command;
  const { data } = await reports().where({ caseId: c._id, createdAt: _.gt(since) }).orderBy('createdAt', 'desc').limit(1000).get();
  return [...new Set((data as ReportDoc[]).map((r) => r.reporterId))];
}

/**
 * Staff act on a case: hide, restore (only what is hidden), warn, suspend, or dismiss the
 * reports as unfounded — always with a reason. The author is told why (a dismissal took nothing
 * from them); on a dismissal the reporters are told the outcome, never who decided it.
 */
export async function decideCase(actor: Actor, caseId: string, action: ModerationAction, reason: string, requestId: string, now: Date): Promise<void> {
  const c = await loadCase(actor, caseId, 'moderation.decide');
  const hiddenNow = isItemHidden(c);
  if (action === 'restore' && !hiddenNow) throw moderationErrors.nothingToRestore();
  if (action === 'dismiss' && !reportsOpen(c)) throw moderationErrors.noPendingReports();
  // Read before the decision is written: the reports it closes are those since the previous one.
  const reporters = action === 'dismiss' ? await openReporters(c) : [];
  if (action === 'restore' || (action === 'dismiss' && hiddenNow)) {
    await bringBack(c, now);
  } else if (action === 'hide') {
    const target = await loadTarget(c.targetType, c.targetId).catch(() => null);
    if (target) await setHidden(target, c.targetId, true);
  } else if (action === 'suspend') {
    const target = await loadTarget(c.targetType, c.targetId).catch(() => null);
    if (c.targetType === 'group') await database().collection(Collections.groups).doc(c.targetId).update({ status: 'suspended', updatedAt: now });
    else if (c.targetType === 'user') await database().collection(Collections.users).doc(c.targetId).update({ suspendedUntil: new Date(now.getTime() + 30 * 24 * 3600_000) });
    else if (target) await setHidden(target, c.targetId, true);
  }
  const state = ({ hide: 'hidden', restore: 'restored', warn: 'warned', suspend: 'suspended', dismiss: 'dismissed' } as const)[action];
  const itemHidden = action === 'hide' || action === 'suspend' ? true : action === 'warn' ? hiddenNow : false;
  const decision: Decision = { action, reason, by: actor.userId, at: now };
  await cases().doc(caseId).update({ state, itemHidden, decisions: [...c.decisions, decision], updatedAt: now });
  await audit(actor, `moderation.${action}`, c, reason, requestId, now);
  if (action === 'dismiss') {
    for (const reporterId of reporters) {
      await notifier().notify({
        userId: reporterId,
        kind: 'report',
        params: { subject: c.title },
        link: null,
        dedupeKey: `report-${digest(caseId, requestId, reporterId).slice(0, 24)}`,
      });
    }
    return;
  }
  if (c.authorId) {
    await notifier().notify({
      userId: c.authorId,
      kind: 'moderation',
      params: { action, subject: c.title, reason },
      link: noticesLink(caseId),
      dedupeKey: `moderation-${digest(caseId, requestId).slice(0, 24)}`,
    });
  }
}

/** The author appeals a decision, once. */
export async function appealCase(actor: Actor, caseId: string, text: string, now: Date): Promise<void> {
  const c = await loadCase(actor, caseId, 'moderation.appeal');
  await assertContentAllowed({ text }, 2, actor.openid);
  const { updated } = await cases()
    .where({ _id: caseId, appeal: null })
    .update({ appeal: { text, at: now, state: 'pending', decidedBy: null, reason: null }, updatedAt: now });
  if (updated !== 1) throw moderationErrors.appealOnce();
  void c;
}

/** Another staff member (or the street) decides the appeal: uphold, or overturn and restore. */
export async function decideAppeal(actor: Actor, caseId: string, uphold: boolean, reason: string, requestId: string, now: Date): Promise<void> {
  const c = await loadCase(actor, caseId, 'moderation.decideAppeal');
  const last = c.decisions.at(-1);
  const overturnsHiding = !uphold && last !== undefined && (last.action === 'hide' || last.action === 'suspend');
  if (overturnsHiding) await bringBack(c, now);
  await cases()
    .doc(caseId)
    .update({
      appeal: { ...c.appeal!, state: uphold ? 'upheld' : 'overturned', decidedBy: actor.userId, reason },
      state: uphold ? c.state : 'restored',
      itemHidden: overturnsHiding ? false : isItemHidden(c),
      updatedAt: now,
    });
  await audit(actor, uphold ? 'moderation.appeal.uphold' : 'moderation.appeal.overturn', c, reason, requestId, now);
  if (c.authorId) {
    await notifier().notify({
      userId: c.authorId,
      kind: 'appeal',
      params: { subject: c.title, reason, ...(uphold ? { upheld: 1 } : {}) },
      link: noticesLink(caseId),
      dedupeKey: `appeal-${digest(caseId, requestId).slice(0, 24)}`,
    });
  }
}

/**
 * The newest reports of each case, reporters masked (王＊): staff read what people wrote, not who
 * they are. One query a case (on its index), in parallel, so a busy case cannot crowd out the rest.
 */
async function reportsOf(caseIds: string[]): Promise<Map<string, CaseReportView[]>> {
  const pages = await Promise.all(
    caseIds.map(async (caseId) => (await reports().where({ caseId }).orderBy('createdAt', 'desc').limit(REPORTS_SHOWN).get()).data as ReportDoc[]),
  );
  const nicknames = await nicknamesOf(pages.flat().map((r) => r.reporterId));
  return new Map(
    caseIds.map((caseId, i) => [
      caseId,
      pages[i]!.map((r) => ({ reason: r.reason, text: r.text, at: r.createdAt.toISOString(), reporter: maskNickname(nicknames.get(r.reporterId) ?? '') })),
    ]),
  );
}

function presentCase(actor: Actor, c: CaseDoc, regions: Map<string, RegionDoc>, caseReports: CaseReportView[] = []): CaseView {
  const last = c.decisions.at(-1);
  return {
    id: c._id,
    targetType: c.targetType,
    targetId: c.targetId,
    title: c.title,
    excerpt: c.excerpt,
    regionName: regions.get(c.communityId ?? c.streetId ?? '')?.name ?? '',
    state: c.state,
    reportCount: c.reportCount,
    reasons: c.reasons as Record<string, number>,
    // Never to the author, even one who is staff too: who reported them stays with the others.
    reports: c.authorId === actor.userId ? [] : caseReports,
    itemHidden: isItemHidden(c),
    autoHidden: c.autoHidden,
    lastDecision: last ? { action: last.action, reason: last.reason, at: last.at.toISOString(), byMe: last.by === actor.userId } : null,
    appeal: c.appeal ? { text: c.appeal.text, at: c.appeal.at.toISOString(), state: c.appeal.state } : null,
    abilities: abilities(casePolicies, actor, resourceOf(c)),
  };
}

/** The queue of the actor's communities and streets: open cases, or appeals waiting. */
export async function moderationQueue(actor: Actor, state: 'open' | 'appealed' | 'all', offset: number, limit: number) {
  const regions = await regionDirectory();
  const found = new Map<string, CaseDoc>();
  for (const grant of actor.grants) {
    const region = regions.get(grant.regionId);
    if (!region) continue;
    const field = region.level === 'community' ? 'communityId' : region.level === 'street' ? 'streetId' : 'countyId';
    const { data } = await cases().where({ [field]: region._id }).orderBy('updatedAt', 'desc').limit(500).get();
    for (const c of data as CaseDoc[]) found.set(c._id, c);
  }
  const all = [...found.values()]
    .filter((c) => (state === 'all' ? true : state === 'appealed' ? c.appeal?.state === 'pending' : reportsOpen(c) && c.appeal?.state !== 'pending'))
    .sort((a, b) => b.reportCount - a.reportCount || a.createdAt.getTime() - b.createdAt.getTime());
  const page = all.slice(offset, offset + limit);
  const pageReports = await reportsOf(page.map((c) => c._id));
  return { items: page.map((c) => presentCase(actor, c, regions, pageReports.get(c._id))), total: all.length, hasMore: offset + page.length < all.length };
}

/** Decisions about my own content, with their reasons and my appeal. */
export async function myCases(actor: Actor) {
  const { data } = await cases().where({ authorId: actor.userId }).orderBy('updatedAt', 'desc').limit(50).get();
  const regions = await regionDirectory();
  // A dismissed report decided nothing about the author's content: it is not theirs to read.
  return { items: (data as CaseDoc[]).filter((c) => c.decisions.some((d) => d.action !== 'dismiss')).map((c) => presentCase(actor, c, regions)) };
}
