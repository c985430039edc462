/** care.visits: a person's visit log, newest first, with each visit's hour record state (the committee and the paired). */
import { carePolicies } from '../../../../src/shared/policies/care';
import { openedVisitNotes } from '../../authz/care';
import type { CareVisitsOutput } from '../../../../src/shared/schemas/care';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { careNotFound, loadVisibleRecipient } from '../../authz/care';
import { fileStore } from '../../ports/storage';
import { presentVisit } from '../../presenters/care';
import { visitsOfRecipient } from '../../repositories/careVisits';
import { recordsByIds } from '../../repositories/hourRecords';

/** A page of the person's visits. */
export async function visitsOf(actor: Actor, input: { recipientId: string; offset: number; limit: number }): Promise<CareVisitsOutput> {
  const { resource } = await loadVisibleRecipient(actor, input.recipientId);
  authorize(carePolicies, 'care.visits', actor, resource, careNotFound());
  const page = await visitsOfRecipient(input.recipientId, input.offset, input.limit);
  const photos = page.docs.map((v) => v.photo).filter((p): p is string => !!p && p.startsWith('cloud://'));
  const [records, urls] = await Promise.all([recordsByIds(page.docs.map((v) => v.hourRecordId)), fileStore().temporaryUrls(photos)]);
  const states = new Map(records.map((r) => [r._id, r.state]));
  return {
    items: page.docs.map((v) => presentVisit(v, openedVisitNotes(v), v.photo ? (urls.get(v.photo) ?? v.photo) : null, states.get(v.hourRecordId) ?? 'pending')),
    total: page.total,
    hasMore: page.hasMore,
  };
}
