/**
 * The contract slice of the cloud function `hubs` (cloudfunctions/hubs/):
 * hub organizations and the groups they coordinate.
 */
import {
  HubLinkView,
  HubsInvitationsInput,
  HubsInvitationsOutput,
  HubsInviteInput,
  HubsMembersInput,
  HubsMembersOutput,
  HubsRespondInput,
} from '../schemas/hubs';
import { action, type ActionSpec } from './actionSpec';

export const hubsActions = {
  'hubs.invite': action({
    fn: 'hubs',
    input: HubsInviteInput,
    output: HubLinkView,
    mutation: true,
    audience: 'signed-in',
  }),
  'hubs.respond': action({
    fn: 'hubs',
    input: HubsRespondInput,
    output: HubLinkView,
    mutation: true,
    audience: 'signed-in',
  }),
  'hubs.invitations': action({
    fn: 'hubs',
    input: HubsInvitationsInput,
    output: HubsInvitationsOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'hubs.members': action({
    fn: 'hubs',
    input: HubsMembersInput,
    output: HubsMembersOutput,
    mutation: false,
    audience: 'signed-in',
  }),
} as const satisfies Record<string, ActionSpec>;
