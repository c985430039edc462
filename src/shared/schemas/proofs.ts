/** Proofs of volunteer service (志愿服务证明) and plain record exports (记录). */
import * as z from '../zod';
import { Id, Page, paged, text } from './common';
import { Day } from './volunteers';

export const ProofState = z.enum(['requested', 'issued', 'rejected']);
export const ProofView = z.object({
  id: Id,
  serialNo: z.string().nullable(),
  state: ProofState,
  issuerType: z.enum(['group', 'community']),
  issuerId: Id,
  issuerName: z.string(),
  from: z.string(),
  to: z.string(),
  purpose: z.string(),
  /** Volunteer's name as the reader may see it (masked for issuers' previews). */
  volunteerName: z.string(),
  volunteerNo: z.string(),
  minutes: z.number().int(),
  requestedAt: z.string(),
  issuedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** Only the volunteer and the issuer see the code. */
  verificationCode: z.string().nullable(),
  abilities: z.array(z.string()),
});
export type ProofView = z.infer<typeof ProofView>;

export const ProofsRequestInput = z
  .object({ issuerType: z.enum(['group', 'community']), issuerId: Id, from: Day, to: Day, purpose: text(0, 100).default('') })
  .strict()
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type ProofsRequestInput = z.infer<typeof ProofsRequestInput>;
export const ProofsListInput = Page.strict();
export const ProofsListOutput = paged(ProofView);
export const ProofsIssueInput = z
  .object({ proofId: Id, personInCharge: text(2, 30), contact: text(5, 40), remarks: text(0, 200).default('') })
  .strict();
export const ProofsRejectInput = z.object({ proofId: Id, reason: text(2, 200) }).strict();
export const ProofsDownloadInput = z.object({ proofId: Id }).strict();
export const FileLinkOutput = z.object({ url: z.string(), fileName: z.string() });
export const RecordsExportInput = z
  .object({ from: Day.optional(), to: Day.optional() })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });

export const ProofsVerifyInput = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{10}$/, '核验码为 10 位字母或数字') }).strict();
export const ProofsVerifyOutput = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(false) }),
  z.object({
    valid: z.literal(true),
    serialNo: z.string(),
    volunteerName: z.string(),
    idNumber: z.string(),
    volunteerNo: z.string(),
    minutes: z.number().int(),
    from: z.string(),
    to: z.string(),
    issuerName: z.string(),
    personInCharge: z.string(),
    issuedAt: z.string(),
  }),
]);
