/**
 * The contract slice of the cloud function `roles` (cloudfunctions/roles/):
 * staff grant and revoke roles at or below their node.
 */
import * as z from '../zod';
import { RolesGrantInput, RolesListInput, RolesListOutput, RolesRevokeInput } from '../schemas/roles';
import { action, type ActionSpec } from './actionSpec';

export const rolesActions = {
  'roles.grant': action({
    fn: 'roles',
    input: RolesGrantInput,
    output: z.object({ grantId: z.string() }),
    mutation: true,
    audience: 'staff',
  }),
  'roles.revoke': action({
    fn: 'roles',
    input: RolesRevokeInput,
    output: z.object({ revoked: z.boolean() }),
    mutation: true,
    audience: 'staff',
  }),
  'roles.list': action({
    fn: 'roles',
    input: RolesListInput,
    output: RolesListOutput,
    mutation: false,
    audience: 'staff',
  }),
} as const satisfies Record<string, ActionSpec>;
