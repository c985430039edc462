/** care.get: one person as the reader may see her (the committee of her community, the paired). */
import type { CareRecipientView } from '../../../../src/shared/schemas/care';
import { openedRecipient } from '../../authz/care';
import type { Actor } from '../../authz/actor';
import { loadVisibleRecipient } from '../../authz/care';
import { presentRecipient } from '../../presenters/care';
import { chinaDayOf } from '../../runtime/chinaDay';

/** The person, or NOT_FOUND for whoever may not see her. */
export async function getRecipient(actor: Actor, recipientId: string, now: Date): Promise<CareRecipientView> {
  const { doc, region, pairs, resource } = await loadVisibleRecipient(actor, recipientId);
  return presentRecipient(actor, doc, openedRecipient(doc), region, pairs, resource, chinaDayOf(now));
}
