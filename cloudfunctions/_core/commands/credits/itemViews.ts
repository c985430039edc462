/** Shared by store.items and store.saveItem: items with their images' URLs and what the viewer holds. */
import type { StoreItemView } from '../../../../src/shared/schemas/credits';
import { fileStore } from '../../ports/storage';
import { presentItem } from '../../presenters/credits';
import { heldCounts } from '../../repositories/redemptions';
import type { ItemDoc } from '../../repositories/storeItems';

/** The items as the viewer sees them (images stored in the cloud become temporary URLs). */
export async function itemViews(docs: ItemDoc[], userId: string): Promise<StoreItemView[]> {
  const held = await heldCounts(docs.map((d) => d._id), userId);
  const urls = await fileStore().temporaryUrls(docs.map((d) => d.image).filter((i): i is string => !!i && i.startsWith('cloud://')));
  return docs.map((d) => presentItem(d, d.image ? (urls.get(d.image) ?? d.image) : null, held.get(d._id) ?? 0));
}
