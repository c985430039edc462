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
  }),
  'care.update': action({ fn: 'care', input: CareUpdateInput, output: CareRecipientView, mutation: true, audience: 'signed-in' }),
  'care.close': action({ fn: 'care', input: CareCloseInput, output: CareRecipientView, mutation: true, audience: 'signed-in' }),
  'care.list': action({
    fn: 'care',
    input: CareListInput,
    output: CareListOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'care.get': action({ fn: 'care', input: CareGetInput, output: CareRecipientView, mutation: false, audience: 'signed-in' }),
  'care.pair': action({ fn: 'care', input: CarePairInput, output: CareRecipientView, mutation: true, audience: 'signed-in' }),
  'care.unpair': action({ fn: 'care', input: CareUnpairInput, output: CareRecipientView, mutation: true, audience: 'signed-in' }),
  'care.logVisit': action({
    fn: 'care',
    input: CareLogVisitInput,
    output: CareVisitView,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 30, windowSeconds: 3600 },
  }),
  'care.visits': action({ fn: 'care', input: CareVisitsInput, output: CareVisitsOutput, mutation: false, audience: 'signed-in' }),
  'care.myPairs': action({ fn: 'care', input: CareMyPairsInput, output: CareMyPairsOutput, mutation: false, audience: 'signed-in' }),
  'care.overdue': action({ fn: 'care', input: CareOverdueInput, output: CareOverdueOutput, mutation: false, audience: 'signed-in' }),
} as const satisfies Record<string, ActionSpec>;
