import * as z from '../zod';
import { Id, text } from './common';
import { StaffRole } from './account';

/** Staff grant roles at or below their own node; the first county administrator comes from `npm run admin`. */
export const RolesGrantInput = z.object({ userId: Id, role: StaffRole, regionId: Id, note: text(2, 100).optional() }).strict();
export type RolesGrantInput = z.infer<typeof RolesGrantInput>;
export const RolesRevokeInput = z.object({ grantId: Id, reason: text(2, 100) }).strict();
export type RolesRevokeInput = z.infer<typeof RolesRevokeInput>;
export const RolesListInput = z.object({ regionId: Id }).strict();

export const RoleGrantRow = z.object({
  grantId: Id,
  userId: Id,
  nickname: z.string(),
  role: StaffRole,
  regionId: Id,
  regionName: z.string(),
  grantedAt: z.string(),
});
export type RoleGrantRow = z.infer<typeof RoleGrantRow>;
export const RolesListOutput = z.object({ items: z.array(RoleGrantRow) });
