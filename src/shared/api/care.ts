/**
 * The contract slice of the cloud function `care` (cloudfunctions/care/): the register of people
 * served (with recorded consent), pairing (结对) and visit logs.
 */
import {
  CareCloseInput,
  CareGetInput,
  CareListInput,
  CareListOutput,
  CareLogVisitInput,
  CareMyPairsInput,
  CareMyPairsOutput,
  CareOverdueInput,
  CareOverdueOutput,
  CarePairInput,
  CareRecipientView,
  CareRegisterInput,
  CareUnpairInput,
  CareUpdateInput,
  CareVisitsInput,
  CareVisitsOutput,
  CareVisitView,
} from '../schemas/care';
import { action, type ActionSpec } from './actionSpec';

export const careActions = {
  'care.register': action({
    fn: 'care',
    input: CareRegisterInput,
    output: CareRecipientView,
    mutation: true,
    audience: 'signed-in',
    roles: 'committee staff of the community, with the resident’s or her guardian’s witnessed consent',
  }),
  'care.update': action({ fn: 'care', input: CareUpdateInput, output: CareRecipientView, mutation: true, audience: 'signed-in', roles: 'committee staff of her community' }),
  'care.close': action({ fn: 'care', input: CareCloseInput, output: CareRecipientView, mutation: true, audience: 'signed-in', roles: 'committee staff of her community' }),
  'care.list': action({
    fn: 'care',
    input: CareListInput,
    output: CareListOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'committee staff of the community; anyone else only the people she is paired with',
  }),
  'care.get': action({ fn: 'care', input: CareGetInput, output: CareRecipientView, mutation: false, audience: 'signed-in', roles: 'committee staff of her community, the volunteers and groups paired with her' }),
  'care.pair': action({ fn: 'care', input: CarePairInput, output: CareRecipientView, mutation: true, audience: 'signed-in', roles: 'committee staff of her community' }),
  'care.unpair': action({ fn: 'care', input: CareUnpairInput, output: CareRecipientView, mutation: true, audience: 'signed-in', roles: 'committee staff of her community' }),
  'care.logVisit': action({
    fn: 'care',
    input: CareLogVisitInput,
    output: CareVisitView,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 30, windowSeconds: 3600 },
    roles: 'the paired volunteer, or a registered volunteer in the paired group',
  }),
  'care.visits': action({ fn: 'care', input: CareVisitsInput, output: CareVisitsOutput, mutation: false, audience: 'signed-in', roles: 'committee staff of her community, the volunteers and groups paired with her' }),
  'care.myPairs': action({ fn: 'care', input: CareMyPairsInput, output: CareMyPairsOutput, mutation: false, audience: 'signed-in', roles: 'the volunteer themself (and members of paired groups)' }),
  'care.overdue': action({ fn: 'care', input: CareOverdueInput, output: CareOverdueOutput, mutation: false, audience: 'signed-in', roles: 'committee staff of the community' }),
} as const satisfies Record<string, ActionSpec>;
