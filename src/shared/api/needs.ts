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

const move = <I extends z.ZodTypeAny>(input: I, roles: string) => action({ fn: 'needs', input, output: NeedView, mutation: true, audience: 'signed-in', roles });

export const needsActions = {
  'needs.post': action({
    fn: 'needs',
    input: NeedsPostInput,
    output: NeedView,
    mutation: true,
    audience: 'signed-in',
    // Posting is where abuse would be: a few needs a day is plenty for one household.
    rateLimit: { limit: 20, windowSeconds: 3600 },
    roles: 'a resident of the community, her proxy with consent, or staff of her community',
  }),
  'needs.list': action({ fn: 'needs', input: NeedsListInput, output: NeedsListOutput, mutation: false, audience: 'signed-in', roles: 'residents and staff of the community' }),
  'needs.get': action({ fn: 'needs', input: NeedsGetInput, output: NeedView, mutation: false, audience: 'signed-in', roles: 'residents and staff of the community; address and phone to the resident, her proxies, the claimer and the committee' }),
  'needs.claim': move(NeedsClaimInput, 'a registered volunteer of the community, or a leader for a group of the community'),
  'needs.confirm': move(NeedsConfirmInput, 'the resident or her proxy'),
  'needs.done': move(NeedsDoneInput, 'the claiming volunteer or a leader of the claiming group'),
  'needs.thank': move(NeedsThankInput, 'the resident or her proxy'),
  'needs.withdraw': move(NeedsWithdrawInput, 'the resident or her proxy, before it is done'),
  'needs.declineAddressed': move(NeedsDeclineAddressedInput, 'the neighbour an open need was addressed to (from her offer): it goes to the public board'),
  'needs.mine': action({ fn: 'needs', input: NeedsMineInput, output: NeedsListOutput, mutation: false, audience: 'signed-in', roles: 'anyone: her needs, those she acts for, and those she or her groups took on' }),
  'needs.queue': action({ fn: 'needs', input: NeedsQueueInput, output: NeedsListOutput, mutation: false, audience: 'staff', roles: 'committee staff of the community (and staff above it)' }),
  'needs.offerPost': action({ fn: 'needs', input: NeedsOfferPostInput, output: OfferView, mutation: true, audience: 'signed-in', rateLimit: { limit: 20, windowSeconds: 3600 }, roles: 'a resident of a community with the time bank on' }),
  'needs.offers': action({ fn: 'needs', input: NeedsOffersInput, output: NeedsOffersOutput, mutation: false, audience: 'signed-in', roles: 'residents and staff of a community with the time bank on' }),
  'needs.offerWithdraw': action({ fn: 'needs', input: NeedsOfferWithdrawInput, output: OfferView, mutation: true, audience: 'signed-in', roles: 'whoever made the offer' }),
} as const satisfies Record<string, ActionSpec>;
