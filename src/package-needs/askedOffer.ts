/**
 * The time-bank offer a resident is asking for help from (请TA帮忙), handed from the offer board
 * to the post form. The route carries only the offer's id (the server checks it); what the form
 * shows of the offer stays here in memory, so no person's words travel through a page URL (where
 * the mini-program and H5 decode them differently). Opened without it (a reload), the form still
 * asks that offer's author, with a generic line.
 */
import type { OfferView } from '../shared/schemas/needs';

let asked: OfferView | null = null;

/** Remembers the offer being asked, just before opening the post form. */
export function rememberAskedOffer(offer: OfferView): void {
  asked = offer;
}

/** The offer with this id if it is the one being asked, else null. */
export function askedOffer(offerId: string): OfferView | null {
  return asked && asked.id === offerId ? asked : null;
}
