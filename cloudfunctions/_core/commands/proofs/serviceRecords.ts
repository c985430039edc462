/** Shared by proofs.request, proofs.issue and records.export: the confirmed records a document counts, as its lines. */
import type { ServiceLine } from '../../documents/serviceDocument';
import type { HourRecordDoc } from '../../repositories/hourRecords';

/** Confirmed records an issuer organised within a period. */
export function recordsInScope(records: HourRecordDoc[], issuerType: 'group' | 'community', issuerId: string, from: string, to: string) {
  return records.filter(
    (r) => r.state === 'confirmed' && r.serviceDate >= from && r.serviceDate <= to && (issuerType === 'group' ? r.groupId === issuerId : r.communityId === issuerId),
  );
}

/** The lines of a service document, oldest first. */
export const linesOf = (records: HourRecordDoc[]): ServiceLine[] =>
  [...records].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate)).map((r) => ({ date: r.serviceDate, organisation: r.groupName, content: r.content, minutes: r.minutes }));
