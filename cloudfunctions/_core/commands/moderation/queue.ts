/** moderation.queue: the cases of the actor's communities and streets — open ones, or appeals waiting. */
import type { CaseReportView } from '../../../../src/shared/schemas/moderation';
import type { Actor } from '../../authz/actor';
import { reportsOpen } from '../../authz/moderation';
import { presentCase, presentCaseReport } from '../../presenters/moderation';
import { casesInRegion, type CaseDoc } from '../../repositories/moderationCases';
import { regionDirectory } from '../../repositories/regions';
import { newestReports } from '../../repositories/reports';
import { nicknamesOf } from '../../repositories/users';

/** Reports shown beside a case: the newest, enough to read what people wrote. */
const REPORTS_SHOWN = 20;

/**
 * The newest reports of each case, reporters masked (王＊): staff read what people wrote, not who
 * they are. One query a case (on its index), in parallel, so a busy case cannot crowd out the rest.
 */
async function reportsOf(caseIds: string[]): Promise<Map<string, CaseReportView[]>> {
  const pages = await Promise.all(
    caseIds.map((caseId) => newestReports(caseId, REPORTS_SHOWN)),
  );
  const nicknames = await nicknamesOf(pages.flat().map((r) => r.reporterId));
  return new Map(
    caseIds.map((caseId, i) => [
      caseId,
      pages[i]!.map((r) => presentCaseReport(r, nicknames.get(r.reporterId) ?? '')),
    ]),
  );
}

/** The queue of the actor's communities and streets: open cases, or appeals waiting. */
export async function moderationQueue(actor: Actor, state: 'open' | 'appealed' | 'all', offset: number, limit: number) {
  const regions = await regionDirectory();
  const found = new Map<string, CaseDoc>();
  for (const grant of actor.grants) {
    const region = regions.get(grant.regionId);
    if (!region) continue;
    const field = region.level === 'community' ? 'communityId' : region.level === 'street' ? 'streetId' : 'countyId';
    for (const c of await casesInRegion(field, region._id)) found.set(c._id, c);
  }
  const all = [...found.values()]
    .filter((c) => (state === 'all' ? true : state === 'appealed' ? c.appeal?.state === 'pending' : reportsOpen(c) && c.appeal?.state !== 'pending'))
    .sort((a, b) => b.reportCount - a.reportCount || a.createdAt.getTime() - b.createdAt.getTime());
  const page = all.slice(offset, offset + limit);
  const pageReports = await reportsOf(page.map((c) => c._id));
  return { items: page.map((c) => presentCase(actor, c, regions, pageReports.get(c._id))), total: all.length, hasMore: offset + page.length < all.length };
}
