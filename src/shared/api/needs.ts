/**
 * The contract slice of the cloud function `needs` (cloudfunctions/needs/): the community's needs
 * board (微心愿 / 邻里求助) and the time-bank offer board beside it.
 */
import type * as z from '../zod';
import {
  NeedsClaimInput,
  NeedsConfirmInput,
  NeedsDeclineAddressedInput,
  NeedsDoneInput,
  NeedsGetInput,
  NeedsListInput,
  NeedsListOutput,
  NeedsMineInput,
  NeedsOfferPostInput,
  NeedsOffersInput,
  NeedsOffersOutput,
  NeedsOfferWithdrawInput,
  NeedsPostInput,
  NeedsQueueInput,
  NeedsThankInput,
  NeedsWithdrawInput,
  NeedView,
  OfferView,
} from '../schemas/needs';
import { action, type ActionSpec } from './actionSpec';

const move = <I extends z.ZodTypeAny>(input: I) => action({ fn: 'needs', input, output: NeedView, mutation: true, audience: 'signed-in' });

export const needsActions = {
  'needs.post': action({
    fn: 'needs',
    input: NeedsPostInput,
    output: NeedView,
    mutation: true,
    audience: 'signed-in',
    // Posting is where abuse would be: a few needs a day is plenty for one household.
    rateLimit: { limit: 20, windowSeconds: 3600 },
  }),
  'needs.list': action({ fn: 'needs', input: NeedsListInput, output: NeedsListOutput, mutation: false, audience: 'signed-in' }),
  'needs.get': action({ fn: 'needs', input: NeedsGetInput, output: NeedView, mutation: false, audience: 'signed-in' }),
  'needs.claim': move(NeedsClaimInput),
  'needs.confirm': move(NeedsConfirmInput),
  'needs.done': move(NeedsDoneInput),
  'needs.thank': move(NeedsThankInput),
  'needs.withdraw': move(NeedsWithdrawInput),
  'needs.declineAddressed': move(NeedsDeclineAddressedInput),
  'needs.mine': action({ fn: 'needs', input: NeedsMineInput, output: NeedsListOutput, mutation: false, audience: 'signed-in' }),
  'needs.queue': action({ fn: 'needs', input: NeedsQueueInput, output: NeedsListOutput, mutation: false, audience: 'staff' }),
  'needs.offerPost': action({ fn: 'needs', input: NeedsOfferPostInput, output: OfferView, mutation: true, audience: 'signed-in', rateLimit: { limit: 20, windowSeconds: 3600 } }),
  'needs.offers': action({ fn: 'needs', input: NeedsOffersInput, output: NeedsOffersOutput, mutation: false, audience: 'signed-in' }),
  'needs.offerWithdraw': action({ fn: 'needs', input: NeedsOfferWithdrawInput, output: OfferView, mutation: true, audience: 'signed-in' }),
} as const satisfies Record<string, ActionSpec>;
