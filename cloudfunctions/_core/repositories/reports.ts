/** Reports (collection reports): one per person per item, each on the item's moderation case. */
import type { ReportReason, ReportTargetType } from '../../../src/shared/schemas/moderation';
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { digest } from '../runtime/hash';
import { Collections } from './collections';

export interface ReportDoc {
  _id: string;
  caseId: string;
  reporterId: string;
  targetType: ReportTargetType;
  targetId: string;
  reason: ReportReason;
  text: string | null;
  createdAt: Date;
}

const reports = () => database().collection(Collections.reports);

/** The one id of a person's report of an item, so a second report is a duplicate. */
export function reportIdOf(reporterId: string, targetType: ReportTargetType, targetId: string): string {
  return `r${digest('report', reporterId, targetType, targetId).slice(0, 24)}`;
}

/** Stores a report; false when this person reported the item before. */
export async function addReportOnce(report: ReportDoc): Promise<boolean> {
  try {
    await reports().add(report);
    return true;
  } catch (error) {
    if (isDuplicateError(error)) return false;
    throw error;
  }
}

/** Reports of a case after a moment, newest first (at most 1,000). */
export async function reportsSince(caseId: string, since: Date): Promise<ReportDoc[]> {
  const _ = database().command;
  const { data } = await reports().where({ caseId, createdAt: _.gt(since) }).orderBy('createdAt', 'desc').limit(1000).get();
  return data as ReportDoc[];
}

/** The newest reports of a case. */
export async function newestReports(caseId: string, limit: number): Promise<ReportDoc[]> {
  const { data } = await reports().where({ caseId }).orderBy('createdAt', 'desc').limit(limit).get();
  return data as ReportDoc[];
}
