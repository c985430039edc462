/** records.export: a volunteer exports her plain record of service (记录, not 证明). */
import type { Actor } from '../../authz/actor';
import { requireVolunteer } from '../../authz/volunteers';
import { renderServiceDocument } from '../../documents/serviceDocument';
import { fileStore } from '../../ports/storage';
import { openPersonal } from '../../privacy/personalData';
import { recordsOfUser } from '../../repositories/hourRecords';
import { chinaDayOf } from '../../runtime/chinaDay';
import { digest } from '../../runtime/hash';
import { linesOf } from './serviceRecords';
import { proofErrors } from '../../../../src/shared/domainErrors';

/** The volunteer's own record of service (记录, not 证明) as a PDF. */
export async function exportRecord(actor: Actor, from: string | undefined, to: string | undefined, requestId: string, now: Date) {
  const volunteer = await requireVolunteer(actor);
  const first = from ?? '2000-01-01';
  const last = to ?? chinaDayOf(now);
  const records = (await recordsOfUser(actor.userId)).filter((r) => r.state === 'confirmed' && r.serviceDate >= first && r.serviceDate <= last);
  const pdf = await renderServiceDocument({
    kind: 'record',
    volunteerName: volunteer.realNameSealed ? openPersonal(volunteer.realNameSealed) : volunteer.nameMasked,
    volunteerNo: volunteer.volunteerNo,
    from: first,
    to: last,
    totalMinutes: records.reduce((sum, r) => sum + r.minutes, 0),
    lines: linesOf(records),
    generatedAt: now.toISOString(),
  });
  const fileId = await fileStore().upload(`records/${digest('records', actor.userId).slice(0, 16)}/${digest(requestId).slice(0, 16)}.pdf`, pdf);
  const url = (await fileStore().temporaryUrls([fileId])).get(fileId);
  if (!url) throw proofErrors.renderFailed();
  return { url, fileName: `志愿服务记录-${volunteer.volunteerNo}.pdf` };
}
