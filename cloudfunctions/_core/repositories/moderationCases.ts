/** Moderation cases (collection moderation_cases): one case per reported item, its decisions and its appeal. */
import type { ModerationAction, ReportReason, ReportTargetType } from '../../../src/shared/schemas/moderation';
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { digest } from '../runtime/hash';
import { Collections } from './collections';

export interface Decision {
  action: ModerationAction;
  reason: string;
  by: string;
  at: Date;
}

export interface CaseAppeal {
  text: string;
  at: Date;
  state: 'pending' | 'upheld' | 'overturned';
  decidedBy: string | null;
  reason: string | null;
}

export interface CaseDoc {
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
  appeal: CaseAppeal | null;
  createdAt: Date;
  updatedAt: Date;
}

const cases = () => database().collection(Collections.moderationCases);

/** The one case of an item: every report of it lands on the same id. */
export function caseIdOf(targetType: ReportTargetType, targetId: string): string {
  return `mc${digest('case', targetType, targetId).slice(0, 24)}`;
}

/** Opens the case unless it exists (the first report of an item races the others for it). */
export async function openCaseOnce(fresh: CaseDoc): Promise<void> {
  try {
    await cases().add(fresh);
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
  }
}

/** Counts one more report (and its reason) on a case and answers the case as it is now. */
export async function countReport(caseId: string, reason: ReportReason, now: Date): Promise<CaseDoc> {
  const _ = database().command;
  const bumped = (await cases()
    .where({ _id: caseId })
    .updateAndReturn({ reportCount: _.inc(1), [`reasons.${reason}`]: _.inc(1), lastReportAt: now, updatedAt: now })) as { doc: CaseDoc };
  return bumped.doc;
}

/** Marks a case auto-hidden once; false when another report's call did it first. */
export async function markAutoHiddenOnce(caseId: string): Promise<boolean> {
  const won = await cases().where({ _id: caseId, autoHidden: false }).update({ autoHidden: true, state: 'hidden', itemHidden: true });
  return won.updated === 1;
}

/** A case by id, or null. */
export async function findCase(caseId: string): Promise<CaseDoc | null> {
  const { data } = await cases().doc(caseId).get();
  return (data[0] as CaseDoc | undefined) ?? null;
}

/** Changes a case by id. */
export async function updateCase(caseId: string, changes: Partial<Omit<CaseDoc, '_id'>>): Promise<void> {
  await cases().doc(caseId).update(changes);
}

/** Files the case's one appeal; false when it already has one. */
export async function fileAppealOnce(caseId: string, appeal: CaseAppeal, now: Date): Promise<boolean> {
  const { updated } = await cases().where({ _id: caseId, appeal: null }).update({ appeal, updatedAt: now });
  return updated === 1;
}

/** The cases of one region (by its level's field), most recently changed first. */
export async function casesInRegion(field: 'communityId' | 'streetId' | 'countyId', regionId: string): Promise<CaseDoc[]> {
  const { data } = await cases().where({ [field]: regionId }).orderBy('updatedAt', 'desc').limit(500).get();
  return data as CaseDoc[];
}

/** The cases about one author's content, most recently changed first. */
export async function casesAbout(authorId: string): Promise<CaseDoc[]> {
  const { data } = await cases().where({ authorId }).orderBy('updatedAt', 'desc').limit(50).get();
  return data as CaseDoc[];
}
