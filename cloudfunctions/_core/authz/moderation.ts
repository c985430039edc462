/**
 * Moderation cases as authorization sees them: the case's policy view (its place in the region
 * tree, its author, its last decision and appeal) and the loader every case command starts with.
 */
import { casePolicies, type CaseResource } from '../../../src/shared/policies/moderation';
import { findCase, type CaseDoc } from '../repositories/moderationCases';
import type { Actor } from './actor';
import { authorize } from './authorize';
import { moderationErrors } from '../../../src/shared/domainErrors';

/** Whether the item is out of sight because of this case (auto-hidden, hidden or suspended). */
export function isItemHidden(c: Pick<CaseDoc, 'itemHidden' | 'state'>): boolean {
  return c.itemHidden ?? (c.state === 'hidden' || c.state === 'suspended');
}

/** Reports wait for staff: nobody decided yet, or someone reported again after the last decision. */
export function reportsOpen(c: Pick<CaseDoc, 'decisions' | 'reportCount' | 'lastReportAt' | 'createdAt'>): boolean {
  const last = c.decisions.at(-1);
  if (!last) return c.reportCount > 0;
  return (c.lastReportAt ?? c.createdAt).getTime() > last.at.getTime();
}

/** The policy view of a case. */
export function caseResource(c: CaseDoc): CaseResource {
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

/** Loads a case the actor may see (else NOT_FOUND 处理记录不存在) and checks the ability on it. */
export async function loadCase(actor: Actor, caseId: string, ability: keyof typeof casePolicies & string): Promise<CaseDoc> {
  const found = await findCase(caseId);
  const notFound = moderationErrors.caseNotFound();
  if (!found) throw notFound;
  const resource = caseResource(found);
  authorize(casePolicies, 'moderation.view', actor, resource, notFound);
  authorize(casePolicies, ability, actor, resource);
  return found;
}
