/** What the needs commands share to answer: needs presented for the caller, in one batch of lookups. */
import type { NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { callerRelations, needResource, type CallerRelations } from '../../authz/needs';
import { allows } from '../../authz/authorize';
import { needPolicies } from '../../../../src/shared/policies/needs';
import { fileStore } from '../../ports/storage';
import { needView } from '../../presenters/needs';
import { openPersonal } from '../../privacy/personalData';
import type { NeedDoc } from '../../repositories/needs';
import { nicknamesOf } from '../../repositories/users';

/** Photo links of the needs whose photo passed the image check (one storage request per 50). */
async function photoUrlsOf(needs: NeedDoc[]): Promise<Map<string, string>> {
  const ids = needs.flatMap((n) => (n.photo && n.photoVerdict === 'pass' ? [n.photo] : []));
  return ids.length > 0 ? fileStore().temporaryUrls(ids) : new Map();
}

/** Needs as the caller sees them (her relations read once for the whole batch when not given). */
export async function needViews(actor: Actor, needs: NeedDoc[], now: Date, known?: CallerRelations): Promise<NeedView[]> {
  const [relations, nicknames, photoUrls] = await Promise.all([known ?? callerRelations(actor), nicknamesOf([...new Set(needs.map((n) => n.userId))]), photoUrlsOf(needs)]);
  const resources = new Map(needs.map((need) => [need._id, needResource(actor, need, relations)]));
  // Opened here, for the need's audience only (policy needs.viewPrivate): presenters never unseal.
  const contacts = new Map(
    needs
      .filter((need) => allows(needPolicies, 'needs.viewPrivate', actor, resources.get(need._id)!))
      .map((need) => [need._id, { place: openPersonal(need.placeSealed), phone: openPersonal(need.phoneSealed) }]),
  );
  return needs.map((need) => needView(actor, need, resources.get(need._id)!, { nicknames, photoUrls, contacts }, now));
}
