/** hours.queue: self-reports and corrections waiting for the actor — her groups' and her regions'. */
import type { Actor } from '../../authz/actor';
import { fileStore } from '../../ports/storage';
import { pendingCorrectionsUnder, pendingSelfReportsUnder, recordsByIds, type CorrectionDoc, type HourRecordDoc, type ReviewFilter } from '../../repositories/hourRecords';
import { membershipsOfUser } from '../../repositories/memberships';
import { nicknamesOf } from '../../repositories/users';

const DAY_MS = 24 * 3600_000;
/** Self-reports and corrections waiting longer than this show as overdue in the queues. */
const REVIEW_DEADLINE_MS = 3 * DAY_MS;

/** Regions the actor's staff grants cover, by level, for the queue's queries. */
function grantScopes(actor: Actor) {
  const field = { committee: 'communityId', street: 'streetId', county: 'countyId' } as const;
  // A grid worker's grant reviews no hours.
  return actor.grants.flatMap((grant) => (grant.role === 'grid' ? [] : [{ field: field[grant.role], regionId: grant.regionId }]));
}

/** Self-reports and corrections waiting for the actor: their groups' and their regions'. */
/** The pending record's source as the queue names it (anything else pending reads as a self-report). */
function reviewedSourceOf(source: HourRecordDoc['source']): 'self_report' | 'need' | 'care_visit' {
  return source === 'need' || source === 'care_visit' ? source : 'self_report';
}

export async function hoursQueue(actor: Actor, offset: number, limit: number, now: Date) {
  const led = (await membershipsOfUser(actor.userId, ['active'])).filter((m) => m.role === 'leader' || m.role === 'co_leader').map((m) => m.groupId);
  const filters: ReviewFilter[] = [];
  if (led.length > 0) filters.push({ groupIds: led });
  for (const scope of grantScopes(actor)) filters.push(scope);
  if (filters.length === 0) return { items: [], total: 0, hasMore: false };

  const pendingRecords = new Map<string, HourRecordDoc>();
  const pendingCorrections = new Map<string, CorrectionDoc>();
  for (const filter of filters) {
    const [records, corrections] = await Promise.all([pendingSelfReportsUnder(filter), pendingCorrectionsUnder(filter)]);
    for (const r of records) if (r.userId !== actor.userId) pendingRecords.set(r._id, r);
    for (const c of corrections) if (c.userId !== actor.userId) pendingCorrections.set(c._id, c);
  }
  const originals = new Map<string, HourRecordDoc>();
  const originalIds = [...new Set([...pendingCorrections.values()].map((c) => c.recordId))];
  for (const r of await recordsByIds(originalIds)) originals.set(r._id, r);
  const users = await nicknamesOf([...pendingRecords.values(), ...pendingCorrections.values()].map((x) => x.userId));
  const evidenceIds = [...pendingRecords.values()].map((r) => r.evidence).filter((e): e is string => !!e && e.startsWith('cloud://'));
  const urls = await fileStore().temporaryUrls(evidenceIds);

  const items = [
    ...[...pendingRecords.values()].map((r) => ({
      kind: 'self_report' as const,
      source: reviewedSourceOf(r.source),
      id: r._id,
      recordId: r._id,
      nickname: users.get(r.userId) ?? '居民',
      groupName: r.groupName,
      serviceDate: r.serviceDate,
      minutes: r.minutes,
      requestedMinutes: null,
      content: r.content,
      reason: null,
      evidence: r.evidence ? (urls.get(r.evidence) ?? r.evidence) : null,
      createdAt: r.recordedAt,
    })),
    ...[...pendingCorrections.values()].flatMap((c) => {
      const original = originals.get(c.recordId);
      if (!original) return [];
      return [
        {
          kind: 'correction' as const,
          source: null,
          id: c._id,
          recordId: c.recordId,
          nickname: users.get(c.userId) ?? '居民',
          groupName: original.groupName,
          serviceDate: original.serviceDate,
          minutes: original.minutes,
          requestedMinutes: c.minutes,
          content: original.content,
          reason: c.reason,
          evidence: null,
          createdAt: c.createdAt,
        },
      ];
    }),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return {
    items: items.slice(offset, offset + limit).map((item) => ({
      ...item,
      createdAt: item.createdAt.toISOString(),
      overdue: now.getTime() - item.createdAt.getTime() > REVIEW_DEADLINE_MS,
    })),
    total: items.length,
    hasMore: offset + limit < items.length,
  };
}
