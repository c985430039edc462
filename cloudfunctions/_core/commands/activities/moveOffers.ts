/** Timer expireOffers: offers past their window pass on, free seats reach the people waiting, and whoever holds an offer about to lapse is reminded. */
import { expireOffers, offerSeatsToWaiting, remindExpiringOffers } from '../../ledger/seatLedger';

/** One pass of the seat ledger's timed moves, in order (ledger/seatLedger.ts). */
export async function moveOffers(now: Date) {
  return { ...(await expireOffers(now)), ...(await offerSeatsToWaiting(now)), ...(await remindExpiringOffers(now)) };
}
